"""Reading partner news: the home feed and the last six months, searched by words and
filtered by topic. News is for every partner (no company of its own)."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from allyport.content.news.models import NewsItem

FEED_SIZE = 4
WINDOW = timedelta(days=183)  # "the last six months"
FEED_COLUMNS = ("public_id", "title", "summary", "topic", "published_at")


def published() -> QuerySet[NewsItem]:
    return NewsItem.objects.filter(is_published=True, published_at__lte=timezone.now())


def home_feed() -> list[NewsItem]:
    """The newest published items; the home page keeps them in the shared cache (feeds)."""
    return list(published().only(*FEED_COLUMNS)[:FEED_SIZE])


def recent_news(query: str = "", topic: str = "") -> QuerySet[NewsItem]:
    found = published().filter(published_at__gte=timezone.now() - WINDOW)
    for word in query.split()[:8]:
        found = found.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
        )
    if topic:
        found = found.filter(topic=topic)
    return found


def news_item(public_id: str) -> NewsItem | None:
    return published().filter(public_id=public_id).first()
