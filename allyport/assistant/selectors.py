"""Reads of the assistant: one's own exchanges (another person's is missing: 404) and
what staff see (feedback, unanswered questions, the most asked topics)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from allyport.access.actor import Actor
from allyport.assistant.models import CompanySetting, Conversation, Exchange, Rating, Vote
from allyport.core.errors import NotFound


def find_exchange(actor: Actor, exchange_id: int | str) -> Exchange:
    """One of the actor's own exchanges; anyone else's is missing."""
    try:
        pk = int(exchange_id)
    except (TypeError, ValueError):
        raise NotFound("Exchange", str(exchange_id)) from None
    found = (
        Exchange.objects.select_related("conversation")
        .filter(pk=pk, conversation__user=actor.user, conversation__company=actor.company)
        .first()
        if actor.user is not None and actor.company is not None
        else None
    )
    if found is None:
        raise NotFound("Exchange", str(exchange_id))
    return found


def exchanges(conversation: Conversation | None) -> list[Exchange]:
    if conversation is None:
        return []
    return list(conversation.exchanges.select_related("vote").order_by("id"))


# --- staff -----------------------------------------------------------------------


def since(days: int) -> datetime:
    return timezone.now() - timedelta(days=days)


def recent_votes(limit: int = 100) -> QuerySet[Vote]:
    return Vote.objects.select_related(
        "exchange__conversation__company", "exchange__conversation__user"
    ).order_by("-voted_at", "-id")[:limit]


def recent_ratings(limit: int = 100) -> QuerySet[Rating]:
    return Rating.objects.select_related("company", "user").order_by("-rated_at", "-id")[:limit]


def unanswered(limit: int = 100) -> QuerySet[Exchange]:
    return (
        Exchange.objects.filter(kind="unanswered")
        .select_related("conversation__company")
        .order_by("-asked_at", "-id")[:limit]
    )


@dataclass(frozen=True)
class Topic:
    title: str
    url: str
    asked: int


def top_topics(limit: int = 20, days: int | None = None) -> list[Topic]:
    """The sources answers leaned on most (each answer's first citation), most first."""
    window = days or settings.ALLYPORT_ASSISTANT_RETENTION_DAYS
    rows = Exchange.objects.filter(asked_at__gte=since(window)).exclude(citations=[])
    counts: Counter[tuple[str, str]] = Counter()
    for citations in rows.values_list("citations", flat=True).iterator():
        first = citations[0]
        counts[(first.get("title", ""), first.get("url", "").split("#", 1)[0])] += 1
    return [Topic(title, url, n) for (title, url), n in counts.most_common(limit)]


@dataclass(frozen=True)
class Summary:
    questions: int
    unanswered: int
    helpful: int
    not_helpful: int
    ratings: int
    average_rating: float | None


def summary() -> Summary:
    ratings = list(Rating.objects.values_list("score", flat=True))
    return Summary(
        questions=Exchange.objects.count(),
        unanswered=Exchange.objects.filter(kind="unanswered").count(),
        helpful=Vote.objects.filter(helpful=True).count(),
        not_helpful=Vote.objects.filter(helpful=False).count(),
        ratings=len(ratings),
        average_rating=round(sum(ratings) / len(ratings), 1) if ratings else None,
    )


def turned_off() -> QuerySet[CompanySetting]:
    return CompanySetting.objects.filter(enabled=False).select_related("company", "changed_by")
