"""SearchOpportunities: Keyword, the Filter tree, every sort, one keyset page at a time.

Visibility is ListOpportunities' (`scope.opportunities`): the company's opportunities
in the catalog, only their own for members who manage owned ones. Filter keys map
to the columns the model copies out of `data`, to paths inside `data`, to the JSON
lists of related entities and tags, and to the owner. What only AWS computes
(co-sell motion, engagement score, estimated MRR) is not kept here: filtering or
sorting on it is refused by name rather than answered with nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from functools import cache
from typing import Any, Protocol

from botocore.model import Shape
from django.db.models import F, Q, QuerySet
from django.db.models.fields.json import KT
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.core.errors import REQUEST, refuse
from allyport.core.filters import Field, compile_filter
from allyport.core.keyset import Page, SortKey, paginate
from allyport.core.listing import page_size
from allyport.core.plain_rows import PlainRows
from allyport.pipeline.opportunities import search_wire
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.opportunities.output import project
from allyport.pipeline.opportunities.summary import known_to_aws
from allyport.pipeline.shared.payload import clean
from allyport.pipeline.shared.scope import opportunities
from allyport.shapes.selling import shape
from allyport.shapes.serialization import Wire, converter

ACCOUNT = "data__Customer__Account"
FIELDS: dict[str, Field] = {
    "OpportunityId": Field("public_id", "exact"),
    "Stage": Field("stage", "exact"),
    "ReviewStatus": Field("review_status", "exact"),
    "CustomerCompanyName": Field("customer_company_name", "text"),
    "LastModifiedDate": Field("last_modified_date", "datetime"),
    "TargetCloseDate": Field("target_close_date", "date"),
    "CreatedDate": Field("created_date", "datetime"),
    "CountryCode": Field(f"{ACCOUNT}__Address__CountryCode", "exact"),
    "PartnerProjectTitle": Field("title", "text"),
    "OpportunityType": Field("data__OpportunityType", "exact"),
    "PartnerOpportunityIdentifier": Field("partner_opportunity_identifier", "exact"),
    "Industry": Field(f"{ACCOUNT}__Industry", "exact"),
    "AwsAccountId": Field(f"{ACCOUNT}__AwsAccountId", "exact"),
    "ApnPrograms": Field("data__Project__ApnPrograms", "many"),
    "Origin": Field("origin", "exact"),
    "Tags": Field("tags", "many", item="Key"),  # matched against the tag keys
    "NextStep": Field("data__LifeCycle__NextSteps", "text"),
    "OfferId": Field("related__AwsMarketplaceOffers", "many"),
    "OfferSetId": Field("related__AwsMarketplaceOfferSets", "many"),
    "AwsMarketplaceSolution": Field("related__AwsMarketplaceSolutions", "many"),
    "OpportunityOwner": Field("owner__email", "text"),
}
# Translated when refused (gettext at import would fix the language).
UNANSWERABLE = {
    "CosellMotion": ("CosellMotion is set by AWS; Allyport keeps no co-sell motion to search."),
    "EngagementScore": (
        "EngagementScore is an AWS insight; Allyport keeps no engagement score to search."
    ),
    "EstimatedMrr": ("EstimatedMrr is computed by AWS; Allyport keeps no estimated MRR to search."),
}
# Sorts on a column use it (and its index where there is one); the others sort on an
# annotation. A multi-valued field sorts by its first element (the first tag's key).
COLUMN_SORTS: dict[str, SortKey] = {
    "OpportunityId": SortKey("public_id"),
    "Stage": SortKey("stage"),
    "ReviewStatus": SortKey("review_status"),
    "CustomerCompanyName": SortKey("customer_company_name"),
    "LastModifiedDate": SortKey("last_modified_date", "datetime"),
    "TargetCloseDate": SortKey("target_close_date", "date", nullable=True),
    "CreatedDate": SortKey("created_date", "datetime"),
    "PartnerProjectTitle": SortKey("title"),
    "PartnerOpportunityIdentifier": SortKey("partner_opportunity_identifier"),
    "Origin": SortKey("origin"),
}
SORTED = "search_sort_value"
ANNOTATED_SORTS: dict[str, Any] = {
    "CountryCode": lambda: KT(f"{ACCOUNT}__Address__CountryCode"),
    "OpportunityType": lambda: KT("data__OpportunityType"),
    "Industry": lambda: KT(f"{ACCOUNT}__Industry"),
    "AwsAccountId": lambda: KT(f"{ACCOUNT}__AwsAccountId"),
    "NextStep": lambda: KT("data__LifeCycle__NextSteps"),
    "OpportunityOwner": lambda: F("owner__email"),
    "Tags": lambda: KT("tags__0__Key"),
    "OfferId": lambda: KT("related__AwsMarketplaceOffers__0"),
    "OfferSetId": lambda: KT("related__AwsMarketplaceOfferSets__0"),
    "ApnPrograms": lambda: KT("data__Project__ApnPrograms__0"),
}
DEFAULT_SORT = {"SortBy": "LastModifiedDate", "SortOrder": "DESCENDING"}


def _unanswerable() -> dict[str, str]:
    return {key: _(message) for key, message in UNANSWERABLE.items()}


@cache
def _summary_shape() -> Shape:
    return shape("OpportunitySearchSummary")


def _keyword(text: str) -> Q:
    """Free text: a case-insensitive part of the id, the CRM id, the customer or the title."""
    return (
        Q(public_id__icontains=text)
        | Q(partner_opportunity_identifier__icontains=text)
        | Q(customer_company_name__icontains=text)
        | Q(title__icontains=text)
    )


def _sorted(
    queryset: QuerySet[Opportunity], sort: Mapping[str, Any]
) -> tuple[QuerySet[Opportunity], SortKey, bool]:
    by, order = sort.get("SortBy"), sort.get("SortOrder")
    if order not in ("ASCENDING", "DESCENDING"):
        raise refuse("Sort.SortOrder", _("SortOrder is ASCENDING or DESCENDING."), reason=REQUEST)
    descending = order == "DESCENDING"
    if not isinstance(by, str):
        raise refuse("Sort.SortBy", _("Unknown sort."), reason=REQUEST)
    if by in COLUMN_SORTS:
        return queryset, COLUMN_SORTS[by], descending
    if by in ANNOTATED_SORTS:
        annotated = queryset.annotate(**{SORTED: ANNOTATED_SORTS[by]()})
        return annotated, SortKey(SORTED, nullable=True), descending
    if by in UNANSWERABLE:
        raise refuse("Sort.SortBy", _(UNANSWERABLE[by]), reason=REQUEST)
    raise refuse("Sort.SortBy", _("Unknown sort."), reason=REQUEST)


# What a search summary reads of a row (`search_summary_wire`).
SUMMARY_COLUMNS = (
    "public_id", "data", "last_modified_date", "created_date", "partner_opportunity_identifier",
    "review_status", "stage", "target_close_date", "tags", "related", "origin",
)  # fmt: skip


def search_opportunities(
    actor: Actor, catalog: str, request: Mapping[str, Any], *, rows: bool = False
) -> Page:
    """A page of the opportunities the actor sees that match Keyword and Filter (both
    narrow). Items are Opportunity rows; `search_summary` shapes them. With `rows`,
    items are plain rows of SUMMARY_COLUMNS (attributes of a namespace) for
    `search_summary_wire`: model instances cost more than the summary reads."""
    queryset = opportunities(actor, catalog)
    keyword = request.get("Keyword")
    if keyword is not None:
        if not isinstance(keyword, str) or not keyword.strip():
            raise refuse("Keyword", _("Keyword must be some text."), reason=REQUEST)
        queryset = queryset.filter(_keyword(keyword.strip()))
    tree = request.get("Filter")
    queryset = queryset.filter(
        compile_filter(tree, FIELDS, model=Opportunity, unanswerable=_unanswerable())
    )
    sort = request.get("Sort") or DEFAULT_SORT
    if not isinstance(sort, Mapping):
        raise refuse("Sort", _("Unknown sort."), reason=REQUEST)
    queryset, key, descending = _sorted(queryset, sort)
    query: dict[str, Any] = {"op": "SearchOpportunities", "catalog": catalog}
    query.update(keyword=keyword, filter=tree, sort=dict(sort))
    plain = PlainRows(queryset, (*SUMMARY_COLUMNS, key.column)) if rows else None
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


def _pick(value: Any, *keys: str) -> dict[str, Any]:
    return {key: value.get(key) for key in keys} if isinstance(value, Mapping) else {}


class SummaryRow(Protocol):
    """What a search summary reads: an Opportunity, or a row of SUMMARY_COLUMNS."""

    public_id: str
    data: dict[str, Any]
    last_modified_date: datetime
    created_date: datetime
    partner_opportunity_identifier: str
    review_status: str
    stage: str
    target_close_date: date | None
    tags: list[Any]
    related: dict[str, Any]
    origin: str


def search_summary(opportunity: SummaryRow) -> dict[str, Any]:
    """An OpportunitySearchSummary: only the members the model defines that have values;
    AwsOpportunitySummary only once AWS has the opportunity."""
    return project(clean(_summary_value(opportunity)), _summary_shape())  # type: ignore[no-any-return]


def search_summary_wire(opportunity: SummaryRow) -> Wire:
    """The same summary already in wire form (the list's serializer passes it through):
    built in one pass for a row of the stored types (`search_wire`), else by
    `generic_summary_wire`."""
    try:
        return Wire(search_wire.summary(opportunity))
    except search_wire.Unusual:
        return generic_summary_wire(opportunity)


def generic_summary_wire(opportunity: SummaryRow) -> Wire:
    """The summary in wire form by the shape: a compact, lenient converter drops
    empties as `clean` does, projects and serializes; `search_summary` walks the value
    three times and turns the timestamps into text and back."""
    to_wire = converter(_summary_shape(), lenient=True, compact=True)
    return Wire(to_wire(_summary_value(opportunity)))


def _summary_value(opportunity: SummaryRow) -> dict[str, Any]:
    data = opportunity.data
    account = _pick(
        (data.get("Customer") or {}).get("Account"),
        "CompanyName",
        "Industry",
        "AwsAccountId",
        "Address",
    )
    account["Address"] = _pick(account.get("Address"), "CountryCode")
    project_data = data.get("Project") or {}
    spend = [
        _pick(item, "Amount", "CurrencyCode")
        for item in project_data.get("ExpectedCustomerSpend") or []
    ]
    team = [
        _pick(member, "FirstName", "LastName", "BusinessTitle")
        for member in data.get("OpportunityTeam") or []
    ]
    value = {
        "Id": opportunity.public_id,
        "LastModifiedDate": opportunity.last_modified_date,
        "CreatedDate": opportunity.created_date,
        "OpportunityType": data.get("OpportunityType"),
        "PartnerOpportunityIdentifier": opportunity.partner_opportunity_identifier or None,
        "LifeCycle": {
            "ReviewStatus": opportunity.review_status or None,
            "Stage": opportunity.stage or None,
            "NextSteps": _life_cycle(data).get("NextSteps"),
            "TargetCloseDate": _iso(opportunity.target_close_date),
        },
        "Customer": {"Account": account},
        "Project": {
            "Title": project_data.get("Title"),
            "ApnPrograms": project_data.get("ApnPrograms"),
            "ExpectedCustomerSpend": spend,
        },
        "Tags": opportunity.tags,
        "RelatedEntityIdentifiers": _pick(
            opportunity.related,
            "AwsMarketplaceOffers",
            "AwsMarketplaceOfferSets",
            "AwsMarketplaceSolutions",
            "Solutions",
        ),
        "OpportunityTeam": team,
        "AwsOpportunitySummary": (
            {"Origin": opportunity.origin} if known_to_aws(opportunity) else None
        ),
    }
    return value


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _life_cycle(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """Opportunity.life_cycle, for a row that is not a model instance."""
    value = data.get("LifeCycle") or {}
    return value if isinstance(value, dict) else {}
