"""Build > Offerings (also Market > Offerings): the company's solutions, as
ListSolutions returns them; create, edit, activate and deactivate."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from allyport.access.decisions import authorize, require
from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.core.errors import RuleViolation
from allyport.pipeline import services
from allyport.pipeline.forms.offerings import SERVICE_FIELDS, OfferingForm
from allyport.pipeline.shared.scope import MANAGE_OFFERINGS
from allyport.pipeline.solutions.models import Solution
from allyport.pipeline.views.common import (
    OFFERINGS,
    catalog_of,
    catalog_query,
    posted,
)

PAGE_SIZE = 50
SORT = {"SortBy": "Name", "SortOrder": "ASCENDING"}


def offerings_url(catalog: str) -> str:
    return reverse("pipeline:offerings") + catalog_query(catalog)


@member_page(OFFERINGS)
@require_GET
@service_refusals
def offerings(request: ActorRequest) -> HttpResponse:
    catalog = catalog_of(request)
    status = request.GET.get("status", "")
    query = {"MaxResults": PAGE_SIZE, "Sort": SORT}
    if status in Solution.Status.values:
        query["Status"] = [status]
    token = request.GET.get("token")
    try:
        page = services.list_solutions(
            request.actor, catalog, {**query, "NextToken": token} if token else query
        )
    except RuleViolation:
        page = services.list_solutions(request.actor, catalog, query)
    context = {
        "catalog": catalog,
        "catalog_query": catalog_query(catalog),
        "solutions": page.items,
        "next_token": page.next_token,
        "first_page": bool(token),
        "status": status,
        "statuses": Solution.Status.choices,
        "can_manage": bool(authorize(request.actor, MANAGE_OFFERINGS)),
    }
    return render(request, "pipeline/offerings.html", context)


def _show_refusal(form: OfferingForm, refused: RuleViolation) -> None:
    for error in refused.errors:
        form.add_error(SERVICE_FIELDS.get(error.field), error.message)


@member_page(OFFERINGS)
@require_http_methods(["GET", "POST"])
@service_refusals
def new_offering(request: ActorRequest) -> HttpResponse:
    require(request.actor, MANAGE_OFFERINGS)
    form = OfferingForm(posted(request), with_catalog=True)
    form.fields["catalog"].initial = catalog_of(request)
    if request.method == "POST" and form.is_valid():
        catalog = form.cleaned_data["catalog"]
        try:
            created = services.create_solution(request.actor, catalog, form.values())
        except RuleViolation as refused:
            _show_refusal(form, refused)
        else:
            messages.success(request, _("Offering %(name)s is created.") % {"name": created.name})
            return redirect(offerings_url(catalog))
    context = {"form": form, "title": _("Create offering"), "catalog": catalog_of(request)}
    return render(request, "pipeline/offering_form.html", context)


@member_page(OFFERINGS)
@require_http_methods(["GET", "POST"])
@service_refusals
def edit_offering(request: ActorRequest, identifier: str) -> HttpResponse:
    require(request.actor, MANAGE_OFFERINGS)
    catalog = catalog_of(request)
    solution = services.find_solution(request.actor, catalog, identifier)
    initial = {name: getattr(solution, name) for name in SERVICE_FIELDS.values()}
    form = OfferingForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_solution(request.actor, catalog, identifier, form.values())
        except RuleViolation as refused:
            _show_refusal(form, refused)
        else:
            messages.success(request, _("Offering %(name)s is updated.") % {"name": solution.name})
            return redirect(offerings_url(catalog))
    context = {
        "form": form,
        "title": _("Edit offering %(id)s") % {"id": solution.public_id},
        "catalog": catalog,
        "solution": solution,
    }
    return render(request, "pipeline/offering_form.html", context)


@member_page(OFFERINGS)
@require_POST
@service_refusals
def offering_status(request: ActorRequest, identifier: str) -> HttpResponse:
    """Activate or Deactivate."""
    catalog = catalog_of(request)
    status = request.POST.get("status", "")
    if status not in (Solution.Status.ACTIVE, Solution.Status.INACTIVE):
        raise Http404
    try:
        solution = services.update_solution(request.actor, catalog, identifier, {"status": status})
    except RuleViolation as refused:
        for error in refused.errors:
            messages.error(request, error.message)
    else:
        done = _("%(name)s is active.") if status == "Active" else _("%(name)s is inactive.")
        messages.success(request, done % {"name": solution.name})
    return redirect(offerings_url(catalog))
