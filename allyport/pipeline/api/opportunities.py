"""CreateOpportunity, GetOpportunity, UpdateOpportunity, ListOpportunities,
SearchOpportunities."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.idempotency import with_client_token
from allyport.awsapi.registry import ApiContext, operation
from allyport.pipeline import services
from allyport.pipeline.opportunities import search
from allyport.pipeline.opportunities.output import opportunity_summary_wire
from allyport.pipeline.selectors import opportunity_arn
from allyport.shapes import selling


@operation(selling.SERVICE, "CreateOpportunity")
def create_opportunity(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)

    def create() -> dict[str, Any]:
        opportunity = services.create_opportunity(ctx.actor, catalog, params)
        return {
            "Id": opportunity.public_id,
            "PartnerOpportunityIdentifier": opportunity.partner_opportunity_identifier or None,
            "LastModifiedDate": opportunity.last_modified_date,
        }

    return with_client_token(ctx, params["ClientToken"], params, create)


@operation(selling.SERVICE, "GetOpportunity")
def get_opportunity(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = params["Catalog"], params["Identifier"]
    ctx.authorize(opportunity_arn(catalog, identifier, ctx.account_id), catalog=catalog)
    opportunity = services.get_opportunity(ctx.actor, catalog, identifier)
    return services.opportunity_view(opportunity, ctx.account_id)


@operation(selling.SERVICE, "UpdateOpportunity")
def update_opportunity(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = params["Catalog"], params["Identifier"]
    # UpdateOpportunity is decided by the service (the policy on the opportunity's ARN).
    opportunity = services.update_opportunity(
        ctx.actor, catalog, identifier, params, last_modified_date=params["LastModifiedDate"]
    )
    return {"Id": opportunity.public_id, "LastModifiedDate": opportunity.last_modified_date}


# What a summary reads of a row (output.opportunity_summary).
SUMMARY_COLUMNS = ("public_id", "catalog", "data", "last_modified_date", "created_date")


@operation(selling.SERVICE, "ListOpportunities")
def list_opportunities(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)
    page = services.list_opportunities(ctx.actor, catalog, params, columns=SUMMARY_COLUMNS)
    account = ctx.account_id
    return {
        "OpportunitySummaries": [opportunity_summary_wire(o, account) for o in page.items],
        "NextToken": page.next_token,
    }


@operation(selling.SERVICE, "SearchOpportunities")
def search_opportunities(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)
    page = search.search_opportunities(ctx.actor, catalog, params, rows=True)
    return {
        "OpportunitySearchSummaries": [search.search_summary_wire(o) for o in page.items],
        "NextToken": page.next_token,
    }
