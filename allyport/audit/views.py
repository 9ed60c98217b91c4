"""Event history: the company's CloudTrail-format events (spec: partner-central-api.md,
Appendix B §5.3), for the alliance lead and cloud admins."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from functools import wraps
from html import escape
from typing import Any

from django.conf import settings
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from allyport.access.decisions import authorize
from allyport.access.middleware import ActorRequest
from allyport.access.views import View, forbidden, member_page
from allyport.audit import kept, selectors
from allyport.audit.forms import EventHistoryForm
from allyport.audit.models import AuditEvent
from allyport.core import fragments

RIGHT = "view_event_history"
TIME_FORMAT = "%Y-%m-%d %H:%M:%S UTC"
_ID = "00000000-0000-0000-0000-000000000000"  # stands for the event ID in the URL pattern


def event_history_page(view: View) -> View:
    """A signed-in member whose roles hold the Event history right; others get 403
    with the reason (Event history is in no menu, so the right alone decides)."""

    @member_page()
    @wraps(view)
    def wrapper(request: ActorRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        decision = authorize(request.actor, RIGHT)
        if not decision:
            return forbidden(request, decision)
        return view(request, *args, **kwargs)

    return wrapper


class EventRows:
    """The rows of a page, built as HTML in one pass (as the Users tab's): the template
    engine's per-cell lookups would cost more than the query. Every value is escaped."""

    def __init__(self) -> None:
        self.detail_url = reverse("audit:event_detail", args=[_ID])
        self.empty = escape(_("No events match these filters."))

    def render(self, events: Iterable[AuditEvent]) -> SafeString:
        rows = "".join(self._row(event) for event in events)
        return mark_safe(rows or f'<tr><td colspan="6">{self.empty}</td></tr>')  # noqa: S308

    def _row(self, event: AuditEvent) -> str:
        url = self.detail_url.replace(_ID, str(event.event_id))
        moment = event.event_time
        cells = (
            escape(event.username) or "—",
            f'<a href="{url}">{escape(event.event_name)}</a>',
            escape(getattr(event, "resource_type", None) or "") or "—",
            escape(event.resource_name) or "—",
            escape(event.event_source),
        )
        return (
            f'<tr><td><time datetime="{moment.isoformat()}">{moment.strftime(TIME_FORMAT)}'
            f"</time></td><td>{'</td><td>'.join(cells)}</td></tr>"
        )


def filter_query(request: ActorRequest) -> str:
    """The filters of this request without the page cursor, for links."""
    query = request.GET.copy()
    query.pop("after", None)
    return query.urlencode()


def list_context(
    request: ActorRequest, form: EventHistoryForm, page: selectors.EventPage | None
) -> dict[str, Any]:
    filters = filter_query(request)
    next_url = ""
    if page is not None and page.next_cursor is not None:
        query = request.GET.copy()
        query["after"] = form.cursor_token(page.next_cursor)
        next_url = "?" + query.urlencode()
    return {
        "form": form,
        "valid": page is not None,
        "rows_html": EventRows().render(page.events) if page is not None else "",
        "next_url": next_url,
        "first_url": "?" + filters if "after" in request.GET else "",
        "filters": filters,
        "retention_days": settings.ALLYPORT_EVENT_RETENTION_DAYS,
        "attribute_value": form["attribute"].value() or "",
    }


def render_list(
    request: ActorRequest, form: EventHistoryForm, page: selectors.EventPage | None
) -> HttpResponse:
    """The page; with no `page` (bad filters) it shows the errors and answers 400."""
    context = list_context(request, form, page)
    return render(request, "audit/event_history.html", context, status=400 if page is None else 200)


def _page(request: ActorRequest, form: EventHistoryForm) -> selectors.EventPage:
    return selectors.lookup_events(
        request.actor, **form.lookup(), before=form.cleaned_data.get("cursor")
    )


def shows_read_only(form: EventHistoryForm) -> bool:
    """Whether this valid filter can list read-only events: those move no generation
    (services.company_changed), so a kept copy of such a view would miss new ones."""
    data = form.cleaned_data
    if data["attribute"] == "ReadOnly":
        return selectors.parse_read_only(data["value"])
    return bool(data["read_only"]) or data["attribute"] == "EventId"


@event_history_page
@require_GET
def event_history(request: ActorRequest) -> HttpResponse:
    """Access is decided first (event_history_page: a member who lost the right is
    refused as before). A view without read-only events is then kept whole
    (`kept_page`) per member, language, rights, time zone (the form reads the times
    in it), retention period and query string (filters, page cursor) until the
    company's generation moves on, which every saved event of a change does: the page
    lists exactly those. Bad filters (400) and views with read-only events are drawn
    afresh and never kept, so a kept copy of a query string is served before the form
    checks it again, and the first page with the default filters (no query string) has
    nothing to check: the form is built only when the page is drawn. The time-bound
    edges (events older than the retention period drop off; an end time falls out of
    it and becomes an error) rely on the kept page's TTL (fragments.TTL, a minute)."""
    days = settings.ALLYPORT_EVENT_RETENTION_DAYS  # a setting: no generation moves with it
    fragment = kept.member_fragment(
        f"audit:events:{timezone.get_current_timezone_name()}:{days}", request.actor
    )
    form = None
    if request.GET:
        copy = fragments.kept_copy(request, fragment)
        if copy is not None:
            return copy
        form = EventHistoryForm(request.GET)
        if not form.is_valid():
            return render_list(request, form, None)
        if shows_read_only(form):
            return render_list(request, form, _page(request, form))

    def context() -> dict[str, Any]:
        shown = form or _default_form()
        return list_context(request, shown, _page(request, shown))

    return fragments.kept_page(
        request, fragment, "audit/event_history.html", context, by_query=True
    )


def _default_form() -> EventHistoryForm:
    """The filter bar with its defaults: valid, listing no read-only events."""
    form = EventHistoryForm({})
    if not form.is_valid() or shows_read_only(form):  # pragma: no cover - the defaults
        raise AssertionError(form.errors)
    return form


def _detail_fields(event: AuditEvent) -> list[tuple[str, str]]:
    record = event.record
    return [
        (_("Event time"), event.event_time.strftime(TIME_FORMAT)),
        (_("User name"), event.username),
        (_("Event name"), event.event_name),
        (_("Event source"), event.event_source),
        (_("Event type"), event.event_type),
        (_("Read-only"), "true" if event.read_only else "false"),
        (_("AWS access key"), event.access_key_id),
        (_("Source IP address"), str(record.get("sourceIPAddress", ""))),
        (_("AWS region"), str(record.get("awsRegion", ""))),
        (_("Error code"), event.error_code),
        (_("Error message"), str(record.get("errorMessage", ""))),
        (_("Event ID"), str(event.event_id)),
        (_("Request ID"), str(record.get("requestID", ""))),
    ]


@event_history_page
@require_GET
def event_detail(request: ActorRequest, event_id: uuid.UUID) -> HttpResponse:
    event = selectors.get_event(request.actor, event_id)
    if event is None:  # another company's, expired or missing: the same answer
        raise Http404
    context = {
        "event": event,
        "fields": _detail_fields(event),
        "resources": event.record.get("resources") or [],
        "record_json": json.dumps(event.record, indent=2, ensure_ascii=False),
    }
    return render(request, "audit/event_detail.html", context)
