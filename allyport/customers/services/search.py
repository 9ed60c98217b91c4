"""SearchCustomerAccounts: the shared filter tree, a sort, keyset pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.core.errors import REQUEST, refuse
from allyport.core.filters import Field, compile_filter
from allyport.core.keyset import Page, SortKey, paginate
from allyport.core.listing import page_size
from allyport.customers.models import CustomerAccount
from allyport.customers.services.scope import visible

# FilterableField -> the column (or relation) it reads.
FIELDS: dict[str, Field] = {
    "ENRICHMENT_STATUS": Field("enrichment_status", "exact"),
    "COMPANY_NAME": Field("company_name", "text"),
    "AWS_INDUSTRY": Field("aws_industry", "exact"),
    "ACCOUNT_PLANNING_QUALIFICATION": Field("account_planning_qualification", "exact"),
    "PROGRAM_ELIGIBILITY": Field("programs__program", "many"),
    "IMPORT_ID": Field("import_id", "exact"),
    "CREATED_DATE": Field("created_date", "datetime"),
    "LAST_MODIFIED_DATE": Field("last_modified_date", "datetime"),
    "GEO": Field("geo", "exact"),
    "COUNTRY": Field("country", "exact"),
    "SEGMENT": Field("segment", "exact"),
    "SOLUTION_CATEGORY": Field("solution_category", "exact"),
    "MARKETPLACE_ENGAGEMENT_SCORE": Field("marketplace_engagement_score", "exact"),
    "SOLUTION_SCORE": Field("solution_score", "exact"),
}
# Scores sort by rank (Low < Medium < High); accounts without one are null.
SORT_KEYS = {
    "COMPANY_NAME": SortKey("company_name"),
    "CREATED_DATE": SortKey("created_date", "datetime"),
    "LAST_MODIFIED_DATE": SortKey("last_modified_date", "datetime"),
    "MARKETPLACE_ENGAGEMENT_SCORE": SortKey("engagement_rank", nullable=True),
    "SOLUTION_SCORE": SortKey("solution_rank", nullable=True),
}
DEFAULT_SORT = {"SortBy": "LAST_MODIFIED_DATE", "SortOrder": "DESCENDING"}


def filtered(
    actor: Actor, catalog: str, tree: Mapping[str, Any] | None
) -> QuerySet[CustomerAccount]:
    """The actor's accounts in the catalog that the Filter tree keeps."""
    queryset = visible(actor, catalog)
    if tree is None:
        return queryset
    return queryset.filter(compile_filter(tree, FIELDS, model=CustomerAccount))


def _sort(params: Mapping[str, Any]) -> tuple[SortKey, bool, dict[str, Any]]:
    sort = dict(params.get("Sort") or DEFAULT_SORT)
    key = SORT_KEYS.get(sort.get("SortBy"))  # type: ignore[arg-type]
    if key is None:
        raise refuse("Sort.SortBy", _("This field cannot be sorted on."), reason=REQUEST)
    if sort.get("SortOrder") not in ("ASCENDING", "DESCENDING"):
        raise refuse("Sort.SortOrder", _("Sort ASCENDING or DESCENDING."), reason=REQUEST)
    return key, sort["SortOrder"] == "DESCENDING", sort


def search_customer_accounts(actor: Actor, catalog: str, params: Mapping[str, Any]) -> Page:
    """One page; the NextToken fits only the same catalog, filter and sort."""
    key, descending, sort = _sort(params)
    size = page_size(params.get("MaxResults"))
    queryset = filtered(actor, catalog, params.get("Filter"))
    return paginate(
        queryset,
        key,
        descending=descending,
        size=size,
        token=params.get("NextToken"),
        query={"catalog": catalog, "filter": params.get("Filter"), "sort": sort},
    )
