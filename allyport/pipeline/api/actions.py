"""SubmitOpportunity, AssignOpportunity, Associate/DisassociateOpportunity and
GetAwsOpportunitySummary: operations on one opportunity, without output or with
AWS's view of it. Submit and Assign are decided by their services (the policy on
the opportunity's ARN); the others ask here."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.registry import ApiContext, operation
from allyport.pipeline import services
from allyport.pipeline.selectors import opportunity_arn
from allyport.shapes import selling


@operation(selling.SERVICE, "SubmitOpportunity")
def submit_opportunity(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = params["Catalog"], params["Identifier"]
    services.submit_opportunity(
        ctx.actor,
        catalog,
        identifier,
        params["InvolvementType"],
        params.get("Visibility") or "Full",
    )
    return {}


@operation(selling.SERVICE, "AssignOpportunity")
def assign_opportunity(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = params["Catalog"], params["Identifier"]
    services.assign_opportunity(ctx.actor, catalog, identifier, params["Assignee"])
    return {}


def _related(ctx: ApiContext, params: dict[str, Any]) -> tuple[str, str, str, str]:
    catalog, identifier = params["Catalog"], params["OpportunityIdentifier"]
    ctx.authorize(opportunity_arn(catalog, identifier, ctx.account_id), catalog=catalog)
    return catalog, identifier, params["RelatedEntityType"], params["RelatedEntityIdentifier"]


@operation(selling.SERVICE, "AssociateOpportunity")
def associate_opportunity(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    services.associate_opportunity(ctx.actor, *_related(ctx, params))
    return {}


@operation(selling.SERVICE, "DisassociateOpportunity")
def disassociate_opportunity(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    services.disassociate_opportunity(ctx.actor, *_related(ctx, params))
    return {}


@operation(selling.SERVICE, "GetAwsOpportunitySummary")
def get_aws_opportunity_summary(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = params["Catalog"], params["RelatedOpportunityIdentifier"]
    ctx.authorize(opportunity_arn(catalog, identifier, ctx.account_id), catalog=catalog)
    return services.get_aws_opportunity_summary(ctx.actor, catalog, identifier)
