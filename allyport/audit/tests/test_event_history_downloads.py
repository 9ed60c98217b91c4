"""Download events: CSV (formula-safe cells) and JSON (a CloudTrail log file), streamed
in keyset chunks, with the page's filters."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from allyport.accounts.models import Company, User
from allyport.audit import selectors
from allyport.audit.downloads import safe_cell
from allyport.audit.models import AuditEvent
from allyport.audit.tests.event_history_factory import add_event, add_events

CSV_URL = "/company/event-history/events.csv"
JSON_URL = "/company/event-history/events.json"


@pytest.fixture(autouse=True)
def _only_these_events(company: Company) -> None:
    """Registration records CreatePartner; these tests count only the events they add."""
    AuditEvent.objects.all().delete()


def _download(client: Client, url: str, query: dict[str, str] | None = None) -> str:
    response = client.get(url, query or {})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Disposition"].startswith('attachment; filename="event-history-')
    return b"".join(response.streaming_content).decode(
        "utf-8-sig"
    )  # CSV downloads start with a BOM for Excel


@pytest.fixture
def lead_client(lead: User, client_for: Callable[[User], Client]) -> Client:
    return client_for(lead)


def test_it_links_the_downloads_with_the_filters(company: Company, lead_client: Client) -> None:
    add_events(company, 60)
    body = lead_client.get("/company/event-history/", {"attribute": "EventName", "value": "E"})
    html = body.content.decode()
    assert f'href="{CSV_URL}?attribute=EventName&amp;value=E"' in html
    assert f'href="{JSON_URL}?attribute=EventName&amp;value=E"' in html
    page = lead_client.get("/company/event-history/").content.decode()
    assert "after=" not in page.split("Download events")[1].split("</div>")[0]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_it_makes_formula_cells_safe(start: str) -> None:
    assert safe_cell(start + "HYPERLINK(1)") == "'" + start + "HYPERLINK(1)"
    assert safe_cell("ana@octank.example") == "ana@octank.example"


def test_it_downloads_csv_without_formulas(company: Company, lead_client: Client) -> None:
    add_event(
        company, "=cmd|'/C calc'!A0", username="@SUM(1+1)", resource_name="+1",
        resource_type="-2", ip="\t=1",
    )  # fmt: skip
    rows = list(csv.reader(io.StringIO(_download(lead_client, CSV_URL))))
    header, row = rows[0], rows[1]
    assert header[:6] == [
        "Event ID", "Event time", "User name", "Event name", "Resource type", "Resource name",
    ]  # fmt: skip
    assert len(rows) == 2
    cells = dict(zip(header, row, strict=True))
    assert cells["Event name"] == "'=cmd|'/C calc'!A0"
    assert cells["User name"] == "'@SUM(1+1)"
    assert cells["Resource name"] == "'+1" and cells["Resource type"] == "'-2"
    assert cells["Source IP address"] == "'\t=1"
    for cell in row:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_it_downloads_json_records_of_the_filter(company: Company, lead_client: Client) -> None:
    wanted = [add_event(company, "CreateThing", ago=timedelta(minutes=n)) for n in (1, 2)]
    add_event(company, "OtherThing")
    add_event(company, "CreateThing", read_only=True)
    data = json.loads(
        _download(lead_client, JSON_URL, {"attribute": "EventName", "value": "CreateThing"})
    )
    assert list(data) == ["Records"]
    assert data["Records"] == [event.record for event in wanted]


def test_it_streams_every_event_across_chunks(
    company: Company, lead_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selectors, "DOWNLOAD_CHUNK", 7)
    events = add_events(company, 30) + add_events(company, 5, read_only=True)
    data = json.loads(_download(lead_client, JSON_URL, {"read_only": "on"}))
    assert len(data["Records"]) == 35
    assert {r["eventID"] for r in data["Records"]} == {str(e.event_id) for e in events}
    rows = list(csv.reader(io.StringIO(_download(lead_client, CSV_URL))))
    assert len(rows) == 31  # header + the 30 that are not read-only


def test_it_stops_a_download_at_the_cap(company: Company, lead: User) -> None:
    from allyport.access import actor as actors

    add_events(company, 12)
    events = list(selectors.iter_events(actors.for_user(lead), cap=10, chunk=4))
    assert len(events) == 10 and len({e.pk for e in events}) == 10


def test_it_answers_bad_download_filters_with_the_errors(
    company: Company, lead_client: Client
) -> None:
    response = lead_client.get(reverse("audit:download_csv"), {"attribute": "EventName"})
    assert response.status_code == 400
    assert "Enter a value for the lookup attribute." in response.content.decode()
