"""ListBenefits, GetBenefit, ListBenefitAllocations, GetBenefitAllocation."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.registry import ApiContext, operation
from allyport.funding import output
from allyport.funding.services import catalogue, listing

SERVICE = "partnercentral-benefits"


@operation(SERVICE, "ListBenefits")
def list_benefits(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    page = catalogue.list_benefits(ctx.actor, params["Catalog"], params)
    return {
        "BenefitSummaries": [output.benefit_summary(b) for b in page.items],
        "NextToken": page.next_token,
    }


@operation(SERVICE, "GetBenefit")
def get_benefit(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    benefit = catalogue.get_benefit(ctx.actor, params["Catalog"], params["Identifier"])
    return output.benefit_view(benefit)


@operation(SERVICE, "ListBenefitAllocations")
def list_benefit_allocations(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    page = listing.list_allocations(ctx.actor, params["Catalog"], params)
    return {
        "BenefitAllocationSummaries": [output.allocation_summary(a) for a in page.items],
        "NextToken": page.next_token,
    }


@operation(SERVICE, "GetBenefitAllocation")
def get_benefit_allocation(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    allocation = listing.get_allocation(ctx.actor, params["Catalog"], params["Identifier"])
    return output.allocation_view(allocation)
