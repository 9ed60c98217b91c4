"""The home page's feeds are the same for every member and change only when staff
publish: they are kept in the shared cache for a minute and dropped whenever staff
save or delete a news item or an event, so the home page stays as fast as without
them (its speed goal) and a change shows at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from allyport.core import fragments

TTL = 60  # seconds: events that just ended leave the feed within a minute
NEWS_KEY = "content:feed:news"
EVENTS_KEY = "content:feed:events"


def cached_many(builds: dict[str, Callable[[], Any]]) -> dict[str, Any]:
    """Several feeds in one cache round trip (the home page shows both)."""
    found = cache.get_many(list(builds))
    missing = {key: build() for key, build in builds.items() if key not in found}
    if missing:
        cache.set_many(missing, TTL)
    return {**found, **missing}


GENERATION = ("feeds", "home")  # core.fragments scope of pages that show the feeds


def _drop(key: str) -> Callable[..., None]:
    def receiver(**_kwargs: Any) -> None:
        cache.delete(key)
        fragments.changed(*GENERATION)

    return receiver


_receivers: list[Callable[..., None]] = []


def connect() -> None:
    """Drop a feed when its records change (wired from the app's ready())."""
    from allyport.content.events.models import PartnerEvent
    from allyport.content.news.models import NewsItem

    for model, key in ((NewsItem, NEWS_KEY), (PartnerEvent, EVENTS_KEY)):
        receiver = _drop(key)
        _receivers.append(receiver)  # signals keep weak references
        post_save.connect(receiver, sender=model, dispatch_uid=f"{key}:save")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"{key}:delete")
