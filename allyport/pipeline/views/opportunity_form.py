"""Create and edit an opportunity: one form, every error at once by field, nothing
written unless the service accepts the whole request."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from allyport.access.decisions import require
from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.core.errors import Conflict, RuleViolation
from allyport.pipeline import services
from allyport.pipeline.enums import ReviewStatus
from allyport.pipeline.forms.opportunity import OpportunityForm
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.opportunities.review import READ_ONLY
from allyport.pipeline.opportunities.rules import consistency, normalize
from allyport.pipeline.shared.payload import editable
from allyport.pipeline.shared.scope import MANAGE_OWNED
from allyport.pipeline.views.common import (
    OPPORTUNITY_MANAGEMENT,
    catalog_of,
    catalog_query,
    opportunity_url,
    posted,
)

STAMP = "last_modified_date"


def _attempt(
    form: OpportunityForm,
    catalog: str,
    write: Callable[[dict[str, Any]], Opportunity],
    related: Mapping[str, list[str]],
    before: Mapping[str, Any] | None = None,
) -> Opportunity | None:
    """Write through the service when the form and the API's validation pass; otherwise
    add the business rules' answer for the rest of the request, so every problem shows
    at once. The service checks everything again and writes all or nothing."""
    valid = form.is_valid()
    payload = form.payload()
    form.check_model(catalog, payload)
    if valid and not form.errors:
        try:
            return write(payload)
        except RuleViolation as refused:
            form.add_field_errors(refused.errors)
            return None
    form.add_field_errors(consistency(normalize(copy.deepcopy(payload)), related, before))
    return None


@member_page(OPPORTUNITY_MANAGEMENT)
@require_http_methods(["GET", "POST"])
@service_refusals
def new_opportunity(request: ActorRequest) -> HttpResponse:
    actor = request.actor
    require(actor, MANAGE_OWNED)
    form = OpportunityForm(posted(request), with_catalog=True)
    form.fields["catalog"].initial = catalog_of(request)
    if request.method == "POST":

        def create(payload: dict[str, Any]) -> Opportunity:
            return services.create_opportunity(actor, form.cleaned_data["catalog"], payload)

        chosen = request.POST.get("catalog", "AWS")
        created = _attempt(form, chosen, create, related={})
        if created is not None:
            messages.success(
                request, _("Opportunity %(id)s is created.") % {"id": created.public_id}
            )
            return redirect(opportunity_url(created))
    context = {"form": form, "title": _("Create opportunity"), "catalog": catalog_of(request)}
    return render(request, "pipeline/opportunity_form.html", context)


def _stamp(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value or "")
    except ValueError:
        return None


def read_only_reason(opportunity: Opportunity) -> str:
    """Why the opportunity cannot be edited now, or ""."""
    if opportunity.review_status in READ_ONLY:
        return _("It is read-only while its review status is %(status)s.") % {
            "status": opportunity.review_status
        }
    return ""


@member_page(OPPORTUNITY_MANAGEMENT)
@require_http_methods(["GET", "POST"])
@service_refusals
def edit_opportunity(request: ActorRequest, identifier: str) -> HttpResponse:
    actor = request.actor
    catalog = catalog_of(request)
    opportunity = services.get_opportunity(actor, catalog, identifier)
    context: dict[str, Any] = {
        "opportunity": opportunity,
        "catalog": catalog,
        "catalog_query": catalog_query(catalog),
        "title": _("Edit opportunity %(id)s") % {"id": opportunity.public_id},
    }
    reason = read_only_reason(opportunity)
    if reason:
        return render(request, "pipeline/opportunity_read_only.html", {**context, "reason": reason})
    locked = opportunity.review_status == ReviewStatus.ACTION_REQUIRED
    form = OpportunityForm(posted(request), stored=editable(opportunity.data), locked=locked)
    stamp = request.POST.get(STAMP) if request.method == "POST" else None
    if request.method == "POST":
        read_at = _stamp(stamp)

        def update(payload: dict[str, Any]) -> Opportunity:
            if read_at is None:
                raise Conflict("", "Opportunity", identifier)
            return services.update_opportunity(
                actor, catalog, identifier, payload, last_modified_date=read_at
            )

        try:
            updated = _attempt(form, catalog, update, opportunity.related, opportunity.data)
        except Conflict:
            context["conflict"] = True
            form.add_error(
                None,
                _(
                    "This opportunity was changed meanwhile, by someone else or through the "
                    "API. Reload it to see the current version, then make your changes again."
                ),
            )
        else:
            if updated is not None:
                messages.success(
                    request, _("Opportunity %(id)s is updated.") % {"id": updated.public_id}
                )
                return redirect(opportunity_url(updated))
    context.update(
        {
            "form": form,
            "locked": locked,
            "stamp": stamp or opportunity.last_modified_date.isoformat(),
        }
    )
    return render(request, "pipeline/opportunity_form.html", context)
