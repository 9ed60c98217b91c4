from __future__ import annotations

from datetime import datetime

from django.core.mail import EmailMultiAlternatives
from django_tasks import task

from allyport.core import mail_retry


@task()
def deliver_email(
    subject: str,
    body: str,
    from_email: str,
    to: list[str],
    html: str | None = None,
    attempt: int = 1,
) -> None:
    """Send one message through the configured backend (SMTP in production); while the
    server cannot take it, queue it again with a growing wait (core/mail_retry.py)."""
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html:
        message.attach_alternative(html, "text/html")

    def retry(run_after: datetime, next_attempt: int) -> None:
        deliver_email.using(run_after=run_after).enqueue(
            subject=subject, body=body, from_email=from_email, to=to, html=html,
            attempt=next_attempt,
        )  # fmt: skip

    can_defer = deliver_email.get_backend().supports_defer
    mail_retry.send_or_retry(message, attempt, retry, can_defer)
