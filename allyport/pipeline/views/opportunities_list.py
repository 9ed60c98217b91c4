"""Sell > Opportunity Management: the list (filters, search, sort, keyset pages of 50,
the catalog switch) and the bulk Transfer of selected rows."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from allyport.access.decisions import PermissionDenied, authorize
from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.accounts.models import User
from allyport.core.errors import NotFound, RuleViolation
from allyport.core.keyset import Page
from allyport.pipeline import services
from allyport.pipeline.forms.actions import BulkTransferForm
from allyport.pipeline.forms.filters import OpportunityFilterForm
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.shared.scope import MANAGE_OWNED, SUBMIT, sees_all
from allyport.pipeline.views.common import (
    OPPORTUNITY_MANAGEMENT,
    catalog_of,
    catalog_query,
    list_url,
    owner_candidates,
)

PAGE_SIZE = 50


@dataclass(frozen=True)
class Row:
    opportunity: Opportunity
    owner: User | None


def _rows(items: list[Opportunity]) -> list[Row]:
    """The page's rows with their owners, read in one query for the whole page."""
    owner_ids = {o.owner_id for o in items if o.owner_id is not None}
    by_id: dict[int, User] = {}
    if owner_ids:
        owners = User.objects.filter(pk__in=owner_ids)
        by_id = {u.pk: u for u in owners.only("public_id", "email", "first_name", "last_name")}
    return [Row(o, by_id.get(o.owner_id) if o.owner_id else None) for o in items]


def _page(request: ActorRequest, catalog: str, filters: OpportunityFilterForm) -> Page:
    query = {**filters.request(), "MaxResults": PAGE_SIZE}
    token = request.GET.get("token")
    owner, search = filters.chosen_owner(), filters.search()
    try:
        return services.list_opportunities(
            request.actor,
            catalog,
            {**query, "NextToken": token} if token else query,
            owner=owner,
            search=search,
        )
    except RuleViolation:  # a token of other filters, or tampered with: the first page
        messages.info(request, _("The list changed its filters; here is its first page."))
        return services.list_opportunities(
            request.actor, catalog, query, owner=owner, search=search
        )


def _query_without(request: ActorRequest, *names: str) -> str:
    query: QueryDict = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


@member_page(OPPORTUNITY_MANAGEMENT)
@require_GET
@service_refusals
def opportunities(request: ActorRequest) -> HttpResponse:
    actor = request.actor
    catalog = catalog_of(request)
    all_visible = sees_all(actor)
    owners = owner_candidates(request)
    filters = OpportunityFilterForm(request.GET or None, owners=owners if all_visible else None)
    page = _page(request, catalog, filters)
    context = {
        "catalog": catalog,
        "catalog_query": catalog_query(catalog),
        "filters": filters,
        "rows": _rows(page.items),
        "next_token": page.next_token,
        "first_page": bool(request.GET.get("token")),
        "query": _query_without(request, "token"),
        "sees_all": all_visible,
        "can_create": bool(authorize(actor, MANAGE_OWNED)),
        "can_submit": bool(authorize(actor, SUBMIT)),
        "transfer": BulkTransferForm(users=owners),
    }
    return render(request, "pipeline/opportunities.html", context)


@dataclass(frozen=True)
class Outcome:
    identifier: str
    reason: str = ""


def _transfer_one(request: ActorRequest, catalog: str, identifier: str, user: User) -> Outcome:
    try:
        services.assign_opportunity(request.actor, catalog, identifier, services.assignee_of(user))
    except NotFound:
        return Outcome(identifier, _("Not found."))
    except RuleViolation as refused:
        return Outcome(identifier, "; ".join(error.message for error in refused.errors))
    except PermissionDenied as refused:
        return Outcome(identifier, str(refused.decision.reason))
    return Outcome(identifier)


@member_page(OPPORTUNITY_MANAGEMENT)
@require_POST
@service_refusals
def bulk_transfer(request: ActorRequest) -> HttpResponse:
    """Transfer each selected opportunity to one member, one service call each: every
    transfer succeeds or fails on its own, with its reason."""
    catalog = catalog_of(request)
    form = BulkTransferForm(request.POST, users=owner_candidates(request))
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect(list_url(catalog))
    user = form.user()
    outcomes = [_transfer_one(request, catalog, i, user) for i in form.identifiers()]
    context = {
        "catalog": catalog,
        "catalog_query": catalog_query(catalog),
        "assignee": user,
        "succeeded": [o for o in outcomes if not o.reason],
        "failed": [o for o in outcomes if o.reason],
    }
    return render(request, "pipeline/transfer_result.html", context)
