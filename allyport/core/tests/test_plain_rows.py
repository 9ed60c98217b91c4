"""Plain rows read JSON columns as text and decode them with orjson: the same values
Django's JSONField gives, and what orjson refuses is still decoded as before."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import pytest

from allyport.audit.models import AuditEvent
from allyport.core.plain_rows import PlainRows, decode
from allyport.testing import make_company


def test_decode_reads_json_and_falls_back_where_orjson_refuses() -> None:
    assert decode('{"a": [1, "é", null, {"b": true}]}') == {"a": [1, "é", None, {"b": True}]}
    bounds = decode("[9223372036854775807, -9223372036854775808, 1.5]")
    assert bounds == [2**63 - 1, -(2**63), 1.5]  # shape validation's integer bounds
    assert [type(item) for item in bounds] == [int, int, float]
    assert math.isnan(decode("NaN"))
    assert decode("not json") == "not json"  # as JSONField leaves undecodable text
    assert decode(None) is None


@pytest.mark.django_db
def test_rows_hold_the_values_a_values_query_gives() -> None:
    company, _lead = make_company()
    records = [{"eventName": "Ünïcode ✓", "n": 2**63 - 1, "list": [1.5, None]}, {"x": {}}]
    for number, record in enumerate(records):
        AuditEvent.objects.create(
            event_time=datetime(2026, 1, 1 + number, tzinfo=UTC), company=company,
            event_name="E", event_source="s", event_type="t", record=record,
        )  # fmt: skip
    queryset = AuditEvent.objects.filter(company=company).order_by("event_time")
    plain = PlainRows(queryset, ("event_name", "record", "event_time"))
    assert plain.json == ["record"]
    rows = plain.rows(plain.select(queryset))
    expected = list(queryset.values("event_name", "record", "event_time"))
    assert [vars(row) for row in rows] == expected
    assert rows[0].record["n"] == 2**63 - 1 and rows[1].record == {"x": {}}
