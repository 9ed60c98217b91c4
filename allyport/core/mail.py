"""Every email leaves through here: rendered now, delivered by the task worker.

The database task queue writes the job in the caller's transaction, so a
message about a change that rolls back is never sent.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string

from allyport.core.tasks import deliver_email


def enqueue_message(message: EmailMessage) -> None:
    html = None
    if isinstance(message, EmailMultiAlternatives):
        html = next((str(c) for c, mime in message.alternatives if mime == "text/html"), None)
    body = str(message.body)
    if message.content_subtype == "html":
        html, body = body, ""
    deliver_email.enqueue(
        subject=str(message.subject),
        body=body,
        from_email=str(message.from_email or settings.DEFAULT_FROM_EMAIL),
        to=[str(address) for address in message.to],
        html=html,
    )


def send(template_prefix: str, to: str, context: dict[str, Any]) -> None:
    """Render `<prefix>_subject.txt` and `<prefix>_message.txt` and queue the message."""
    context = {"public_url": settings.ALLYPORT_PUBLIC_URL, **context}
    subject = render_to_string(f"{template_prefix}_subject.txt", context).strip()
    body = render_to_string(f"{template_prefix}_message.txt", context)
    prefixed = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.splitlines())
    enqueue_message(EmailMessage(prefixed, body, settings.DEFAULT_FROM_EMAIL, [to]))
