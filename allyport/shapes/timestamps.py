"""Timestamps on the wire: ISO-8601 (or epoch seconds) in, ISO-8601 UTC with `Z` out."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any


def parse_timestamp(value: Any) -> datetime:
    """An aware datetime from an ISO-8601 string or epoch seconds (number or numeric
    string), as botocore accepts them; naive values are UTC. ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError("not a timestamp")
    try:
        if isinstance(value, int | float):
            return datetime.fromtimestamp(value, UTC)
        if isinstance(value, str):
            return _parse_text(value.strip())
    except (OverflowError, OSError) as error:
        raise ValueError("timestamp out of range") from error
    raise ValueError("not a timestamp")


def _parse_text(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return datetime.fromtimestamp(float(text), UTC)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def format_timestamp(moment: datetime) -> str:
    """`2023-05-01T20:37:46.123Z`: UTC, milliseconds, the form the docs show."""
    if moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC) if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    if moment.year >= 1000:  # isoformat pads years below 1000, strftime does not
        # The same text, several times faster (a list formats 200 of these):
        # milliseconds truncated, "+00:00" replaced by "Z".
        return moment.isoformat(timespec="milliseconds")[:-6] + "Z"
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
