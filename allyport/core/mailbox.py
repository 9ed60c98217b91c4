"""Development mail: printed to the console and kept for the mailbox page."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.core.mail.message import EmailMessage


class DevMailboxBackend(ConsoleBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        from allyport.core.models import DevMail

        sent = super().send_messages(email_messages)
        for message in email_messages:
            DevMail.objects.create(
                to=", ".join(str(a) for a in message.to)[:1000],
                subject=str(message.subject)[:400],
                body=str(message.body),
            )
        return sent
