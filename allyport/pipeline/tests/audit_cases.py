"""Audit-per-caller cases of the Selling pipeline: opportunities, solutions, leads,
engagements and their invitations, tasks and contexts, snapshot jobs, prospecting,
selling settings and tags (joined by home/tests/test_audit_per_caller.py)."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from allyport.access.actor import Actor
from allyport.cloud import services as cloud
from allyport.marketplace.services.linking import link_for_operator
from allyport.pipeline import selectors, services
from allyport.pipeline.engagements import (
    contexts,
    engagement_tasks,
    invitation_answers,
    invitation_sending,
)
from allyport.pipeline.engagements import services as engagement_services
from allyport.pipeline.prospecting import services as prospecting
from allyport.pipeline.shared import selling_settings, tags
from allyport.pipeline.snapshots import jobs as snapshot_jobs
from allyport.pipeline.tests.conftest import complete, make_solution
from allyport.pipeline.tests.engagement_fixtures import LEAD, lead, share
from allyport.pipeline.tests.test_system_settings import TRUST
from allyport.testing import make_company, make_user

MEMBER, IAM, STAFF, SYSTEM = "member", "iam", "staff", "system"

SCANNED: dict[str, ModuleType] = {
    "pipeline.services": services,
    "engagements.services": engagement_services,
    "engagements.invitation_sending": invitation_sending,
    "engagements.invitation_answers": invitation_answers,
    "engagements.engagement_tasks": engagement_tasks,
    "engagements.contexts": contexts,
    "snapshots.jobs": snapshot_jobs,
    "prospecting.services": prospecting,
    "shared.selling_settings": selling_settings,
    "shared.tags": tags,
}
NOT_CHANGES: dict[str, str] = {
    "pipeline.services.record_console": "writes the audit record of a change",
    "engagements.invitation_answers.accept_in_place": "a step of the accepting services",
}


def _update(world: Any, actor: Actor) -> None:
    made = world.opportunity()
    services.update_opportunity(
        actor, "AWS", made.public_id, complete(), last_modified_date=made.last_modified_date
    )


def _submit(world: Any, actor: Actor) -> None:
    opportunity, _solution = world.with_solution()
    services.submit_opportunity(actor, "AWS", opportunity.public_id, "Co-Sell", "Limited")


def _assign(world: Any, actor: Actor) -> None:
    owner = make_user(world.company, "ace_manager")
    made = world.opportunity()
    services.assign_opportunity(actor, "AWS", made.public_id, services.assignee_of(owner))


def _associate(world: Any, actor: Actor) -> None:
    made = world.opportunity()
    solution = make_solution(world.company)
    services.associate_opportunity(actor, "AWS", made.public_id, "Solutions", solution.public_id)


def _disassociate(world: Any, actor: Actor) -> None:
    opportunity, solution = world.with_solution()
    services.disassociate_opportunity(
        actor, "AWS", opportunity.public_id, "Solutions", solution.public_id
    )


def _review(world: Any, actor: Actor) -> None:
    opportunity, _solution = world.with_solution()
    submitted = services.submit_opportunity(
        world.actors[MEMBER], "AWS", opportunity.public_id, "Co-Sell", "Limited"
    )
    services.set_review_status(actor, submitted, "Action Required", reason="Fix the site")


def _create_solution(world: Any, actor: Actor) -> None:
    services.create_solution(actor, "AWS", {"name": "Analytics", "category": "Software Product"})


def _update_solution(world: Any, actor: Actor) -> None:
    made = make_solution(world.company, status="Draft")
    services.update_solution(actor, "AWS", made.public_id, {"status": "Active"})


def _create_lead(world: Any, actor: Actor) -> None:
    from allyport.pipeline.tests.test_leads_own import ROW

    services.create_lead(actor, "AWS", ROW, source_name="leads.csv", source_id="2")


def _batch(world: Any, actor: Actor) -> None:
    services.create_opportunities(actor, "AWS", [complete(), complete()])


def _engagement(world: Any) -> Any:
    return engagement_services.create_engagement(world.actors[MEMBER], "AWS", {"Title": "Joint"})


def _invite(world: Any, actor: Actor) -> None:
    partner = make_company()[0]
    account = link_for_operator(partner).account.account_id
    invitation_sending.create_engagement_invitation(
        actor, "AWS", _engagement(world).public_id,
        {"Message": "Join us", "Receiver": {"Account": {"AwsAccountId": account}},
         "Payload": {LEAD: lead()}},
    )  # fmt: skip


def _accept(world: Any, actor: Actor) -> None:
    invitation_answers.accept_invitation(actor, "AWS", share(world.company, LEAD).public_id)


def _reject(world: Any, actor: Actor) -> None:
    invitation_answers.reject_invitation(actor, "AWS", share(world.company, LEAD).public_id)


def _start_accepting(world: Any, actor: Actor) -> None:
    invitation = share(world.company)
    engagement_tasks.start_engagement_by_accepting_invitation(actor, "AWS", invitation.public_id)


def _start_from_opportunity(world: Any, actor: Actor) -> None:
    opportunity, _solution = world.with_solution()
    engagement_tasks.start_engagement_from_opportunity(
        actor, "AWS", opportunity.public_id, {"InvolvementType": "Co-Sell", "Visibility": "Full"}
    )


def _create_context(world: Any, actor: Actor) -> None:
    engagement = _engagement(world)
    payload = {"CustomerProject": {"Customer": {"CompanyName": "Example Corp"}}}
    contexts.create_context(actor, "AWS", engagement.public_id, "CustomerProject", payload)


def _update_context(world: Any, actor: Actor) -> None:
    engagement = _engagement(world)
    payload = {"CustomerProject": {"Customer": {"CompanyName": "Example Corp"}}}
    contexts.create_context(
        world.actors[MEMBER], "AWS", engagement.public_id, "CustomerProject", payload
    )
    engagement.refresh_from_db()
    renamed = {"CustomerProject": {"Customer": {"CompanyName": "Renamed Corp"}}}
    contexts.update_context(
        actor, "AWS", engagement.public_id, "1", engagement.modified_at, "CustomerProject", renamed
    )


def _snapshot_job(world: Any) -> Any:
    opportunity = world.opportunity()
    return snapshot_jobs.create_job(
        world.actors[MEMBER], "AWS", _engagement(world).public_id, opportunity.public_id,
        "OpportunitySummary",
    )  # fmt: skip


def _create_job(world: Any, actor: Actor) -> None:
    snapshot_jobs.create_job(
        actor, "AWS", _engagement(world).public_id, world.opportunity().public_id,
        "OpportunitySummary",
    )  # fmt: skip


def _start_job(world: Any, actor: Actor) -> None:
    snapshot_jobs.start_job(actor, "AWS", _snapshot_job(world).public_id)


def _stop_job(world: Any, actor: Actor) -> None:
    job = _snapshot_job(world)
    snapshot_jobs.start_job(world.actors[MEMBER], "AWS", job.public_id)
    snapshot_jobs.stop_job(actor, "AWS", job.public_id)


def _delete_job(world: Any, actor: Actor) -> None:
    snapshot_jobs.delete_job(actor, "AWS", _snapshot_job(world).public_id)


def _prospect(world: Any, actor: Actor) -> None:
    prospecting.start_prospecting(actor, "AWS", [_engagement(world).public_id], "Prospects")


def _put_settings(world: Any, actor: Actor) -> None:
    role = cloud.create_role(Actor.system(), world.company.account_link.account, "Jobs", TRUST)
    selling_settings.put_settings(actor, "AWS", role.arn)


def _tagged(world: Any) -> Any:
    return tags.parse_arn(selectors.arn_of(world.opportunity()))


def _tag(world: Any, actor: Actor) -> None:
    tags.tag_resource(actor, _tagged(world), [{"Key": "team", "Value": "east"}])


def _untag(world: Any, actor: Actor) -> None:
    resource = _tagged(world)
    tags.tag_resource(world.actors[MEMBER], resource, [{"Key": "team", "Value": "east"}])
    tags.untag_resource(actor, resource, ["team"])


SERVICES = [
    ("pipeline.services.create_opportunity", "CreateOpportunity", (MEMBER, IAM),
     lambda world, actor: services.create_opportunity(actor, "AWS", complete())),
    ("pipeline.services.create_opportunities", "CreateOpportunity", (MEMBER, IAM), _batch),
    ("pipeline.services.update_opportunity", "UpdateOpportunity", (MEMBER, IAM), _update),
    ("pipeline.services.submit_opportunity", "SubmitOpportunity", (MEMBER, IAM), _submit),
    ("pipeline.services.assign_opportunity", "AssignOpportunity", (MEMBER, IAM), _assign),
    ("pipeline.services.associate_opportunity", "AssociateOpportunity", (MEMBER, IAM),
     _associate),
    ("pipeline.services.disassociate_opportunity", "DisassociateOpportunity",
     (MEMBER, IAM), _disassociate),
    ("pipeline.services.set_review_status", "ReviewOpportunity", (STAFF, SYSTEM), _review),
    ("pipeline.services.create_solution", "CreateSolution", (MEMBER,), _create_solution),
    ("pipeline.services.update_solution", "UpdateSolution", (MEMBER,), _update_solution),
    ("pipeline.services.create_lead", "CreateEngagement", (MEMBER,), _create_lead),
    ("engagements.services.create_engagement", "CreateEngagement", (MEMBER, IAM),
     lambda world, actor: engagement_services.create_engagement(
         actor, "AWS", {"Title": "Joint"})),
    ("engagements.invitation_sending.create_engagement_invitation",
     "CreateEngagementInvitation", (MEMBER, IAM), _invite),
    ("engagements.invitation_answers.accept_invitation", "AcceptEngagementInvitation",
     (MEMBER, IAM), _accept),
    ("engagements.invitation_answers.reject_invitation", "RejectEngagementInvitation",
     (MEMBER, IAM), _reject),
    ("engagements.engagement_tasks.start_engagement_by_accepting_invitation",
     "StartEngagementByAcceptingInvitationTask", (MEMBER, IAM), _start_accepting),
    ("engagements.engagement_tasks.start_engagement_from_opportunity",
     "StartEngagementFromOpportunityTask", (MEMBER, IAM), _start_from_opportunity),
    ("engagements.contexts.create_context", "CreateEngagementContext", (MEMBER, IAM),
     _create_context),
    ("engagements.contexts.update_context", "UpdateEngagementContext", (MEMBER, IAM),
     _update_context),
    ("snapshots.jobs.create_job", "CreateResourceSnapshotJob", (MEMBER, IAM), _create_job),
    ("snapshots.jobs.start_job", "StartResourceSnapshotJob", (MEMBER, IAM), _start_job),
    ("snapshots.jobs.stop_job", "StopResourceSnapshotJob", (MEMBER, IAM), _stop_job),
    ("snapshots.jobs.delete_job", "DeleteResourceSnapshotJob", (MEMBER, IAM), _delete_job),
    ("prospecting.services.start_prospecting", "StartProspectingFromEngagementTask",
     (MEMBER, IAM), _prospect),
    ("shared.selling_settings.put_settings", "PutSellingSystemSettings", (MEMBER, IAM),
     _put_settings),
    ("shared.tags.tag_resource", "TagResource", (MEMBER, IAM), _tag),
    ("shared.tags.untag_resource", "UntagResource", (MEMBER, IAM), _untag),
]  # fmt: skip
