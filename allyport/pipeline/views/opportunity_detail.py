"""One opportunity: every field, its review, the next steps history and related
entities, with Associate and Disassociate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from allyport.access.decisions import authorize
from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.core.errors import RuleViolation
from allyport.pipeline import services
from allyport.pipeline.enums import ReviewStatus
from allyport.pipeline.forms.actions import (
    ASSOCIATE_FIELDS,
    ASSOCIATE_FORMS,
    ENTITY_LABELS,
    AssociateSolutionForm,
)
from allyport.pipeline.forms.opportunity import OpportunityForm
from allyport.pipeline.forms.opportunity_layout import SECTIONS, initial_from
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.shared.scope import SUBMIT
from allyport.pipeline.views.common import (
    OPPORTUNITY_MANAGEMENT,
    catalog_of,
    catalog_query,
    opportunity_url,
)
from allyport.pipeline.views.opportunity_form import read_only_reason

SOLUTION_PAGE = 100


@dataclass(frozen=True)
class Related:
    entity_type: str
    label: str
    items: list[tuple[str, str]]  # (stored identifier, what to show)


def _display(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_display(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_display(item)}" for key, item in value.items())
    return "" if value is None else str(value)


def _sections(opportunity: Opportunity) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every field of the form, labelled as the form labels it, with its stored value."""
    values = initial_from(opportunity.data)
    fields = OpportunityForm.base_fields
    return [
        (str(title), [(str(fields[name].label), _display(values.get(name))) for name in names])
        for title, names in SECTIONS
    ]


def _solutions(request: ActorRequest, catalog: str) -> dict[str, Any]:
    """The company's offerings in this catalog (tens of them), by id."""
    page = services.list_solutions(
        request.actor,
        catalog,
        {"MaxResults": SOLUTION_PAGE, "Sort": {"SortBy": "Name", "SortOrder": "ASCENDING"}},
    )
    return {solution.public_id: solution for solution in page.items}


def _active(solutions: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (key, f"{solution.name} ({key})")
        for key, solution in solutions.items()
        if solution.status == "Active"
    ]


def _related(opportunity: Opportunity, solutions: dict[str, Any]) -> list[Related]:
    result = []
    for entity_type, label in ENTITY_LABELS.items():
        items = []
        for identifier in opportunity.related.get(entity_type, []):
            solution = solutions.get(identifier) if entity_type == "Solutions" else None
            shown = f"{solution.name} ({identifier})" if solution else identifier
            items.append((identifier, shown))
        result.append(Related(entity_type, str(label), items))
    return result


def render_detail(
    request: ActorRequest,
    opportunity: Opportunity,
    bound: dict[str, forms.Form] | None = None,
) -> HttpResponse:
    """The detail page; `bound`: an associate form with the service's refusal."""
    catalog = opportunity.catalog
    solutions = _solutions(request, catalog)
    associate: dict[str, forms.Form] = {
        "Solutions": AssociateSolutionForm(options=_active(solutions)),
        "AwsProducts": ASSOCIATE_FORMS["AwsProducts"](),
        "AwsMarketplaceOffers": ASSOCIATE_FORMS["AwsMarketplaceOffers"](),
        **(bound or {}),
    }
    life = opportunity.life_cycle
    context = {
        "opportunity": opportunity,
        "catalog": catalog,
        "catalog_query": catalog_query(catalog),
        "owner": opportunity.owner,
        "life": life,
        "history": list(reversed(life.get("NextStepsHistory") or [])),
        "team": opportunity.data.get("OpportunityTeam") or [],
        "contacts": (opportunity.data.get("Customer") or {}).get("Contacts") or [],
        "sections": _sections(opportunity),
        "related": _related(opportunity, solutions),
        "associate": associate,
        "read_only_reason": read_only_reason(opportunity),
        "action_required": opportunity.review_status == ReviewStatus.ACTION_REQUIRED,
        "can_submit": bool(authorize(request.actor, SUBMIT))
        and opportunity.review_status == ReviewStatus.PENDING_SUBMISSION,
    }
    return render(request, "pipeline/opportunity_detail.html", context)


@member_page(OPPORTUNITY_MANAGEMENT)
@require_GET
@service_refusals
def opportunity(request: ActorRequest, identifier: str) -> HttpResponse:
    found = services.get_opportunity(request.actor, catalog_of(request), identifier)
    return render_detail(request, found)


@member_page(OPPORTUNITY_MANAGEMENT)
@require_POST
@service_refusals
def associate(request: ActorRequest, identifier: str) -> HttpResponse:
    catalog = catalog_of(request)
    found = services.get_opportunity(request.actor, catalog, identifier)
    entity_type = request.POST.get("entity_type", "")
    if entity_type not in ASSOCIATE_FORMS:
        raise Http404
    if entity_type == "Solutions":
        options = _active(_solutions(request, catalog))
        form: forms.Form = AssociateSolutionForm(request.POST, options=options)
    else:
        form = ASSOCIATE_FORMS[entity_type](request.POST)
    if form.is_valid():
        try:
            services.associate_opportunity(
                request.actor,
                catalog,
                identifier,
                entity_type,
                form.identifier(),  # type: ignore[attr-defined]
            )
        except RuleViolation as refused:
            for error in refused.errors:
                form.add_error(ASSOCIATE_FIELDS[entity_type], error.message)
        else:
            messages.success(request, _("The association is saved."))
            return redirect(opportunity_url(found))
    return render_detail(request, found, {entity_type: form})


@member_page(OPPORTUNITY_MANAGEMENT)
@require_POST
@service_refusals
def disassociate(request: ActorRequest, identifier: str) -> HttpResponse:
    catalog = catalog_of(request)
    found = services.get_opportunity(request.actor, catalog, identifier)
    entity_type = request.POST.get("entity_type", "")
    entity_id = request.POST.get("entity_id", "")
    try:
        services.disassociate_opportunity(
            request.actor, catalog, identifier, entity_type, entity_id
        )
    except RuleViolation as refused:
        for error in refused.errors:
            messages.error(request, error.message)
    else:
        messages.success(request, _("%(id)s is no longer associated.") % {"id": entity_id})
    return redirect(opportunity_url(found))
