"""Engagement invitations, engagements and the engagement tasks (spec §2.9–§2.13).

Resources for the policy evaluator: an invitation is named by the ARN the
caller gave, or for a bare id by `arn:aws:partnercentral::<caller's
account>:<Catalog>/engagement-invitation/<id>` (as opportunities are named
with the caller's account); an engagement by its ARN.
"""

from __future__ import annotations

from typing import Any

from allyport.awsapi.idempotency import with_client_token
from allyport.awsapi.registry import ApiContext, operation
from allyport.pipeline.engagements import engagement_tasks as tasks
from allyport.pipeline.engagements import (
    invitation_answers,
    invitation_output,
    invitation_sending,
    invitations,
)
from allyport.pipeline.engagements import selectors as engagements
from allyport.pipeline.engagements import services as engagement_services
from allyport.pipeline.engagements.models import EngagementTask
from allyport.pipeline.selectors import opportunity_arn
from allyport.pipeline.shared import permissions
from allyport.shapes import selling


def _invitation_resource(ctx: ApiContext, catalog: str, identifier: str) -> str:
    if identifier.startswith("arn:"):
        return identifier
    return f"arn:aws:partnercentral::{ctx.account_id}:{catalog}/engagement-invitation/{identifier}"


def _engagement_resource(catalog: str, identifier: str) -> str:
    if identifier.startswith("arn:"):
        return identifier
    return engagements.engagement_arn(catalog, identifier)


def _on_invitation(ctx: ApiContext, params: dict[str, Any]) -> tuple[str, str]:
    catalog, identifier = params["Catalog"], params["Identifier"]
    ctx.authorize(_invitation_resource(ctx, catalog, identifier), catalog=catalog)
    return catalog, identifier


@operation(selling.SERVICE, "ListEngagementInvitations")
def list_engagement_invitations(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)
    page = invitations.list_invitations(ctx.actor, catalog, params)
    company = engagements.member_company(ctx.actor)
    accounts = invitation_output.receiver_accounts(page.items)
    return {
        "EngagementInvitationSummaries": [
            invitation_output.invitation_summary(item, company, accounts) for item in page.items
        ],
        "NextToken": page.next_token,
    }


@operation(selling.SERVICE, "GetEngagementInvitation")
def get_engagement_invitation(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = _on_invitation(ctx, params)
    invitation = invitations.find_invitation(
        ctx.actor, catalog, identifier, permission=permissions.GET_ENGAGEMENT_INVITATION
    )
    return invitation_output.invitation_view(
        invitation, invitation_output.receiver_accounts([invitation])
    )


@operation(selling.SERVICE, "RejectEngagementInvitation")
def reject_engagement_invitation(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = _on_invitation(ctx, params)
    invitation_answers.reject_invitation(
        ctx.actor, catalog, identifier, params.get("RejectionReason")
    )
    return {}


@operation(selling.SERVICE, "AcceptEngagementInvitation")
def accept_engagement_invitation(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = _on_invitation(ctx, params)
    invitation_answers.accept_invitation(ctx.actor, catalog, identifier)
    return {}


@operation(selling.SERVICE, "StartEngagementByAcceptingInvitationTask")
def start_engagement_by_accepting_invitation_task(
    ctx: ApiContext, params: dict[str, Any]
) -> dict[str, Any]:
    catalog, identifier = _on_invitation(ctx, params)

    def start() -> dict[str, Any]:
        task = tasks.start_engagement_by_accepting_invitation(
            ctx.actor, catalog, identifier, params.get("Tags")
        )
        return tasks.task_view(task, ctx.account_id)

    return with_client_token(ctx, params["ClientToken"], params, start)


@operation(selling.SERVICE, "StartEngagementFromOpportunityTask")
def start_engagement_from_opportunity_task(
    ctx: ApiContext, params: dict[str, Any]
) -> dict[str, Any]:
    catalog, identifier = params["Catalog"], params["Identifier"]
    ctx.authorize(opportunity_arn(catalog, identifier, ctx.account_id), catalog=catalog)

    def start() -> dict[str, Any]:
        task = tasks.start_engagement_from_opportunity(
            ctx.actor, catalog, identifier, params["AwsSubmission"], params.get("Tags")
        )
        return tasks.task_view(task, ctx.account_id)

    return with_client_token(ctx, params["ClientToken"], params, start)


def _task_list(ctx: ApiContext, params: dict[str, Any], kind: str) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)
    page = tasks.list_tasks(ctx.actor, catalog, kind, params)
    account = ctx.account_id
    return {
        "TaskSummaries": [tasks.task_view(task, account) for task in page.items],
        "NextToken": page.next_token,
    }


@operation(selling.SERVICE, "ListEngagementByAcceptingInvitationTasks")
def list_engagement_by_accepting_invitation_tasks(
    ctx: ApiContext, params: dict[str, Any]
) -> dict[str, Any]:
    return _task_list(ctx, params, EngagementTask.Kind.ACCEPTING_INVITATION)


@operation(selling.SERVICE, "ListEngagementFromOpportunityTasks")
def list_engagement_from_opportunity_tasks(
    ctx: ApiContext, params: dict[str, Any]
) -> dict[str, Any]:
    return _task_list(ctx, params, EngagementTask.Kind.FROM_OPPORTUNITY)


@operation(selling.SERVICE, "CreateEngagement")
def create_engagement(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)

    def create() -> dict[str, Any]:
        engagement = engagement_services.create_engagement(ctx.actor, catalog, params)
        return {
            "Id": engagement.public_id,
            "Arn": engagements.engagement_arn(catalog, engagement.public_id),
            "ModifiedAt": engagement.modified_at,
        }

    return with_client_token(ctx, params["ClientToken"], params, create)


@operation(selling.SERVICE, "GetEngagement")
def get_engagement(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = params["Catalog"], params["Identifier"]
    ctx.authorize(_engagement_resource(catalog, identifier), catalog=catalog)
    engagement = engagements.find_engagement(
        ctx.actor, catalog, identifier, permissions.GET_ENGAGEMENT
    )
    return engagements.engagement_view(engagement)


@operation(selling.SERVICE, "ListEngagements")
def list_engagements(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)
    page = engagements.list_engagements(ctx.actor, catalog, params)
    return {
        "EngagementSummaryList": [engagements.engagement_summary(e) for e in page.items],
        "NextToken": page.next_token,
    }


@operation(selling.SERVICE, "ListEngagementMembers")
def list_engagement_members(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = params["Catalog"], params["Identifier"]
    ctx.authorize(_engagement_resource(catalog, identifier), catalog=catalog)
    members, token = engagements.list_members(ctx.actor, catalog, identifier, params)
    return {
        "EngagementMemberList": [engagements.member_view(m) for m in members],
        "NextToken": token,
    }


@operation(selling.SERVICE, "CreateEngagementInvitation")
def create_engagement_invitation(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = params["Catalog"], params["EngagementIdentifier"]
    ctx.authorize(_engagement_resource(catalog, identifier), catalog=catalog)

    def create() -> dict[str, Any]:
        invitation = invitation_sending.create_engagement_invitation(
            ctx.actor, catalog, identifier, params["Invitation"]
        )
        return {"Id": invitation.public_id, "Arn": invitations.invitation_arn(invitation)}

    return with_client_token(ctx, params["ClientToken"], params, create)
