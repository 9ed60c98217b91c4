"""Reads of solutions, scoped to the actor (ListSolutions, the offerings pages)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.core.errors import REQUEST, NotFound, refuse
from allyport.core.keyset import Page, SortKey, paginate
from allyport.core.listing import page_size
from allyport.pipeline.shared.scope import solutions
from allyport.pipeline.solutions.models import Solution

SORT_KEYS = {
    "Identifier": SortKey("public_id"),
    "Name": SortKey("name"),
    "Status": SortKey("status"),
    "Category": SortKey("category"),
    "CreatedDate": SortKey("created_date", "datetime"),
}
DEFAULT_SORT = {"SortBy": "Identifier", "SortOrder": "DESCENDING"}
LISTS = (
    ("Status", "status"),
    ("Identifier", "public_id"),
    ("Category", "category"),
    ("AwsMarketplaceSolutionArn", "aws_marketplace_solution_arn"),
)


def list_solutions(actor: Actor, catalog: str, request: Mapping[str, Any]) -> Page:
    """A page of the company's solutions in the catalog (ListSolutions' members)."""
    # The company's linked account names each ARN: read it with the page.
    queryset = solutions(actor, catalog).select_related("company__account_link__account")
    for member, column in LISTS:
        if request.get(member):
            queryset = queryset.filter(**{f"{column}__in": list(request[member])})
    sort = request.get("Sort") or DEFAULT_SORT
    key = SORT_KEYS.get(sort.get("SortBy", ""))
    if key is None or sort.get("SortOrder") not in ("ASCENDING", "DESCENDING"):
        raise refuse("Sort", _("Unknown sort."), reason=REQUEST)
    filters = {k: v for k, v in request.items() if k not in ("MaxResults", "NextToken")}
    return paginate(
        queryset,
        key,
        descending=sort["SortOrder"] == "DESCENDING",
        size=page_size(request.get("MaxResults")),
        token=request.get("NextToken"),
        query={"catalog": catalog, "filters": filters},
    )


def find_solution(actor: Actor, catalog: str, identifier: str) -> Solution:
    found = solutions(actor, catalog).filter(public_id=identifier).first()
    if found is None:
        raise NotFound("Solution", identifier)
    return found
