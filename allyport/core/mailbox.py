"""Development mail: printed to the console and kept for the mailbox page.

Development only: it keeps every body (codes and links included) in the `DevMail`
table. Production refuses to start without EMAIL_HOST (settings), and this backend
refuses to send if it is configured there anyway.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.core.mail.message import EmailMessage


class DevMailboxBackend(ConsoleBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        from allyport.core.models import DevMail

        if settings.PRODUCTION:
            raise ImproperlyConfigured(
                "The development mailbox keeps mail bodies: not in production"
            )
        sent = super().send_messages(email_messages)
        for message in email_messages:
            DevMail.objects.create(
                to=", ".join(str(a) for a in message.to)[:1000],
                subject=str(message.subject)[:400],
                body=str(message.body),
            )
        return sent
