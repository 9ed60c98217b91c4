"""The mail worker: delivers sealed messages, and tries again while the server is down."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from allyport.core import encryption, mail_retry


@task()
def deliver_email(mail_id: int = 0, attempt: int = 1, **queued_before_sealing: Any) -> None:
    """Send one queued message through the configured backend (SMTP in production),
    then clear its content: a delivered code or link is kept nowhere. While the server
    cannot take it, the job is queued again with a growing wait (core/mail_retry.py),
    carrying only the message's id, so the content stays sealed until it is sent."""
    if queued_before_sealing:  # a job queued by an earlier release carries the message
        mail_id = _seal(queued_before_sealing)
    from allyport.core.models import OutgoingMail

    def retry(run_after: datetime, next_attempt: int) -> None:
        deliver_email.using(run_after=run_after).enqueue(mail_id=mail_id, attempt=next_attempt)

    with transaction.atomic():
        outgoing = OutgoingMail.objects.select_for_update().filter(pk=mail_id).first()
        if outgoing is None or outgoing.sent_at is not None:
            return  # already delivered by an earlier run of this job
        message = _message(json.loads(encryption.decrypt(outgoing.sealed)))
        can_defer = deliver_email.get_backend().supports_defer
        if mail_retry.send_or_retry(message, attempt, retry, can_defer):
            outgoing.sealed, outgoing.sent_at = "", timezone.now()
            outgoing.save(update_fields=["sealed", "sent_at"])


def _seal(content: dict[str, Any]) -> int:
    from allyport.core.models import OutgoingMail

    to = [str(address) for address in content.get("to") or []]
    outgoing = OutgoingMail.objects.create(
        to=", ".join(to)[:1000], sealed=encryption.encrypt(json.dumps(content))
    )
    return outgoing.pk


def _message(content: dict[str, Any]) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        content["subject"], content["body"], content["from_email"], content["to"]
    )
    if content.get("html"):
        message.attach_alternative(content["html"], "text/html")
    return message
