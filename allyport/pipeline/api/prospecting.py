"""Prospecting tasks, engagement groups and SearchEngagements.

Resources for the policy evaluator: a prospecting task by its ARN (the caller's
account); Start, the lists and the search ask about "*" with the catalog, as
the other list and start operations over many engagements do.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from allyport.awsapi.idempotency import with_client_token
from allyport.awsapi.registry import ApiContext, operation
from allyport.pipeline.prospecting import groups as engagement_groups
from allyport.pipeline.prospecting import selectors as prospecting
from allyport.pipeline.prospecting.engagement_search import search_engagements as search
from allyport.pipeline.prospecting.engagement_search import search_summary
from allyport.pipeline.prospecting.services import start_prospecting
from allyport.shapes import selling


def _task_resource(ctx: ApiContext, catalog: str, identifier: str) -> str:
    return (
        f"arn:aws:partnercentral:{settings.ALLYPORT_AWS_REGION}:{ctx.account_id}:catalog/{catalog}/"
        f"prospecting-from-engagement-task/{identifier}"
    )


@operation(selling.SERVICE, "StartProspectingFromEngagementTask")
def start_prospecting_from_engagement_task(
    ctx: ApiContext, params: dict[str, Any]
) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)

    def start() -> dict[str, Any]:
        task = start_prospecting(
            ctx.actor, catalog, list(params["Identifiers"]), params["TaskName"]
        )
        return prospecting.start_view(task)

    return with_client_token(ctx, params["ClientToken"], params, start)


@operation(selling.SERVICE, "GetProspectingFromEngagementTask")
def get_prospecting_from_engagement_task(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = params["Catalog"], params["TaskIdentifier"]
    ctx.authorize(_task_resource(ctx, catalog, identifier), catalog=catalog)
    return prospecting.get_view(prospecting.find_prospecting(ctx.actor, catalog, identifier))


@operation(selling.SERVICE, "ListProspectingFromEngagementTasks")
def list_prospecting_from_engagement_tasks(
    ctx: ApiContext, params: dict[str, Any]
) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)
    page = prospecting.list_prospecting(ctx.actor, catalog, params)
    return {
        "TaskSummaries": [prospecting.summary_view(task) for task in page.items],
        "NextToken": page.next_token,
    }


@operation(selling.SERVICE, "ListEngagementGroups")
def list_engagement_groups(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)
    page = engagement_groups.list_groups(ctx.actor, catalog, params)
    return {
        "EngagementGroupSummaries": [engagement_groups.group_summary(g) for g in page.items],
        "NextToken": page.next_token,
    }


@operation(selling.SERVICE, "SearchEngagements")
def search_engagements(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)
    page = search(ctx.actor, catalog, params)
    return {
        "EngagementSearchSummaries": [search_summary(e) for e in page.items],
        "NextToken": page.next_token,
    }
