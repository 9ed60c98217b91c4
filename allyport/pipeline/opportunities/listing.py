"""ListOpportunities: its filters and sorts, one keyset page at a time."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.accounts.models import User
from allyport.core.errors import REQUEST, refuse
from allyport.core.keyset import Page, SortKey, paginate
from allyport.core.listing import page_size
from allyport.core.plain_rows import PlainRows
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.shared.scope import opportunities

SORT_KEYS = {
    "LastModifiedDate": SortKey("last_modified_date", "datetime"),
    "Identifier": SortKey("public_id"),
    "CustomerCompanyName": SortKey("customer_company_name"),
    "CreatedDate": SortKey("created_date", "datetime"),
    "TargetCloseDate": SortKey("target_close_date", "date", nullable=True),
}
DEFAULT_SORT = {"SortBy": "LastModifiedDate", "SortOrder": "DESCENDING"}
# (request member, column, lower bound member (inclusive), upper bound member (exclusive))
RANGES = (
    ("LastModifiedDate", "last_modified_date", "AfterLastModifiedDate", "BeforeLastModifiedDate"),
    ("CreatedDate", "created_date", "AfterCreatedDate", "BeforeCreatedDate"),
    ("TargetCloseDate", "target_close_date", "AfterTargetCloseDate", "BeforeTargetCloseDate"),
)
LISTS = (
    ("Identifier", "public_id"),
    ("LifeCycleStage", "stage"),
    ("LifeCycleReviewStatus", "review_status"),
    ("CustomerCompanyName", "customer_company_name"),
)


def _bound(field: str, value: Any) -> date | datetime:
    """A range bound of a filter; a refusal names its whole path (TargetCloseDate.…)."""
    if isinstance(value, date):  # a datetime is a date too
        return value
    text = str(value)
    try:
        return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)
    except ValueError:
        raise refuse(field, _("This is not a date."), reason=REQUEST) from None


def _filtered(queryset: QuerySet[Opportunity], request: Mapping[str, Any]) -> QuerySet[Opportunity]:
    for member, column in LISTS:
        if request.get(member):
            queryset = queryset.filter(**{f"{column}__in": list(request[member])})
    for member, column, after, before in RANGES:
        bounds = request.get(member) or {}
        if bounds.get(after) is not None:
            bound = _bound(f"{member}.{after}", bounds[after])
            queryset = queryset.filter(**{f"{column}__gte": bound})
        if bounds.get(before) is not None:
            bound = _bound(f"{member}.{before}", bounds[before])
            queryset = queryset.filter(**{f"{column}__lt": bound})
    return queryset


def _sort(request: Mapping[str, Any]) -> tuple[SortKey, bool]:
    sort = request.get("Sort") or DEFAULT_SORT
    key = SORT_KEYS.get(sort.get("SortBy", ""))
    order = sort.get("SortOrder")
    if key is None or order not in ("ASCENDING", "DESCENDING"):
        raise refuse("Sort", _("Unknown sort."), reason=REQUEST)
    return key, order == "DESCENDING"


def _search(queryset: QuerySet[Opportunity], text: str) -> QuerySet[Opportunity]:
    """The portal's search box: id, partner reference, customer or title."""
    return queryset.filter(
        Q(public_id=text)
        | Q(partner_opportunity_identifier=text)
        | Q(customer_company_name__icontains=text)
        | Q(title__icontains=text)
    )


def list_opportunities(
    actor: Actor,
    catalog: str,
    request: Mapping[str, Any],
    *,
    owner: User | None = None,
    search: str = "",
    columns: tuple[str, ...] = (),
) -> Page:
    """A page of the opportunities the actor sees. `request` has ListOpportunities'
    members (filters, Sort, MaxResults, NextToken); the portal adds `owner` and
    `search`. Items are Opportunity rows; `output.opportunity_summary` shapes them.
    With `columns`, items are rows of only those columns (attributes of a namespace):
    building 100 model instances and decoding JSON the caller does not read is most
    of a page's cost."""
    queryset = _filtered(opportunities(actor, catalog), request)
    if owner is not None:
        queryset = queryset.filter(owner=owner)
    if search.strip():
        queryset = _search(queryset, search.strip())
    key, descending = _sort(request)
    query = {
        "catalog": catalog,
        "filters": {k: v for k, v in request.items() if k not in ("MaxResults", "NextToken")},
        "owner": owner.pk if owner is not None else None,
        "search": search.strip(),
    }
    plain = PlainRows(queryset, (*columns, key.column, "public_id")) if columns else None
    if plain is not None:
        queryset = plain.select(queryset)
    page = paginate(
        queryset,
        key,
        descending=descending,
        size=page_size(request.get("MaxResults")),
        token=request.get("NextToken"),
        query=query,
    )
    if plain is not None:
        return replace(page, items=plain.rows(page.items))
    return page
