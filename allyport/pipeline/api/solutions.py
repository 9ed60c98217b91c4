"""ListSolutions: the company's solutions (the portal's offerings) in a catalog."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.registry import ApiContext, operation
from allyport.pipeline import services
from allyport.shapes import selling


@operation(selling.SERVICE, "ListSolutions")
def list_solutions(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)
    page = services.list_solutions(ctx.actor, catalog, params)
    return {
        "SolutionSummaries": [services.solution_summary(s) for s in page.items],
        "NextToken": page.next_token,
    }
