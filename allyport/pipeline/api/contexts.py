"""CreateEngagementContext, UpdateEngagementContext, StartOpportunityFromEngagementTask
and ListOpportunityFromEngagementTasks (spec §2.10, §2.13). The resource is the
engagement's ARN; the list asks about "*"."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.idempotency import with_client_token
from allyport.awsapi.registry import ApiContext, ServiceQuotaExceeded, operation
from allyport.pipeline.engagements import contexts, opportunity_from_engagement
from allyport.pipeline.engagements.selectors import engagement_arn, plain_id
from allyport.shapes import selling


def _engagement(ctx: ApiContext, catalog: str, identifier: str) -> None:
    resource = identifier if identifier.startswith("arn:") else engagement_arn(catalog, identifier)
    ctx.authorize(resource, catalog=catalog)


def _answer(engagement: Any, context_id: str) -> dict[str, Any]:
    return {
        "EngagementId": engagement.public_id,
        "EngagementArn": engagement_arn(engagement.catalog, engagement.public_id),
        "EngagementLastModifiedAt": engagement.modified_at,
        "ContextId": context_id,
    }


@operation(selling.SERVICE, "CreateEngagementContext")
def create_engagement_context(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = params["Catalog"], params["EngagementIdentifier"]
    _engagement(ctx, catalog, identifier)

    def create() -> dict[str, Any]:
        try:
            engagement, context_id = contexts.create_context(
                ctx.actor, catalog, identifier, params["Type"], params["Payload"]
            )
        except contexts.ContextLimit as error:
            raise ServiceQuotaExceeded(str(error)) from None
        return _answer(engagement, context_id)

    return with_client_token(ctx, params["ClientToken"], params, create)


@operation(selling.SERVICE, "UpdateEngagementContext")
def update_engagement_context(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = params["Catalog"], params["EngagementIdentifier"]
    _engagement(ctx, catalog, identifier)
    engagement = contexts.update_context(
        ctx.actor,
        catalog,
        identifier,
        params["ContextIdentifier"],
        params["EngagementLastModifiedAt"],
        params["Type"],
        params["Payload"],
    )
    return _answer(engagement, params["ContextIdentifier"])


@operation(selling.SERVICE, "StartOpportunityFromEngagementTask")
def start_opportunity_from_engagement_task(
    ctx: ApiContext, params: dict[str, Any]
) -> dict[str, Any]:
    catalog, identifier = params["Catalog"], params["Identifier"]
    _engagement(ctx, catalog, identifier)

    def start() -> dict[str, Any]:
        task = opportunity_from_engagement.start_opportunity_from_engagement(
            ctx.actor,
            catalog,
            plain_id(identifier),
            params["ContextIdentifier"],
            params.get("Tags"),
        )
        return opportunity_from_engagement.task_view(task)

    return with_client_token(ctx, params["ClientToken"], params, start)


@operation(selling.SERVICE, "ListOpportunityFromEngagementTasks")
def list_opportunity_from_engagement_tasks(
    ctx: ApiContext, params: dict[str, Any]
) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)
    page = opportunity_from_engagement.list_tasks(ctx.actor, catalog, params)
    return {
        "TaskSummaries": [opportunity_from_engagement.task_view(task) for task in page.items],
        "NextToken": page.next_token,
    }
