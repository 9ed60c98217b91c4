"""Event history lookups: one attribute at a time, the time range, read-only events,
keyset pages, bad input and tampered cursors, expired records, the detail page."""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from allyport.access import actor as actors
from allyport.accounts.models import Company, User
from allyport.audit import selectors
from allyport.audit.models import AuditEvent
from allyport.audit.tests.event_history_factory import add_event, add_events

URL = "/company/event-history/"
ROW = re.compile(r'<a href="/company/event-history/([0-9a-f-]{36})/">([^<]*)</a>')


@pytest.fixture(autouse=True)
def _only_these_events(company: Company) -> None:
    """Registration records CreatePartner; these tests count only the events they add."""
    AuditEvent.objects.all().delete()


def _names(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [name for _, name in ROW.findall(response.content.decode())]


def _next(response) -> str | None:  # type: ignore[no-untyped-def]
    found = re.search(r'<a href="([^"]*)" rel="next">', response.content.decode())
    return found.group(1).replace("&amp;", "&") if found else None


@pytest.fixture
def lead_client(lead: User, client_for: Callable[[User], Client]) -> Client:
    return client_for(lead)


def test_it_shows_the_default_columns_newest_first(company: Company, lead_client: Client) -> None:
    add_event(company, "Older", ago=timedelta(hours=2), username="ana@octank.example")
    add_event(
        company, "Newer", ago=timedelta(hours=1), username="bo@octank.example",
        resource_name="arn:aws:partnercentral:us-east-1::user/005A", resource_type="AWS::PC::User",
        event_source="signin.amazonaws.com",
    )  # fmt: skip
    response = lead_client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    headers = [
        "Event time", "User name", "Event name", "Resource type", "Resource name",
        "Event source", "Lookup attributes", "Read-only events", "Download events",
    ]  # fmt: skip
    for header in headers:
        assert header in body
    assert _names(response) == ["Newer", "Older"]
    assert "AWS::PC::User" in body and "arn:aws:partnercentral:us-east-1::user/005A" in body
    assert "signin.amazonaws.com" in body and "bo@octank.example" in body


@pytest.mark.parametrize(
    ("attribute", "field", "value"),
    [
        ("EventName", "name", "CreateThing"),
        ("Username", "username", "ana@octank.example"),
        ("EventSource", "event_source", "signin.amazonaws.com"),
        ("ResourceName", "resource_name", "arn:aws:partnercentral:::thing/1"),
        ("AccessKeyId", "access_key_id", "AKIAEXAMPLE123"),
    ],
)
def test_it_looks_up_by_each_attribute(
    company: Company, lead_client: Client, attribute: str, field: str, value: str
) -> None:
    name = value if field == "name" else "Hit"
    add_event(company, name, **({} if field == "name" else {field: value}))
    add_event(
        company, "Miss", username="zed@octank.example", event_source="other.example",
        resource_name="arn:aws:partnercentral:::thing/2", access_key_id="AKIAOTHER",
    )  # fmt: skip
    response = lead_client.get(URL, {"attribute": attribute, "value": value})
    assert _names(response) == [name]


def test_it_looks_up_by_event_id(company: Company, lead_client: Client) -> None:
    wanted = add_event(company, "Wanted")
    add_event(company, "Other")
    response = lead_client.get(URL, {"attribute": "EventId", "value": str(wanted.event_id)})
    assert _names(response) == ["Wanted"]


def test_it_looks_up_by_read_only(company: Company, lead_client: Client) -> None:
    add_event(company, "GetThing", read_only=True)
    add_event(company, "UpdateThing")
    assert _names(lead_client.get(URL, {"attribute": "ReadOnly", "value": "true"})) == ["GetThing"]
    assert _names(lead_client.get(URL, {"attribute": "ReadOnly", "value": "false"})) == [
        "UpdateThing"
    ]


def test_it_hides_read_only_events_unless_asked(company: Company, lead_client: Client) -> None:
    add_event(company, "GetThing", read_only=True, ago=timedelta(minutes=2))
    add_event(company, "UpdateThing", ago=timedelta(minutes=3))
    add_event(company, "ListThings", read_only=True, ago=timedelta(minutes=4))
    assert _names(lead_client.get(URL)) == ["UpdateThing"]
    both = lead_client.get(URL, {"read_only": "on"})
    assert _names(both) == ["GetThing", "UpdateThing", "ListThings"]
    by_name = lead_client.get(URL, {"attribute": "EventName", "value": "GetThing"})
    assert _names(by_name) == []


def test_it_limits_the_time_range(company: Company, lead_client: Client) -> None:
    now = timezone.now().replace(second=0, microsecond=0)
    add_event(company, "TooEarly", at=now - timedelta(hours=5))
    add_event(company, "Inside", at=now - timedelta(hours=3))
    add_event(company, "TooLate", at=now - timedelta(hours=1))
    fmt = "%Y-%m-%dT%H:%M"
    start = (now - timedelta(hours=4)).strftime(fmt)
    end = (now - timedelta(hours=2)).strftime(fmt)
    assert _names(lead_client.get(URL, {"start": start, "end": end})) == ["Inside"]
    assert _names(lead_client.get(URL, {"start": start})) == ["TooLate", "Inside"]


def test_it_pages_without_repeats_or_gaps(
    company: Company, lead: User, lead_client: Client
) -> None:
    created = add_events(company, 120)
    # Same instant for a run of rows: the id breaks the tie across a page boundary.
    same = created[0].event_time
    for event in created[45:56]:
        event.event_time = same - timedelta(seconds=45)
        event.save(update_fields=["event_time"])
    expected = selectors.lookup_events(actors.for_user(lead), limit=1000).events
    seen: list[str] = []
    url: str | None = URL
    pages = 0
    while url:
        response = lead_client.get(url if url.startswith("/") else URL + url)  # "?after=..."
        assert response.status_code == 200
        seen += [event_id for event_id, _ in ROW.findall(response.content.decode())]
        url, pages = _next(response), pages + 1
    assert pages == 3
    assert seen == [str(event.event_id) for event in expected]
    assert len(set(seen)) == 120


def test_it_pages_with_read_only_events_merged(company: Company, lead: User) -> None:
    add_events(company, 30)
    add_events(company, 30, read_only=True)
    actor = actors.for_user(lead)
    first = selectors.lookup_events(actor, include_read_only=True, limit=25)
    second = selectors.lookup_events(
        actor, include_read_only=True, limit=25, before=first.next_cursor
    )
    third = selectors.lookup_events(
        actor, include_read_only=True, limit=25, before=second.next_cursor
    )
    rows = first.events + second.events + third.events
    assert third.next_cursor is None and len(rows) == 60 == len({e.pk for e in rows})
    assert [(e.event_time, e.id) for e in rows] == sorted(
        ((e.event_time, e.id) for e in rows), reverse=True
    )


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"attribute": "EventName"}, "value", "Enter a value for the lookup attribute."),
        ({"value": "x"}, "attribute", "Choose a lookup attribute for this value."),
        ({"attribute": "Bogus", "value": "x"}, "attribute", "Select a valid choice."),
        ({"attribute": "ReadOnly", "value": "maybe"}, "value", "enter true or false"),
        ({"attribute": "EventId", "value": "not-a-guid"}, "value", "Enter an event ID"),
        ({"start": "yesterday"}, "start", "Enter a valid date/time."),
        ({"end": "2020-13-45T99:00"}, "end", "Enter a valid date/time."),
        (
            {"start": "2030-01-02T00:00", "end": "2030-01-01T00:00"},
            "end",
            "The end time must be after the start time.",
        ),
        ({"end": "2001-01-01T00:00"}, "end", "keeps the last 90 days only"),
    ],
)
def test_it_shows_bad_filter_input_next_to_the_field(
    company: Company, lead_client: Client, query: dict[str, str], field: str, message: str
) -> None:
    add_event(company, "UpdateThing")
    response = lead_client.get(URL, query)
    assert response.status_code == 400
    body = response.content.decode()
    errors = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', body)
    assert errors and message in errors.group(1).replace("&quot;", '"')
    assert f'aria-describedby="id_{field}_error"' in body
    assert "UpdateThing" not in body  # no table under bad filters


def test_it_refuses_a_tampered_cursor(company: Company, lead_client: Client) -> None:
    add_events(company, 60)
    first = lead_client.get(URL, {"attribute": "EventSource", "value": "x"})
    assert _next(first) is None
    page = lead_client.get(URL)
    found = re.search(r"after=([^\"&]+)", _next(page) or "")
    token = urllib.parse.unquote(found.group(1))  # type: ignore[union-attr]
    for bad in (token[:-2] + "xx", "garbage", token.replace(":", "")):
        response = lead_client.get(URL, {"after": bad})
        assert response.status_code == 400
        assert "This page link is not valid" in response.content.decode()
    # A good cursor under other filters is refused too, as LookupEvents' NextToken is.
    other = lead_client.get(URL, {"after": token, "read_only": "on"})
    assert other.status_code == 400
    assert lead_client.get(URL, {"after": token}).status_code == 200


def test_it_does_not_show_records_past_the_retention_period(
    company: Company, lead_client: Client, settings
) -> None:  # type: ignore[no-untyped-def]
    old = add_event(company, "Ancient", ago=timedelta(days=91))
    add_event(company, "Recent", ago=timedelta(days=89))
    assert _names(lead_client.get(URL)) == ["Recent"]
    start = (timezone.now() - timedelta(days=200)).strftime("%Y-%m-%dT%H:%M")
    assert _names(lead_client.get(URL, {"start": start})) == ["Recent"]
    assert lead_client.get(reverse("audit:event_detail", args=[old.event_id])).status_code == 404
    settings.ALLYPORT_EVENT_RETENTION_DAYS = 120
    assert _names(lead_client.get(URL)) == ["Recent", "Ancient"]


def test_it_shows_an_events_details_and_escaped_json(company: Company, lead_client: Client) -> None:
    event = add_event(
        company, "UpdateThing", username="ana@octank.example",
        request_parameters={"note": "<script>alert(1)</script>", "nested": {"a": [1, 2]}},
        resource_name="arn:aws:partnercentral:::thing/1", resource_type="AWS::PC::Thing",
        ip="198.51.100.4",
    )  # fmt: skip
    response = lead_client.get(reverse("audit:event_detail", args=[event.event_id]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    shown_values = [
        "UpdateThing", "ana@octank.example", "198.51.100.4", "us-east-1",
        str(event.event_id), "AWS::PC::Thing", "arn:aws:partnercentral:::thing/1",
    ]  # fmt: skip
    for value in shown_values:
        assert value in body
    shown = re.search(r"<pre[^>]*><code>(.*?)</code></pre>", body, re.S).group(1)  # type: ignore[union-attr]
    unescaped = shown.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    unescaped = unescaped.replace("&#x27;", "'").replace("&amp;", "&")
    assert json.loads(unescaped) == event.record
    assert '\n  "eventName": "UpdateThing"' in unescaped  # pretty-printed


def test_it_links_each_row_to_its_details(company: Company, lead_client: Client) -> None:
    event = add_event(company, "UpdateThing")
    ids = [event_id for event_id, _ in ROW.findall(lead_client.get(URL).content.decode())]
    assert ids == [str(event.event_id)]


def test_it_reads_a_page_in_the_same_queries_however_many_events(
    company: Company, lead_client: Client
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    add_events(company, 3)
    lead_client.get(URL, {"read_only": "on"})  # the company's generation row is started once
    with CaptureQueriesContext(connection) as few:
        lead_client.get(URL, {"read_only": "on"})
    add_events(company, 200)
    add_events(company, 200, read_only=True)
    with CaptureQueriesContext(connection) as many:
        lead_client.get(URL, {"read_only": "on"})
    assert len(many) == len(few)
    assert not any("OFFSET" in q["sql"] or "COUNT(" in q["sql"] for q in many.captured_queries)
