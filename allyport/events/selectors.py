"""Reads of the actor's company's webhooks and their delivery logs."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from allyport.access.actor import Actor
from allyport.events.models import Delivery, Webhook


def webhooks(actor: Actor) -> QuerySet[Webhook]:
    return Webhook.objects.filter(company=actor.company).order_by("-created_at", "-id")


def webhook_or_404(actor: Actor, public_id: str) -> Webhook:
    """Another company's webhook and a missing one look the same."""
    webhook = Webhook.objects.filter(company=actor.company, public_id=public_id).first()
    if webhook is None or actor.company is None:
        raise Http404
    return webhook


def delivery_log(webhook: Webhook) -> QuerySet[Delivery]:
    """Newest first, with each event's detail-type (the envelope itself is not read)."""
    return (
        Delivery.objects.filter(webhook=webhook)
        .select_related("event")
        .only(
            "created_at",
            "updated_at",
            "attempts",
            "status",
            "last_status_code",
            "last_error",
            "next_attempt_at",
            "event__detail_type",
            "event__event_id",
        )  # fmt: skip
        .order_by("-created_at", "-id")
    )
