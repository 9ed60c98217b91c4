"""What the pipeline's handlers share: the service's name and ARNs. (Domain refusals
become the API's errors in the endpoint's dispatch: `allyport.awsapi.refusals`.)"""

from __future__ import annotations

from allyport.awsapi.registry import (
    ApiContext,
)
from allyport.pipeline.shared.arns import opportunity_arn

SELLING = "partnercentral-selling"


def account_id(ctx: ApiContext) -> str:
    return ctx.actor.iam.account_id if ctx.actor.iam is not None else ""


def arn(ctx: ApiContext, catalog: str, identifier: str) -> str:
    """The opportunity's ARN, as policies name it (catalog/<Catalog>/opportunity/<Id>)."""
    return opportunity_arn(catalog, identifier, account_id(ctx))
