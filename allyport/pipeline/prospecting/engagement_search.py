"""SearchEngagements: Keyword, Filter (the shared compiler), GroupId, Sort, keyset pages.

Only engagements the caller's company is a member of are searched. Context
values are read from each engagement's search document (`Engagement.
search_values`, lists of values: an engagement may hold several leads, a lead
several interactions), so every context key is a "many" field. Keys that no
context this server keeps can ever carry (prospecting's geography, company size
and solution categories, which only AWS's own prospecting model fills) are
refused by name rather than answered with an always-empty result.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Q, QuerySet
from django.db.models.fields.json import KT
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.core.errors import REQUEST, refuse
from allyport.core.filters import Field, compile_filter
from allyport.core.json_lists import ListHas
from allyport.core.keyset import Page, SortKey, paginate
from allyport.core.listing import page_size
from allyport.pipeline.engagements.models import Engagement
from allyport.pipeline.engagements.selectors import engagement_view, engagements
from allyport.pipeline.prospecting.groups import find_group
from allyport.pipeline.prospecting.search_values import COMPANY_NAMES, LEAD_PATHS, PROSPECTING_PATHS

UNANSWERABLE = (
    "ProspectingCustomerGeo",
    "ProspectingCustomerRegion",
    "ProspectingCustomerCompanySize",
    "ProspectingInsightsSolutionCategory",
    "ProspectingInsightsSolutionSubCategory",
)
COLUMNS = {
    "EngagementId": Field("public_id", "exact"),
    "Title": Field("title", "text"),
    "CreatedAt": Field("created_at", "datetime"),
    "LastModifiedAt": Field("modified_at", "datetime"),
    "MemberCount": Field("member_count", "number"),
}
LISTED = ("PartnerId", "ContextType", *LEAD_PATHS, *PROSPECTING_PATHS)
FIELDS: dict[str, Field] = {
    **COLUMNS,
    **{key: Field(f"search_values__{key}", "many") for key in LISTED if key not in UNANSWERABLE},
}
COLUMN_SORTS = {
    "EngagementId": SortKey("public_id"),
    "Title": SortKey("title"),
    "CreatedAt": SortKey("created_at", "datetime"),
    "LastModifiedAt": SortKey("modified_at", "datetime"),
    "MemberCount": SortKey("member_count"),
}
SORT_VALUE = "sort_value"
DEFAULT_SORT = {"SortBy": "CreatedAt", "SortOrder": "DESCENDING"}


def _not_kept(key: Any) -> str:
    return _("This server keeps no %(key)s for engagements; use another key.") % {"key": key}


def _keyword(word: str) -> Q:
    """Title, description, customer and member company names, any case."""
    return (
        Q(title__icontains=word)
        | Q(description__icontains=word)
        | Q(ListHas("search_values", (COMPANY_NAMES,), word, contains=True))
    )


def _sorted(
    queryset: QuerySet[Engagement], sort: Mapping[str, Any]
) -> tuple[QuerySet[Engagement], SortKey, bool]:
    by, order = sort.get("SortBy"), sort.get("SortOrder")
    if order not in ("ASCENDING", "DESCENDING"):
        raise refuse("Sort.SortOrder", _("ASCENDING or DESCENDING."), reason=REQUEST)
    descending = order == "DESCENDING"
    if by in COLUMN_SORTS:
        return queryset, COLUMN_SORTS[str(by)], descending
    if by not in FIELDS:
        raise refuse("Sort.SortBy", _not_kept(by), reason=REQUEST)
    # A listed value sorts by its first value; engagements without one sort last going up.
    annotated = queryset.annotate(**{SORT_VALUE: KT(f"search_values__{by}__0")})
    return annotated, SortKey(SORT_VALUE, nullable=True), descending


def search_engagements(actor: Actor, catalog: str, request: Mapping[str, Any]) -> Page:
    queryset = engagements(actor, catalog)
    if request.get("Keyword"):
        queryset = queryset.filter(_keyword(str(request["Keyword"])))
    unanswerable = {key: _not_kept(key) for key in UNANSWERABLE}
    queryset = queryset.filter(
        compile_filter(request.get("Filter"), FIELDS, model=Engagement, unanswerable=unanswerable)
    )
    if request.get("GroupId"):
        group = find_group(actor, catalog, str(request["GroupId"]))
        queryset = queryset.filter(groups=group)
    queryset, key, descending = _sorted(queryset, request.get("Sort") or DEFAULT_SORT)
    filters = {k: v for k, v in request.items() if k not in ("MaxResults", "NextToken")}
    return paginate(
        queryset,
        key,
        descending=descending,
        size=page_size(request.get("MaxResults")),
        token=request.get("NextToken"),
        query={"catalog": catalog, "op": "search-engagements", "filters": filters},
    )


def search_summary(engagement: Engagement) -> dict[str, Any]:
    """EngagementSearchSummary: GetEngagement's members."""
    return engagement_view(engagement)
