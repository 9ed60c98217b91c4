"""Submit an opportunity to AWS, and Transfer its ownership to another member."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from allyport.access.decisions import require
from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.core.errors import RuleViolation
from allyport.pipeline import services
from allyport.pipeline.forms.actions import SubmitForm, TransferForm
from allyport.pipeline.forms.opportunity import label_of
from allyport.pipeline.shared.scope import SUBMIT, sees_all
from allyport.pipeline.views.common import (
    OPPORTUNITY_MANAGEMENT,
    catalog_of,
    catalog_query,
    list_url,
    opportunity_url,
    owner_candidates,
    posted,
)

SUBMIT_FIELDS = {"InvolvementType": "involvement_type", "Visibility": "visibility"}


@member_page(OPPORTUNITY_MANAGEMENT)
@require_http_methods(["GET", "POST"])
@service_refusals
def submit(request: ActorRequest, identifier: str) -> HttpResponse:
    """Co-Sell or For Visibility Only, Full or Limited, then Submit. What is missing
    for submission is listed by field, with the way to the edit page."""
    require(request.actor, SUBMIT)
    catalog = catalog_of(request)
    found = services.get_opportunity(request.actor, catalog, identifier)
    form = SubmitForm(posted(request))
    problems: list[tuple[str, str]] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_opportunity(
                request.actor,
                catalog,
                identifier,
                form.cleaned_data["involvement_type"],
                form.cleaned_data["visibility"],
            )
        except RuleViolation as refused:
            for error in refused.errors:
                if error.field in SUBMIT_FIELDS:
                    form.add_error(SUBMIT_FIELDS[error.field], error.message)
                else:
                    problems.append((str(label_of(error.field)), error.message))
        else:
            messages.success(
                request, _("Opportunity %(id)s is submitted to AWS.") % {"id": identifier}
            )
            return redirect(opportunity_url(found))
    context = {
        "opportunity": found,
        "form": form,
        "problems": problems,
        "catalog_query": catalog_query(catalog),
    }
    return render(request, "pipeline/opportunity_submit.html", context)


@member_page(OPPORTUNITY_MANAGEMENT)
@require_http_methods(["GET", "POST"])
@service_refusals
def transfer(request: ActorRequest, identifier: str) -> HttpResponse:
    """AssignOpportunity: the chosen member becomes the owner."""
    catalog = catalog_of(request)
    found = services.get_opportunity(request.actor, catalog, identifier)
    form = TransferForm(posted(request), users=owner_candidates(request))
    if request.method == "POST" and form.is_valid():
        user = form.user()
        try:
            services.assign_opportunity(
                request.actor, catalog, identifier, services.assignee_of(user)
            )
        except RuleViolation as refused:
            for error in refused.errors:
                form.add_error("assignee", error.message)
        else:
            messages.success(
                request,
                _("Opportunity %(id)s now belongs to %(email)s.")
                % {"id": identifier, "email": user.email},
            )
            still_visible = sees_all(request.actor) or user == request.actor.user
            return redirect(opportunity_url(found) if still_visible else list_url(catalog))
    context = {"opportunity": found, "form": form, "catalog_query": catalog_query(catalog)}
    return render(request, "pipeline/opportunity_transfer.html", context)
