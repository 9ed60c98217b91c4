"""Serving a signed report link (`allyport.jobs.reports`): each API's route calls
`serve_report` with its own `Reports`; no session is needed, the link is the key."""

from __future__ import annotations

from django.http import HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase

from allyport.core.spreadsheets import buffered
from allyport.jobs import reports

CSV = "text/csv; charset=utf-8"


def serve_report(kind: reports.Reports, token: str) -> HttpResponseBase:
    """The report a link names, as a CSV download; 403/404 as plain text otherwise."""
    try:
        job, report_type = reports.open_link(kind, token)
    except reports.Refused as refused:
        return HttpResponse(str(refused), status=refused.status, content_type="text/plain")
    response = StreamingHttpResponse(
        buffered(reports.lines(kind, job, report_type)), content_type=CSV
    )
    name = f"{job.public_id}-{report_type.lower().replace('_', '-')}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response
