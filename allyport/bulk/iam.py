"""The IAM check of an opportunity row of a job started through the API: each row is
asked of the policy evaluator as the single call would be (CreateOpportunity for an
import, UpdateOpportunity on the opportunity's ARN for each updated row). Acting as
the IAM user again is `allyport.cloud.job_actor`'s."""

from __future__ import annotations

from allyport.access.actor import Actor
from allyport.cloud.job_actor import check
from allyport.pipeline.selectors import opportunity_arn


def check_opportunity(actor: Actor, operation: str, catalog: str, identifier: str) -> None:
    if actor.kind == "iam" and actor.iam is not None:
        arn = opportunity_arn(catalog, identifier, actor.iam.account_id)
        check(actor, operation, catalog, arn)
