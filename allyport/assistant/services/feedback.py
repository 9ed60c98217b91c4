"""Feedback on the assistant: thumbs up or down on an answer (a re-ranking signal for
the help centre) with an optional reason and comment, and the panel's rating."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.assistant import selectors
from allyport.assistant.models import Rating, Vote
from allyport.assistant.services.gate import owner, require_open
from allyport.core.errors import FieldError, RuleViolation
from allyport.helpcentre.privacy import mask
from allyport.helpcentre.services import feedback as helpcentre_feedback

MAX_COMMENT = 2000
REASONS = {key for key, _label in Vote.REASONS}


def _comment(comment: str) -> str:
    comment = comment.strip()
    if len(comment) > MAX_COMMENT:
        message = _("Enter at most %(limit)d characters.") % {"limit": MAX_COMMENT}
        raise RuleViolation([FieldError("comment", message)])
    return mask(comment)


def vote(actor: Actor, exchange_id: int | str, helpful: bool) -> Vote:
    """Thumbs up or down on one of the actor's answers; a changed vote is a new signal."""
    require_open(actor)
    exchange = selectors.find_exchange(actor, exchange_id)
    with transaction.atomic():
        found = Vote.objects.select_for_update().filter(exchange=exchange).first()
        if found is not None and found.helpful == helpful:
            return found
        if found is None:
            found = Vote(exchange=exchange, helpful=helpful)
        else:
            found.helpful = helpful
            if helpful:
                found.reason, found.comment = "", ""
        found.save()
    helpcentre_feedback.record_vote(tuple(exchange.passage_ids), exchange.question, helpful)
    return found


def explain_vote(actor: Actor, exchange_id: int | str, reason: str, comment: str) -> Vote:
    """Why an answer was not helpful: a reason from the picklist and/or a comment."""
    require_open(actor)
    exchange = selectors.find_exchange(actor, exchange_id)
    errors = []
    if reason and reason not in REASONS:
        errors.append(FieldError("reason", _("Choose a reason from the list.")))
    try:
        text = _comment(comment)
    except RuleViolation as refused:
        errors.extend(refused.errors)
        text = ""
    if not errors and not reason and not text:
        errors.append(FieldError("reason", _("Choose a reason or enter a comment.")))
    if errors:
        raise RuleViolation(errors)
    with transaction.atomic():
        found = Vote.objects.select_for_update().filter(exchange=exchange).first()
        if found is None or found.helpful:
            # Details belong to a thumbs down: make it one first.
            found = vote(actor, exchange.pk, False)
        found.reason, found.comment = reason, text
        found.save(update_fields=["reason", "comment", "voted_at"])
    return found


def rate(actor: Actor, score: int | str, comment: str) -> Rating:
    """The panel's Feedback: a rating from 1 to 5 and optional comments."""
    require_open(actor)
    errors = []
    try:
        value = int(score)
    except (TypeError, ValueError):
        value = 0
    if value not in range(1, 6):
        errors.append(FieldError("score", _("Choose a rating from 1 to 5.")))
    try:
        text = _comment(comment)
    except RuleViolation as refused:
        errors.extend(refused.errors)
        text = ""
    if errors:
        raise RuleViolation(errors)
    user, company = owner(actor)
    return Rating.objects.create(user=user, company=company, score=value, comment=text)
