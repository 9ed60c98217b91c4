"""Timestamps on the wire: the fast form and the general one write the same text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from allyport.shapes.timestamps import format_timestamp


def general(moment: datetime) -> str:
    """The form written before the fast path: strftime and the milliseconds."""
    moment = moment.astimezone(UTC) if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2025, 1, 2, 3, 4, 5, 123456, tzinfo=UTC),
        datetime(2025, 1, 2, 3, 4, 5, 999999, tzinfo=UTC),  # truncated, never rounded
        datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC),
        datetime(2025, 1, 2, 3, 4, 5, 1000),  # naive: UTC
        datetime(2025, 6, 30, 23, 30, tzinfo=ZoneInfo("UTC")),
        datetime(2025, 6, 30, 23, 30, 0, 5000, tzinfo=ZoneInfo("Europe/Berlin")),
        datetime(2025, 1, 1, 1, 0, tzinfo=timezone(timedelta(hours=5))),  # the day before
        datetime(999, 12, 31, 23, 59, 59, 999000, tzinfo=UTC),  # years below 1000
    ],
)
def test_the_fast_form_writes_what_the_general_one_wrote(moment: datetime) -> None:
    assert format_timestamp(moment) == general(moment)
    assert format_timestamp(moment).endswith("Z")
