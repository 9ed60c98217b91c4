"""Lists of a company's applications and allocations (Funding Portal, ListBenefit-
Applications, ListBenefitAllocations, GetBenefitAllocation): newest first, keyset
pages over one index range (company, catalog[, status], created_at, public_id)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.core import keyset
from allyport.core.errors import NotFound
from allyport.core.json_lists import ListHas
from allyport.core.listing import page_size
from allyport.funding.models import BenefitAllocation, BenefitApplication
from allyport.funding.permissions import GET_ALLOCATION, LIST_ALLOCATIONS, LIST_APPLICATIONS
from allyport.funding.scope import (
    ALLOCATION,
    APPLICATION,
    BENEFIT,
    check_catalog,
    public_id,
    require_funding,
    target,
)
from allyport.pipeline.selectors import linked_account_id

NEWEST = keyset.SortKey("created_at", "datetime")
APPLICATION_FILTERS = (
    "Catalog",
    "Programs",
    "FulfillmentTypes",
    "BenefitIdentifiers",
    "Status",
    "Stages",
    "AssociatedResourceArns",
    "AssociatedResources",
)


def _any_listed(column: str, values: list[str]) -> Q:
    found = Q()
    for value in values:
        found |= Q(ListHas(column, (), value, contains=False))
    return found


def _benefit_ids(catalog: str, identifiers: list[str]) -> list[str]:
    ids = []
    for identifier in identifiers:
        try:
            ids.append(public_id(BENEFIT, catalog, identifier, None))
        except NotFound:
            ids.append("")
    return ids


def filter_applications(
    queryset: QuerySet[BenefitApplication], catalog: str, params: dict[str, Any]
) -> QuerySet[BenefitApplication]:
    if params.get("Status"):
        queryset = queryset.filter(status__in=params["Status"])
    if params.get("Stages"):
        queryset = queryset.filter(stage__in=params["Stages"])
    if params.get("BenefitIdentifiers"):
        queryset = queryset.filter(
            benefit__public_id__in=_benefit_ids(catalog, params["BenefitIdentifiers"])
        )
    if params.get("Programs"):
        queryset = queryset.filter(_any_listed("benefit__programs", params["Programs"]))
    if params.get("FulfillmentTypes"):
        queryset = queryset.filter(_any_listed("fulfillment_types", params["FulfillmentTypes"]))
    arns = list(params.get("AssociatedResourceArns") or ())
    arns += [
        r["ResourceArn"] for r in params.get("AssociatedResources") or () if r.get("ResourceArn")
    ]
    if arns:
        queryset = queryset.filter(_any_listed("associated_resources", arns))
    return queryset


def list_applications(actor: Actor, catalog: str, params: dict[str, Any]) -> keyset.Page:
    company = require_funding(actor, LIST_APPLICATIONS, target(actor, APPLICATION, catalog))
    queryset = BenefitApplication.objects.filter(company=company, catalog=check_catalog(catalog))
    queryset = filter_applications(queryset, catalog, params).select_related("benefit")
    query = {key: params.get(key) for key in APPLICATION_FILTERS}
    return _sharing(
        company,
        keyset.paginate(
            queryset,
            NEWEST,
            descending=True,
            size=page_size(params.get("MaxResults")),
            token=params.get("NextToken"),
            query=query,
        ),
    )


def _sharing(company: Company, page: keyset.Page) -> keyset.Page:
    """Every row is the company's: they share its one instance, so the linked account
    that names them in ARNs is read once, not once per row."""
    for item in page.items:
        item.company = company
    return page


def list_allocations(actor: Actor, catalog: str, params: dict[str, Any]) -> keyset.Page:
    company = require_funding(actor, LIST_ALLOCATIONS, target(actor, ALLOCATION, catalog))
    queryset = BenefitAllocation.objects.filter(company=company, catalog=check_catalog(catalog))
    if params.get("Status"):
        queryset = queryset.filter(status__in=params["Status"])
    if params.get("FulfillmentTypes"):
        queryset = queryset.filter(fulfillment_type__in=params["FulfillmentTypes"])
    if params.get("BenefitIdentifiers"):
        queryset = queryset.filter(
            benefit__public_id__in=_benefit_ids(catalog, params["BenefitIdentifiers"])
        )
    wanted = []
    for identifier in params.get("BenefitApplicationIdentifiers") or ():
        account = linked_account_id(company)
        try:
            wanted.append(public_id(APPLICATION, catalog, identifier, account))
        except NotFound:
            wanted.append("")
    if params.get("BenefitApplicationIdentifiers"):
        queryset = queryset.filter(application__public_id__in=wanted)
    query = {
        k: params.get(k)
        for k in (
            "Catalog",
            "Status",
            "FulfillmentTypes",
            "BenefitIdentifiers",
            "BenefitApplicationIdentifiers",
        )
    }
    return _sharing(
        company,
        keyset.paginate(
            queryset.select_related("benefit", "application"),
            NEWEST,
            descending=True,
            size=page_size(params.get("MaxResults")),
            token=params.get("NextToken"),
            query=query,
        ),
    )


def get_allocation(actor: Actor, catalog: str, identifier: str) -> BenefitAllocation:
    company = require_funding(actor, GET_ALLOCATION, target(actor, ALLOCATION, catalog, identifier))
    wanted = public_id(ALLOCATION, catalog, identifier, linked_account_id(company))
    found = (
        BenefitAllocation.objects.filter(
            company=company, catalog=check_catalog(catalog), public_id=wanted
        )
        .select_related("benefit", "application")
        .first()
    )
    if found is None:
        raise NotFound("BenefitAllocation", identifier)
    return found
