"""Reading partner events: the home feed (pinned first, then the soonest), the full
list searched and filtered, one event, and whether the member registered."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone

from allyport.access.actor import Actor
from allyport.content.events.models import EventRegistration, PartnerEvent

FEED_SIZE = 4
FEED_COLUMNS = (
    "public_id", "title", "kind", "delivery_format", "summary", "starts_at", "ends_at", "pinned",
)  # fmt: skip


def upcoming() -> QuerySet[PartnerEvent]:
    """Published events not over yet, pinned first, then by start."""
    return PartnerEvent.objects.filter(is_published=True, ends_at__gte=timezone.now())


def home_feed() -> list[PartnerEvent]:
    """The next events; the home page keeps them in the shared cache (feeds)."""
    return list(upcoming().only(*FEED_COLUMNS)[:FEED_SIZE])


def search_events(
    query: str = "", kind: str = "", delivery_format: str = "", past: bool = False
) -> QuerySet[PartnerEvent]:
    if past:
        found = PartnerEvent.objects.filter(is_published=True, ends_at__lt=timezone.now())
        found = found.order_by("-starts_at")
    else:
        found = upcoming()
    for word in query.split()[:8]:
        found = found.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(location__icontains=word)
        )
    if kind:
        found = found.filter(kind=kind)
    if delivery_format:
        found = found.filter(delivery_format=delivery_format)
    return found


def event(public_id: str) -> PartnerEvent | None:
    return PartnerEvent.objects.filter(is_published=True, public_id=public_id).first()


def registration_of(actor: Actor, partner_event: PartnerEvent) -> EventRegistration | None:
    if actor.user is None:
        return None
    return EventRegistration.objects.filter(event=partner_event, user=actor.user).first()
