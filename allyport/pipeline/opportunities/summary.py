"""GetAwsOpportunitySummary: AWS's view of a partner opportunity (spec §2.8).

It exists once AWS has the opportunity — after submission, or for an AWS
referral — and holds what follows from the partner's record and its submission.
AWS-only content (its sales team, insights, co-sell motion) has no source here
and stays absent.
"""

from __future__ import annotations

from typing import Any, Protocol

from allyport.access.actor import Actor
from allyport.core.errors import NotFound
from allyport.pipeline.enums import Origin, ReviewStatus
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.opportunities.output import project
from allyport.pipeline.shared.payload import clean
from allyport.pipeline.shared.scope import find_opportunity
from allyport.shapes.selling import shape

RELATED = ("AwsProducts", "Solutions", "AwsMarketplaceSolutions", "AwsMarketplaceProducts")


class Reviewed(Protocol):
    """What `known_to_aws` reads: an Opportunity, or a row of its columns."""

    review_status: str
    origin: str


def known_to_aws(opportunity: Reviewed) -> bool:
    return (
        opportunity.review_status != ReviewStatus.PENDING_SUBMISSION
        or opportunity.origin == Origin.AWS_REFERRAL
    )


def _life_cycle(opportunity: Opportunity) -> dict[str, Any]:
    life = opportunity.life_cycle
    return {key: life.get(key) for key in ("TargetCloseDate", "Stage", "ClosedLostReason")}


def _software_revenue(data: dict[str, Any]) -> dict[str, Any]:
    revenue = data.get("SoftwareRevenue") or {}
    return {key: revenue.get(key) for key in ("Value", "EffectiveDate", "ExpirationDate")}


def aws_summary(opportunity: Opportunity) -> dict[str, Any]:
    data = opportunity.data
    project_data = data.get("Project") or {}
    value = clean(
        {
            "Catalog": opportunity.catalog,
            "RelatedOpportunityId": opportunity.public_id,
            "Origin": opportunity.origin,
            "InvolvementType": opportunity.involvement_type or None,
            "Visibility": opportunity.visibility or None,
            "LifeCycle": _life_cycle(opportunity),
            "RelatedEntityIds": {key: opportunity.related.get(key) for key in RELATED},
            "Customer": {"Contacts": (data.get("Customer") or {}).get("Contacts")},
            "Project": {
                "ExpectedCustomerSpend": project_data.get("ExpectedCustomerSpend"),
                "AwsPartition": project_data.get("AwsPartition"),
            },
            "SoftwareRevenue": _software_revenue(data),
        }
    )
    return project(value, shape("GetAwsOpportunitySummaryResponse"))  # type: ignore[no-any-return]


def get_aws_opportunity_summary(actor: Actor, catalog: str, identifier: str) -> dict[str, Any]:
    """The summary, or NotFound while AWS does not have the opportunity."""
    opportunity = find_opportunity(actor, catalog, identifier)
    if not known_to_aws(opportunity):
        raise NotFound("AwsOpportunitySummary", identifier)
    return aws_summary(opportunity)
