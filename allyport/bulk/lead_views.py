"""Leads Management > Your leads > Import leads: the upload page and its template.
Members who manage all opportunities and leads (alliance lead and team, ACE
managers) import; the job then shows on the Bulk jobs page like any other."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from allyport.access.decisions import authorize
from allyport.access.middleware import ActorRequest
from allyport.access.views import forbidden, member_page
from allyport.bulk import lead_import, services
from allyport.bulk.forms import ExportForm
from allyport.bulk.kinds import Kind
from allyport.bulk.views import upload_page
from allyport.pipeline.services import MANAGE_ALL
from allyport.pipeline.web import LEADS_MANAGEMENT

TEMPLATE_NAME = "lead-import-template.csv"


@member_page(LEADS_MANAGEMENT)
@require_http_methods(["GET", "POST"])
def import_leads(request: ActorRequest) -> HttpResponse:
    decision = authorize(request.actor, MANAGE_ALL)
    if not decision:
        return forbidden(request, decision)
    return upload_page(request, Kind.LEAD_IMPORT, "bulk/import_leads.html")


@member_page(LEADS_MANAGEMENT)
@require_GET
def lead_template(request: ActorRequest) -> HttpResponse:
    response = HttpResponse(lead_import.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_NAME}"'
    return response


@member_page(LEADS_MANAGEMENT)
@require_http_methods(["GET", "POST"])
def export_leads(request: ActorRequest) -> HttpResponse:
    """Export leads: every lead as a CSV or XLSX file, made by a job."""
    decision = authorize(request.actor, MANAGE_ALL)
    if not decision:
        return forbidden(request, decision)
    catalog = "Sandbox" if request.GET.get("catalog") == "Sandbox" else "AWS"
    form = ExportForm(request.POST or None, initial={"catalog": catalog, "file_format": "csv"})
    if request.method == "POST" and form.is_valid():
        job = services.start_job(
            request.actor, Kind.LEAD_EXPORT, form.cleaned_data["catalog"],
            result_format=form.cleaned_data["file_format"],
        )  # fmt: skip
        return redirect("bulk:job", job_id=job.public_id)
    return render(request, "bulk/export_leads.html", {"form": form})
