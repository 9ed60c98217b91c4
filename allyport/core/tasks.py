from __future__ import annotations

import json
from typing import Any

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from allyport.core import encryption


@task()
def deliver_email(mail_id: int = 0, **queued_before_sealing: Any) -> None:
    """Send one queued message through the configured backend (SMTP in production),
    then clear its content: a delivered code or link is kept nowhere."""
    if queued_before_sealing:  # a job queued by an earlier release carries the message
        _send(queued_before_sealing)
        return
    from allyport.core.models import OutgoingMail

    with transaction.atomic():
        outgoing = OutgoingMail.objects.select_for_update().filter(pk=mail_id).first()
        if outgoing is None or outgoing.sent_at is not None:
            return  # already delivered by an earlier run of this job
        _send(json.loads(encryption.decrypt(outgoing.sealed)))
        outgoing.sealed, outgoing.sent_at = "", timezone.now()
        outgoing.save(update_fields=["sealed", "sent_at"])


def _send(content: dict[str, Any]) -> None:
    message = EmailMultiAlternatives(
        content["subject"], content["body"], content["from_email"], content["to"]
    )
    if content.get("html"):
        message.attach_alternative(content["html"], "text/html")
    message.send()
