"""Opportunities and solutions in the API's output shapes (GetOpportunity,
OpportunitySummary, SolutionBase). The model's shapes decide which members show."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any, Protocol

from botocore.model import Shape
from django.conf import settings

from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.shared.arns import linked_account_id, opportunity_arn
from allyport.pipeline.solutions.models import Solution
from allyport.shapes.selling import shape
from allyport.shapes.serialization import Wire, converter


def _timestamp(value: Any) -> Any:
    if isinstance(value, str):
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value


def project(value: Any, target: Shape) -> Any:
    """Keep only what `target` defines, at any depth; stored ISO strings become datetimes
    where the shape has a timestamp."""
    kind = target.type_name
    if kind == "structure" and isinstance(value, dict):
        walks = _walks(target)
        return {
            key: project(item, walks[key]) if walks[key] is not None else item
            for key, item in value.items()
            if key in walks
        }
    if kind == "list" and isinstance(value, list):
        return [project(item, target.member) for item in value]  # type: ignore[attr-defined]
    if kind == "timestamp":
        return _timestamp(value)
    return value


_SCALARS = frozenset({"string", "integer", "long", "float", "double", "boolean", "blob"})


@cache
def _walks(target: Shape) -> dict[str, Shape | None]:
    """A structure's members, None for those kept as they are (scalars other than
    timestamps): most members of a summary are, and need no call."""
    members = target.members  # type: ignore[attr-defined]
    return {
        name: None if member.type_name in _SCALARS else member for name, member in members.items()
    }


@cache
def _shape(name: str) -> Shape:
    return shape(name)


class SummaryRow(Protocol):
    """What a summary reads: an Opportunity, or a row of only these columns."""

    public_id: str
    catalog: str
    data: dict[str, Any]
    last_modified_date: datetime
    created_date: datetime


def _envelope(opportunity: SummaryRow, account_id: str) -> dict[str, Any]:
    return {
        **opportunity.data,
        "Catalog": opportunity.catalog,
        "Id": opportunity.public_id,
        "Arn": opportunity_arn(opportunity.catalog, opportunity.public_id, account_id),
        "LastModifiedDate": opportunity.last_modified_date,
        "CreatedDate": opportunity.created_date,
    }


# The lists GetOpportunity always carries, empty ones included (stored data drops them).
EMPTY_RELATED = ("AwsMarketplaceOffers", "AwsProducts", "Solutions")


def opportunity_view(opportunity: Opportunity, account_id: str) -> dict[str, Any]:
    """The GetOpportunity answer (Origin is not returned). As the service answers it:
    RelatedEntityIdentifiers with its offer, product and solution lists, OpportunityTeam
    and Project.ExpectedCustomerSpend, each `[]` when empty."""
    value = _envelope(opportunity, account_id)
    value["RelatedEntityIdentifiers"] = {key: [] for key in EMPTY_RELATED} | dict(
        opportunity.related
    )
    value.setdefault("OpportunityTeam", [])
    value["Project"] = {"ExpectedCustomerSpend": [], **(value.get("Project") or {})}
    return project(value, _shape("GetOpportunityResponse"))  # type: ignore[no-any-return]


def opportunity_summary(opportunity: SummaryRow, account_id: str) -> dict[str, Any]:
    """A ListOpportunities item (OpportunitySummary)."""
    return project(_envelope(opportunity, account_id), _shape("OpportunitySummary"))  # type: ignore[no-any-return]


def opportunity_summary_wire(opportunity: SummaryRow, account_id: str) -> Wire:
    """The same item already in wire form: projected and serialized in one pass (the
    list's serializer passes it through)."""
    to_wire = converter(_shape("OpportunitySummary"), lenient=True)
    return Wire(to_wire(_envelope(opportunity, account_id)))


def solution_arn(solution: Solution) -> str:
    return (
        f"arn:aws:partnercentral:{settings.ALLYPORT_AWS_REGION}:"
        f"{linked_account_id(solution.company)}:catalog/{solution.catalog}/solution/"
        f"{solution.public_id}"
    )


def solution_summary(solution: Solution) -> dict[str, Any]:
    """A ListSolutions item (SolutionBase), its Arn in the service's form."""
    value: dict[str, Any] = {
        "Catalog": solution.catalog,
        "Id": solution.public_id,
        "Arn": solution_arn(solution),
        "Name": solution.name,
        "Status": solution.status,
        "Category": solution.category,
        "CreatedDate": solution.created_date,
    }
    if solution.aws_marketplace_solution_arn:
        value["AwsMarketplaceSolutionArn"] = solution.aws_marketplace_solution_arn
    return value
