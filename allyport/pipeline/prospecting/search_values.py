"""The search document of an engagement: `Engagement.search_values`.

SearchEngagements filters on values deep in the contexts (every interaction of
every lead), which SQL cannot reach portably; so each engagement keeps a flat
{filter key: [distinct values]} object, rebuilt after each save of the
engagement or change of its members (wired in `pipeline.effects`, so no writer can forget it),
and searched as JSON lists by the shared filter compiler. `CompanyNames` (customer
and member names) serves the Keyword.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

# filter key -> path inside a Lead context's payload ("Interactions" is a list).
LEAD_PATHS = {
    "LeadQualificationStatus": ("QualificationStatus",),
    "LeadReadinessScore": ("Insights", "LeadReadinessScore"),
    "LeadCustomerIndustry": ("Customer", "Industry"),
    "LeadCustomerCountryCode": ("Customer", "Address", "CountryCode"),
    "LeadCustomerAwsMaturity": ("Customer", "AwsMaturity"),
    "LeadCustomerMarketSegment": ("Customer", "MarketSegment"),
    "LeadCustomerCompanyName": ("Customer", "CompanyName"),
    "LeadInteractionsSourceType": ("Interactions", "SourceType"),
    "LeadInteractionsSourceName": ("Interactions", "SourceName"),
    "LeadInteractionsUsecase": ("Interactions", "Usecase"),
    "LeadInteractionsContactFirstName": ("Interactions", "Contact", "FirstName"),
    "LeadInteractionsContactLastName": ("Interactions", "Contact", "LastName"),
    "LeadInteractionsContactBusinessTitle": ("Interactions", "Contact", "BusinessTitle"),
}
PROSPECTING_PATHS = {
    "ProspectingCustomerGeo": ("Aws", "Customer", "Geo"),
    "ProspectingCustomerRegion": ("Aws", "Customer", "Region"),
    "ProspectingCustomerIndustry": ("Aws", "Customer", "Industry"),
    "ProspectingCustomerSegment": ("Aws", "Customer", "Segment"),
    "ProspectingCustomerCountry": ("Aws", "Customer", "Country"),
    "ProspectingCustomerCompanySize": ("Aws", "Customer", "CompanySize"),
    "ProspectingInsightsMarketplaceEngagementScore": (
        "Aws",
        "Insights",
        "MarketplaceEngagementScore",
    ),
    "ProspectingInsightsSolutionCategory": ("Aws", "Insights", "SolutionCategory"),
    "ProspectingInsightsSolutionSubCategory": ("Aws", "Insights", "SolutionSubCategory"),
}
COMPANY_NAMES = "CompanyNames"


def _values(value: Any, path: tuple[str, ...]) -> Iterable[str]:
    """The strings at `path`, descending into every element of the lists on the way."""
    if isinstance(value, list):
        for item in value:
            yield from _values(item, path)
        return
    if not path:
        if isinstance(value, str) and value:
            yield value
        return
    if isinstance(value, Mapping):
        yield from _values(value.get(path[0]), path[1:])


def search_document(
    contexts: Iterable[Mapping[str, Any]], members: Iterable[tuple[str, str]]
) -> dict[str, list[str]]:
    """`members`: (partner id or "", company name) of each member."""
    found: dict[str, list[str]] = {}

    def add(key: str, values: Iterable[str]) -> None:
        bucket = found.setdefault(key, [])
        bucket.extend(v for v in values if v not in bucket)

    for context in contexts:
        kind = str(context.get("Type") or "")
        payload = (context.get("Payload") or {}).get(kind) or {}
        add("ContextType", [kind] if kind else [])
        paths = LEAD_PATHS if kind == "Lead" else PROSPECTING_PATHS
        if kind in ("Lead", "ProspectingResult"):
            for key, path in paths.items():
                add(key, _values(payload, path))
        add(COMPANY_NAMES, _values(payload, ("Customer", "CompanyName")))
        add(COMPANY_NAMES, _values(payload, ("Aws", "Customer", "AccountName")))
    for partner_id, name in members:
        add("PartnerId", [partner_id] if partner_id else [])
        add(COMPANY_NAMES, [name] if name else [])
    return {key: values for key, values in found.items() if values}


def refresh(engagement_pk: int) -> None:
    """Rebuild one engagement's document (an UPDATE, so no save signal follows)."""
    from allyport.pipeline.engagements.models import Engagement, EngagementMember

    contexts = Engagement.objects.filter(pk=engagement_pk).values_list("contexts", flat=True)
    if not contexts:
        return
    members = EngagementMember.objects.filter(engagement_id=engagement_pk).values_list(
        "company__public_id", "company_name"
    )
    document = search_document(list(contexts[0] or []), [(p or "", n) for p, n in members])
    Engagement.objects.filter(pk=engagement_pk).update(search_values=document)
