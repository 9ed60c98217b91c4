"""Asking the assistant: the question is masked, answered by the help centre and kept
with its answer in the person's current conversation."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.assistant.models import Conversation, Exchange
from allyport.assistant.services.gate import owner, require_open
from allyport.assistant.services.quota import count_question
from allyport.core.errors import FieldError, RuleViolation
from allyport.helpcentre.privacy import mask
from allyport.helpcentre.services import answers

logger = logging.getLogger(__name__)

MAX_QUESTION = 1000


def current(actor: Actor) -> Conversation | None:
    """The actor's newest conversation in their company, if any."""
    if actor.user is None or actor.company is None:
        return None
    return (
        Conversation.objects.filter(user=actor.user, company=actor.company)
        .order_by("-started_at", "-id")
        .first()
    )


def _checked(question: str) -> str:
    question = " ".join(question.split())
    if not question:
        raise RuleViolation([FieldError("question", _("Enter a question."))])
    if len(question) > MAX_QUESTION:
        message = _("Enter at most %(limit)d characters.") % {"limit": MAX_QUESTION}
        raise RuleViolation([FieldError("question", message)])
    return question


def ask(actor: Actor, question: str) -> Exchange:
    """Answer `question` and keep both, masked, in the current conversation."""
    require_open(actor)
    masked = mask(_checked(question))
    # Counted before the help centre is asked: a refused question costs nothing.
    count_question(owner(actor)[0])
    # The help centre sees the masked question too: nothing personal leaves here.
    reply = answers.answer(actor, masked)
    with transaction.atomic():
        user, company = owner(actor)
        conversation = current(actor) or Conversation.objects.create(user=user, company=company)
        exchange = Exchange.objects.create(
            conversation=conversation,
            question=masked,
            kind=reply.kind,
            answer=mask(reply.text),
            note=str(reply.note)[:500],
            citations=[{"title": c.title, "url": c.url} for c in reply.citations],
            passage_ids=list(reply.passage_ids),
        )
        Conversation.objects.filter(pk=conversation.pk).update(updated_at=timezone.now())
    if reply.kind == "unanswered":
        logger.info("assistant could not answer: %s", masked)
    return exchange


def start_over(actor: Actor) -> Conversation:
    """A new, empty conversation (the older one stays until retention removes it)."""
    require_open(actor)
    user, company = owner(actor)
    return Conversation.objects.create(user=user, company=company)
