"""Sell > Opportunity Management > Bulk actions: start imports, updates, transfers and
exports, follow a job, read its result and download its files.

Every page needs the Opportunity Management menu and the bulk right
(`services.BULK_RIGHT`); a job of another company, or another member's job for
someone who sees only their own, is not found (404).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import wraps
from typing import Any

from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from allyport.access.decisions import authorize
from allyport.access.middleware import ActorRequest
from allyport.access.views import View, forbidden, member_page, service_refusals
from allyport.bulk import exports, files, services
from allyport.bulk.forms import ExportForm, TransferForm, UploadForm
from allyport.bulk.kinds import Kind
from allyport.core.spreadsheets import buffered, with_bom
from allyport.jobs.models import BulkJob
from allyport.pipeline.enums import Catalog
from allyport.pipeline.selectors import sees_all
from allyport.pipeline.web import OPPORTUNITY_MANAGEMENT, OpportunityFilterForm, owner_candidates

RECENT_JOBS = 50
ERRORS_SHOWN = 100
REFRESH_SECONDS = 2
CONTENT_TYPES: dict[str, str] = {
    BulkJob.Format.CSV: "text/csv; charset=utf-8",
    BulkJob.Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def bulk_page(view: View) -> View:
    """A member who sees Opportunity Management and holds the bulk right; the
    services' refusals become 404 (not found) and 403 (with the reason)."""

    refusals = service_refusals(view)

    @member_page(OPPORTUNITY_MANAGEMENT)
    @wraps(view)
    def wrapper(request: ActorRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        decision = authorize(request.actor, services.BULK_RIGHT)
        if not decision:
            return forbidden(request, decision)
        return refusals(request, *args, **kwargs)

    return wrapper


def _catalog(request: ActorRequest) -> str:
    return Catalog.SANDBOX if request.GET.get("catalog") == Catalog.SANDBOX else Catalog.AWS


def _attachment(name: str) -> str:
    return f'attachment; filename="{name}"'


def jobs_page(request: ActorRequest, file_form: Any = None, status: int = 200) -> HttpResponse:
    """The job list and the Files for the API section (its upload form, maybe bound)."""
    from allyport.bulk.file_views import ApiFileForm  # the form's module imports this one

    recent = services.visible_jobs(request.actor).select_related("created_by")
    api_files = files.company_files(request.actor).order_by("-created_at", "-id")
    context = {
        "jobs": recent.order_by("-created_at", "-id")[:RECENT_JOBS],
        "api_files": [(found, files.uri(found)) for found in api_files[:RECENT_JOBS]],
        "file_form": file_form or ApiFileForm(),
    }
    return render(request, "bulk/jobs.html", context, status=status)


@bulk_page
@require_GET
def jobs(request: ActorRequest) -> HttpResponse:
    return jobs_page(request)


@bulk_page
@require_GET
def legacy_job(request: ActorRequest, legacy_id: str, rest: str) -> HttpResponse:
    """Links to a job made before ids took the API's form lead to its page."""
    found = services.visible_jobs(request.actor).filter(legacy_id=legacy_id).first()
    if found is None:
        raise Http404
    return redirect(reverse("bulk:job", args=[found.public_id]) + rest, permanent=True)


def upload_page(request: ActorRequest, kind: str, template: str) -> HttpResponse:
    """An upload job's page: the form, or the queued job's page once the file passes
    (a refused file: 400, the reason next to the field)."""
    initial = {"catalog": _catalog(request)}
    form = UploadForm(request.POST or None, request.FILES or None, kind=kind, initial=initial)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = services.start_job(
            request.actor,
            kind,
            form.cleaned_data["catalog"],
            source=upload,
            file_name=upload.name or "",
            file_format=form.file_format,
            rows_expected=form.rows_expected,
        )
        return redirect("bulk:job", job_id=job.public_id)
    status = 400 if request.method == "POST" else 200
    return render(request, template, {"form": form, "kind": kind}, status=status)


@bulk_page
@require_http_methods(["GET", "POST"])
def import_opportunities(request: ActorRequest) -> HttpResponse:
    return upload_page(request, Kind.IMPORT, "bulk/import.html")


@bulk_page
@require_http_methods(["GET", "POST"])
def update_opportunities(request: ActorRequest) -> HttpResponse:
    return upload_page(request, Kind.UPDATE, "bulk/update.html")


@bulk_page
@require_http_methods(["GET", "POST"])
def transfer_opportunities(request: ActorRequest) -> HttpResponse:
    initial = {"catalog": _catalog(request), "identifiers": request.GET.get("ids", "")}
    form = TransferForm(
        request.POST or None,
        request.FILES or None,
        users=owner_candidates(request),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        source, name, file_format, rows = form.source()
        job = services.start_job(
            request.actor,
            Kind.TRANSFER,
            form.cleaned_data["catalog"],
            source=source,
            file_name=name,
            file_format=file_format,
            rows_expected=rows,
            options={"assignee": form.user().public_id},
        )
        return redirect("bulk:job", job_id=job.public_id)
    return render(request, "bulk/transfer.html", {"form": form})


def _filters(request: ActorRequest, data: Any) -> OpportunityFilterForm:
    """Opportunity Management's filter bar, read from the same query parameters."""
    owners = owner_candidates(request) if sees_all(request.actor) else None
    return OpportunityFilterForm(data or None, owners=owners)


@bulk_page
@require_http_methods(["GET", "POST"])
def export_opportunities(request: ActorRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else request.GET
    filters = _filters(request, data)
    form = ExportForm(
        request.POST or None, initial={"catalog": _catalog(request), "file_format": "csv"}
    )
    if request.method == "POST" and form.is_valid() and filters.is_valid():
        owner = filters.chosen_owner()
        job = services.start_job(
            request.actor,
            Kind.EXPORT,
            form.cleaned_data["catalog"],
            result_format=form.cleaned_data["file_format"],
            options={
                "request": filters.request(),
                "owner": owner.public_id if owner is not None else None,
                "search": filters.search(),
            },
        )
        return redirect("bulk:job", job_id=job.public_id)
    query = request.GET.urlencode()
    context = {"form": form, "filters": filters, "query": query}
    return render(request, "bulk/export.html", context)


@bulk_page
@require_GET
def export_csv(request: ActorRequest) -> StreamingHttpResponse:
    """The filtered list as CSV, streamed as it is read (for lists small enough to wait
    for; the export job takes any size)."""
    catalog = _catalog(request)
    filters = _filters(request, request.GET)
    pages = exports.pages(
        request.actor,
        catalog,
        filters.request(),
        owner=filters.chosen_owner(),
        search=filters.search(),
    )
    # The first page is read now, so a refusal is answered as a page, not a broken file.
    first = next(pages)
    lines = exports.csv_lines(exports.export_rows(_chain(first, pages)))
    response = StreamingHttpResponse(buffered(with_bom(lines)), content_type=CONTENT_TYPES["csv"])
    response["Content-Disposition"] = _attachment(f"opportunities-{catalog}.csv")
    return response


def _chain(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    yield first
    yield from rest


@bulk_page
@require_GET
def template(request: ActorRequest, file_format: str) -> HttpResponseBase:
    name = f"opportunity-import-template.{file_format}"
    if file_format == BulkJob.Format.XLSX:
        return FileResponse(
            exports.template_xlsx(),
            as_attachment=True,
            filename=name,
            content_type=CONTENT_TYPES["xlsx"],
        )
    response = HttpResponse(exports.template_csv(), content_type=CONTENT_TYPES["csv"])
    response["Content-Disposition"] = _attachment(name)
    return response


@bulk_page
@require_GET
def job(request: ActorRequest, job_id: str) -> HttpResponse:
    found = services.find_job(request.actor, job_id)
    context = {
        "job": found,
        "errors": services.first_errors(found, ERRORS_SHOWN),
        "errors_shown": ERRORS_SHOWN,
        "refresh_seconds": REFRESH_SECONDS,
        "list_url": reverse("pipeline:opportunities")
        + ("?catalog=Sandbox" if found.catalog == Catalog.SANDBOX else ""),
    }
    response = render(request, "bulk/job.html", context)
    if not found.finished:
        # The page reloads itself while the job runs (no JavaScript needed).
        response["Refresh"] = str(REFRESH_SECONDS)
    return response


@bulk_page
@require_GET
def job_errors(request: ActorRequest, job_id: str) -> StreamingHttpResponse:
    found = services.find_job(request.actor, job_id)
    response = StreamingHttpResponse(services.error_lines(found), content_type=CONTENT_TYPES["csv"])
    response["Content-Disposition"] = _attachment(f"{found.public_id}-errors.csv")
    return response


@bulk_page
@require_GET
def job_result(request: ActorRequest, job_id: str) -> StreamingHttpResponse:
    found = services.find_job(request.actor, job_id)
    exported = {str(Kind.EXPORT): "opportunities", str(Kind.LEAD_EXPORT): "leads"}
    if found.kind not in exported or found.status != BulkJob.Status.DONE:
        raise Http404  # no file to give
    response = StreamingHttpResponse(
        services.result_parts(found), content_type=CONTENT_TYPES[found.result_format]
    )
    response["Content-Disposition"] = _attachment(
        f"{exported[found.kind]}-{found.catalog}-{found.public_id}.{found.result_format}"
    )
    response["Content-Length"] = str(found.result_size)
    return response
