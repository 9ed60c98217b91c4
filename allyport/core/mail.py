"""Every email leaves through here: rendered now, delivered by the task worker.

The message is stored encrypted (`OutgoingMail`) and the queue carries only its
id, so codes and links in mail bodies are readable neither in task rows nor in
the admin; the worker decrypts, sends, and clears the content. The database task
queue writes the job in the caller's transaction, so a message about a change
that rolls back is never sent.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string

from allyport.core import encryption, languages
from allyport.core.models import OutgoingMail
from allyport.core.tasks import deliver_email


def enqueue_message(message: EmailMessage) -> None:
    html = None
    if isinstance(message, EmailMultiAlternatives):
        html = next((str(c) for c, mime in message.alternatives if mime == "text/html"), None)
    body = str(message.body)
    if message.content_subtype == "html":
        html, body = body, ""
    to = [str(address) for address in message.to]
    content = {
        "subject": str(message.subject),
        "body": body,
        "html": html,
        "from_email": str(message.from_email or settings.DEFAULT_FROM_EMAIL),
        "to": to,
    }
    outgoing = OutgoingMail.objects.create(
        to=", ".join(to)[:1000], sealed=encryption.encrypt(json.dumps(content))
    )
    deliver_email.enqueue(mail_id=outgoing.pk)


def send(template_prefix: str, to: str, context: dict[str, Any]) -> None:
    """Render `<prefix>_subject.txt` and `<prefix>_message.txt` in the recipient's
    language (core/languages.py) and queue the message."""
    context = {"public_url": settings.ALLYPORT_PUBLIC_URL, **context}
    with languages.speaking_to(to):
        subject = render_to_string(f"{template_prefix}_subject.txt", context).strip()
        body = render_to_string(f"{template_prefix}_message.txt", context)
    prefixed = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.splitlines())
    enqueue_message(EmailMessage(prefixed, body, settings.DEFAULT_FROM_EMAIL, [to]))
