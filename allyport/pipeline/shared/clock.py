"""The selling API's clocks: millisecond instants and strictly increasing modification
dates (the optimistic-concurrency token clients send back)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

_MS = timedelta(milliseconds=1)


def now_ms() -> datetime:
    """Now, to the millisecond: what the API sends back arrives as `.123000Z`."""
    now = timezone.now()
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def next_modified(previous: datetime | None) -> datetime:
    """A new LastModifiedDate, strictly after the previous one by a millisecond at least,
    so each version of a record has its own value at the precision clients send back."""
    now = now_ms()
    if previous is not None and now <= previous:
        return previous + _MS
    return now
