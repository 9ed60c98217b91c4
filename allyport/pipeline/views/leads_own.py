"""Market > Leads Management > Your leads, by role: "manage all" members see every lead
and may assign and transfer them, ACE users the leads they own, marketing staff theirs
and their region's. Create a lead by hand, edit it, qualify or disqualify it with a
reason. Each page calls `leads.management` (the rules and the audit live there)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.core.errors import RuleViolation
from allyport.core.keyset import SortKey, paginate
from allyport.pipeline.enums import Catalog
from allyport.pipeline.leads import management
from allyport.pipeline.leads.models import OpportunityFromEngagementTask
from allyport.pipeline.leads.services import LEAD_COLUMNS
from allyport.pipeline.views.common import LEADS_MANAGEMENT, owner_candidates

PAGE_SIZE = 50
FORM_FIELDS = {column.header: f"c{index}" for index, column in enumerate(LEAD_COLUMNS)}


def _catalog(request: ActorRequest) -> str:
    return Catalog.SANDBOX if request.GET.get("catalog") == Catalog.SANDBOX else Catalog.AWS


def _query(catalog: str) -> str:
    return "?catalog=Sandbox" if catalog == Catalog.SANDBOX else ""


class LeadForm(forms.Form):
    """The import template's columns; the service checks every rule at once."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for column in LEAD_COLUMNS:
            self.fields[FORM_FIELDS[column.header]] = forms.CharField(
                label=column.header, required=False, max_length=2000
            )

    def values(self) -> dict[str, str]:
        return {header: self.cleaned_data.get(name) or "" for header, name in FORM_FIELDS.items()}

    def show(self, refused: RuleViolation) -> None:
        for error in refused.errors:
            self.add_error(FORM_FIELDS.get(error.field), error.message)


def _initial(lead: dict[str, Any]) -> dict[str, str]:
    """The form's values of a stored lead (its latest interaction's contact and use case)."""
    interactions = lead.get("Interactions") or [{}]
    initial = {}
    for column in LEAD_COLUMNS:
        value: Any = lead
        for part in column.path.split("."):
            if part == "Interactions[0]":
                value = interactions[-1]
            else:
                value = value.get(part) if isinstance(value, dict) else None
        initial[FORM_FIELDS[column.header]] = str(value or "")
    return initial


def _rows(records: list[Any], made: dict[tuple[str, str], str], query: str) -> list[dict[str, Any]]:
    """What each row shows, its links made once here (a page of 50 rows renders in one
    pass rather than 150 URL and translation tags)."""
    edit = reverse("leads:edit", args=["ENG", "CTX"])
    convert = reverse("leads:create_opportunity", args=["ENG", "CTX"])
    opportunity = reverse("pipeline:opportunity", args=["O0"])
    rows = []
    for view in management.lead_views(records):
        record = view.record
        key = (record.engagement.public_id, record.context_id)
        made_id = made.get(key, "")
        made_url = opportunity.replace("/O0/", f"/{made_id}/") + query if made_id else ""
        rows.append({
            "view": view, "record": record, "key": "/".join(key),
            "edit_url": edit.replace("ENG", key[0]).replace("CTX", key[1]) + query,
            "convert_url": convert.replace("ENG", key[0]).replace("CTX", key[1]) + query,
            "opportunity": made_id,
            "opportunity_url": made_url,
        })  # fmt: skip
    return rows


@member_page(LEADS_MANAGEMENT)
@require_GET
@service_refusals
def lead_list(request: ActorRequest) -> HttpResponse:
    catalog = _catalog(request)
    view = request.GET.get("view", "")
    records = management.visible_records(request.actor, catalog)
    all_leads = management.sees_all(request.actor)
    if view == "owned" or not all_leads:
        records = records.filter(owner=request.actor.user) if view == "owned" else records
    try:
        page = paginate(
            records.select_related("engagement", "owner"), SortKey("updated_at", "datetime"),
            descending=True, size=PAGE_SIZE, token=request.GET.get("token"),
            query={"own-leads": catalog, "view": view},
        )  # fmt: skip
    except RuleViolation:
        raise Http404 from None
    made = dict(
        ((t.engagement_identifier, t.context_identifier), t.opportunity_identifier)
        for t in OpportunityFromEngagementTask.objects.filter(
            company=request.actor.company, catalog=catalog, status="COMPLETE",
            engagement_identifier__in=[r.engagement.public_id for r in page.items],
        )
    )  # fmt: skip
    context = {
        "tab": "own", "sandbox": catalog == Catalog.SANDBOX, "catalog_query": _query(catalog),
        "rows": _rows(page.items, made, _query(catalog)), "page": page,
        "all_leads": all_leads, "view": view,
        "owners": owner_candidates(request) if all_leads else [],
        "qualifications": management.QUALIFICATIONS,
    }  # fmt: skip
    return render(request, "pipeline/leads/own.html", context)


@member_page(LEADS_MANAGEMENT)
@require_http_methods(["GET", "POST"])
@service_refusals
def lead_new(request: ActorRequest) -> HttpResponse:
    catalog = _catalog(request)
    form = LeadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            management.create_lead_by_hand(request.actor, catalog, form.values())
        except RuleViolation as refused:
            form.show(refused)
        else:
            messages.success(request, _("Lead created."))
            return redirect(reverse("leads:own") + _query(catalog))
    context = {"form": form, "title": _("Create lead"), "catalog_query": _query(catalog)}
    return render(request, "pipeline/leads/form.html", context, status=400 if form.errors else 200)


@member_page(LEADS_MANAGEMENT)
@require_http_methods(["GET", "POST"])
@service_refusals
def lead_edit(request: ActorRequest, engagement_id: str, context_id: str) -> HttpResponse:
    catalog = _catalog(request)
    record = management.find_record(request.actor, catalog, engagement_id, context_id)
    form = LeadForm(request.POST or None, initial=_initial(management.lead_of(record)))
    if request.method == "POST" and form.is_valid():
        try:
            management.edit_lead(request.actor, catalog, engagement_id, context_id, form.values())
        except RuleViolation as refused:
            form.show(refused)
        else:
            messages.success(request, _("Lead updated."))
            return redirect(reverse("leads:own") + _query(catalog))
    context = {"form": form, "title": _("Edit lead"), "catalog_query": _query(catalog),
               "record": record, "qualifications": management.QUALIFICATIONS}  # fmt: skip
    return render(request, "pipeline/leads/form.html", context, status=400 if form.errors else 200)


@member_page(LEADS_MANAGEMENT)
@require_POST
@service_refusals
def lead_qualify(request: ActorRequest, engagement_id: str, context_id: str) -> HttpResponse:
    catalog = _catalog(request)
    try:
        status, reason = request.POST.get("status", ""), request.POST.get("reason", "")
        management.qualify_lead(request.actor, catalog, engagement_id, context_id, status, reason)
    except RuleViolation as refused:
        messages.error(request, " ".join(str(e.message) for e in refused.errors))
    else:
        messages.success(request, _("Qualification status saved."))
    return redirect(reverse("leads:own") + _query(catalog))


@member_page(LEADS_MANAGEMENT)
@require_POST
@service_refusals
def lead_transfer(request: ActorRequest) -> HttpResponse:
    catalog = _catalog(request)
    keys = [tuple(key.split("/", 1)) for key in request.POST.getlist("lead") if "/" in key]
    try:
        moved = management.transfer_leads(request.actor, catalog, keys,  # type: ignore[arg-type]
                                          request.POST.get("owner", ""))  # fmt: skip
    except RuleViolation as refused:
        messages.error(request, " ".join(str(e.message) for e in refused.errors))
    else:
        messages.success(request, _("%(count)s leads transferred.") % {"count": moved})
    return redirect(reverse("leads:own") + _query(catalog))
