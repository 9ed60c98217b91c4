"""Event history reads (spec: partner-central-api.md, Appendix B §5.3), scoped to the
actor's company first.

A lookup is CloudTrail's LookupEvents: at most one lookup attribute, a time range
inside the retention period, newest first, pages of at most 50. Pages are cut by a
keyset on (event_time, id) — no OFFSET, no COUNT — so the thousandth page costs what
the first does, and each query is a range scan of one index of `AuditEvent`.
"""

from __future__ import annotations

import heapq
import itertools
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q, QuerySet, Value
from django.db.models.fields.json import KT
from django.utils import timezone

from allyport.access.actor import Actor
from allyport.audit.models import AuditEvent

# LookupEvents' attribute keys and the columns that copy them.
ATTRIBUTES: dict[str, str] = {
    "EventName": "event_name",
    "Username": "username",
    "EventSource": "event_source",
    "ResourceName": "resource_name",
    "AccessKeyId": "access_key_id",
    "ReadOnly": "read_only",
    "EventId": "event_id",
}
PAGE_SIZE = 50
# What a row of the list shows (and the keyset needs); downloads load whole rows.
LIST_FIELDS = (
    "id", "event_id", "event_time", "event_name", "event_source", "username", "resource_name",
)  # fmt: skip
# CloudTrail's console downloads at most this many events of a filtered range.
MAX_DOWNLOAD = 200_000
DOWNLOAD_CHUNK = 500


class InvalidLookup(ValueError):
    """A lookup attribute or value LookupEvents would refuse."""


@dataclass(frozen=True)
class Cursor:
    """The last row of a page: the next page starts strictly after it."""

    event_time: datetime
    id: int


@dataclass(frozen=True)
class EventPage:
    events: list[AuditEvent]
    next_cursor: Cursor | None


def retention_start(now: datetime | None = None) -> datetime:
    """The oldest moment Event history shows (older records await pruning)."""
    days = settings.ALLYPORT_EVENT_RETENTION_DAYS
    return (now or timezone.now()) - timedelta(days=days)


def parse_read_only(value: str) -> bool:
    text = value.strip().lower()
    if text not in ("true", "false"):
        raise InvalidLookup("ReadOnly takes true or false")
    return text == "true"


def parse_event_id(value: str | uuid.UUID) -> uuid.UUID:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(value.strip())
    except ValueError as exc:
        raise InvalidLookup("EventId takes an event ID (a GUID)") from exc


def _company_events(actor: Actor, start: datetime | None, end: datetime | None) -> QuerySet:
    """The actor's company first, then the time range clamped to the retention period."""
    if actor.company is None:
        return AuditEvent.objects.none()
    floor = retention_start()
    events = AuditEvent.objects.filter(
        company=actor.company, event_time__gte=max(start, floor) if start else floor
    )
    return events.filter(event_time__lte=end) if end else events


def _read_only_is(flag: bool) -> Q:
    # `= false`, not Django's usual `NOT read_only`: only an equality lets SQLite use
    # the read_only column of the indexes below (PostgreSQL takes either).
    return Q(read_only=Value(flag))


def _by_attribute(events: QuerySet, attribute: str | None, value: str | None) -> QuerySet:
    if not attribute:
        return events
    if attribute not in ATTRIBUTES:
        raise InvalidLookup(f"unknown lookup attribute {attribute!r}")
    text = value or ""
    if attribute == "ReadOnly":
        return events.filter(_read_only_is(parse_read_only(text)))
    if attribute == "EventId":
        return events.filter(event_id=parse_event_id(text))
    return events.filter(**{ATTRIBUTES[attribute]: text})


def _read_only_scans(attribute: str | None, include_read_only: bool) -> tuple[bool, ...]:
    """The read_only values to scan, each as its own index range.

    Read-only is an equality in every index, so "both" is two ranges merged in
    Python: one index per attribute serves both the default and the full view.
    """
    if attribute in ("ReadOnly", "EventId"):  # the filter itself decides; one row at most
        return ()
    return (False, True) if include_read_only else (False,)


def _after(events: QuerySet, before: Cursor | None) -> QuerySet:
    """Rows strictly after the cursor in (event_time DESC, id DESC) order. The
    redundant `event_time <= t` is the range bound both databases' planners use; the
    OR only drops the few rows of the same instant."""
    if before is None:
        return events
    tail = Q(event_time__lt=before.event_time) | Q(event_time=before.event_time, id__lt=before.id)
    return events.filter(tail, event_time__lte=before.event_time)


def _columns(events: QuerySet, with_record: bool) -> QuerySet:
    # The resource type is in the JSON only; the database extracts it, so a list page
    # never loads or parses whole records.
    events = events.annotate(resource_type=KT("record__resources__0__type"))
    if not with_record:
        events = events.only(*LIST_FIELDS)
    return events.order_by("-event_time", "-id")


def _sort_key(event: AuditEvent) -> tuple[datetime, int]:
    return (event.event_time, event.id)


def lookup_events(
    actor: Actor,
    *,
    attribute: str | None = None,
    value: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    include_read_only: bool = False,
    before: Cursor | None = None,
    limit: int = PAGE_SIZE,
    with_record: bool = False,
) -> EventPage:
    """One page of the company's events, newest first, starting after `before`.

    Read-only events are left out unless `include_read_only` or the lookup is by
    ReadOnly (or by EventId, which names one event).
    """
    events = _by_attribute(_company_events(actor, start, end), attribute, value)
    events = _columns(_after(events, before), with_record)
    scans = _read_only_scans(attribute, include_read_only)
    if not scans:
        rows = list(events[: limit + 1])
    else:
        ranges = [events.filter(_read_only_is(flag))[: limit + 1] for flag in scans]
        merged = heapq.merge(*ranges, key=_sort_key, reverse=True)
        rows = list(itertools.islice(merged, limit + 1))
    if len(rows) <= limit:
        return EventPage(rows, None)
    last = rows[limit - 1]
    return EventPage(rows[:limit], Cursor(last.event_time, last.id))


def iter_events(
    actor: Actor,
    *,
    attribute: str | None = None,
    value: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    include_read_only: bool = False,
    cap: int = MAX_DOWNLOAD,
    chunk: int | None = None,
) -> Iterator[AuditEvent]:
    """Every matching event with its record, in keyset chunks: memory stays one
    chunk however long the range, and each chunk is a fresh index range scan."""
    chunk = chunk or DOWNLOAD_CHUNK
    cursor: Cursor | None = None
    sent = 0
    while sent < cap:
        page = lookup_events(
            actor, attribute=attribute, value=value, start=start, end=end,
            include_read_only=include_read_only, before=cursor,
            limit=min(chunk, cap - sent), with_record=True,
        )  # fmt: skip
        yield from page.events
        sent += len(page.events)
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def get_event(actor: Actor, event_id: str | uuid.UUID) -> AuditEvent | None:
    """The company's event with this ID; None for another company's, an expired or a
    missing one, so callers answer 404 alike."""
    if actor.company is None:
        return None
    try:
        key = parse_event_id(event_id)
    except InvalidLookup:
        return None
    return (
        AuditEvent.objects.filter(
            company=actor.company, event_id=key, event_time__gte=retention_start()
        )
        .annotate(resource_type=KT("record__resources__0__type"))
        .first()
    )
