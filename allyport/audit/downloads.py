"""Download events: the filtered Event history as CSV or JSON, streamed.

Rows come from `selectors.iter_events` in keyset chunks, so neither the server nor
the database holds the whole range; like CloudTrail's console, a download stops at
200,000 events. The JSON is a CloudTrail log file: `{"Records": [...]}` of the full
records.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator

from django.http import StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from allyport.access.middleware import ActorRequest
from allyport.audit import selectors
from allyport.audit.forms import EventHistoryForm
from allyport.audit.models import AuditEvent
from allyport.audit.views import event_history_page, render_list
from allyport.core.spreadsheets import buffered, safe_cell, with_bom


class _Echo:
    """A file-like object whose write returns the line, for streaming csv rows."""

    def write(self, value: str) -> str:
        return value


def _csv_header() -> list[str]:
    return [
        _("Event ID"), _("Event time"), _("User name"), _("Event name"), _("Resource type"),
        _("Resource name"), _("Read-only"), _("AWS access key"), _("Event source"),
        _("AWS region"), _("Error code"), _("Source IP address"), _("Resources"),
    ]  # fmt: skip


def _csv_row(event: AuditEvent) -> list[object]:
    record = event.record
    return [
        event.event_id, event.event_time.strftime("%Y-%m-%dT%H:%M:%SZ"), event.username,
        event.event_name, getattr(event, "resource_type", None), event.resource_name,
        "true" if event.read_only else "false", event.access_key_id, event.event_source,
        record.get("awsRegion"), event.error_code, record.get("sourceIPAddress"),
        json.dumps(record.get("resources") or []),
    ]  # fmt: skip


def _csv_lines(events: Iterable[AuditEvent]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(_csv_header())
    for event in events:
        yield writer.writerow([safe_cell(cell) for cell in _csv_row(event)])


def _json_parts(events: Iterable[AuditEvent]) -> Iterator[str]:
    yield '{"Records": ['
    separator = ""
    for event in events:
        yield separator + json.dumps(event.record)
        separator = ","
    yield "]}"


def _download(request: ActorRequest, extension: str, content_type: str) -> HttpResponseBase:
    form = EventHistoryForm(request.GET)
    if not form.is_valid():
        return render_list(request, form, None)
    events = selectors.iter_events(request.actor, **form.lookup())
    parts = with_bom(_csv_lines(events)) if extension == "csv" else _json_parts(events)
    response = StreamingHttpResponse(buffered(parts), content_type=content_type)
    name = f"event-history-{timezone.now():%Y-%m-%d}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@event_history_page
@require_GET
def download_csv(request: ActorRequest) -> HttpResponseBase:
    return _download(request, "csv", "text/csv; charset=utf-8")


@event_history_page
@require_GET
def download_json(request: ActorRequest) -> HttpResponseBase:
    return _download(request, "json", "application/json")
