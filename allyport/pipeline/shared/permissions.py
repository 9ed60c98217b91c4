"""Who may do each operation of the selling domain, declared once.

A `Permission` names the access-model action a portal member needs, the IAM
action an IAM principal's policies must allow (on the resource's ARN, with the
`partnercentral:Catalog` condition key) and whether staff may do it. The services
ask `access.decisions.authorize` with these, whatever the entry point (page, API
handler, job, command); a member holding "manage all" passes every member check
of the pipeline (`scope.require_pipeline`).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from allyport.access.decisions import Permission
from allyport.pipeline.shared.scope import MANAGE_ALL, MANAGE_OWNED, SUBMIT


def _selling(operation: str, member: str = MANAGE_OWNED) -> Permission:
    return Permission(member=member, iam=f"partnercentral:{operation}")


CREATE_OPPORTUNITY = _selling("CreateOpportunity")
GET_OPPORTUNITY = _selling("GetOpportunity")
UPDATE_OPPORTUNITY = _selling("UpdateOpportunity")
ASSIGN_OPPORTUNITY = _selling("AssignOpportunity")
SUBMIT_OPPORTUNITY = _selling("SubmitOpportunity", SUBMIT)
START_FROM_OPPORTUNITY = _selling("StartEngagementFromOpportunityTask", SUBMIT)
# AWS's side of the program: staff (the admin, operator commands) and the system.
REVIEW_OPPORTUNITY = Permission(
    staff=True, system=True, refusal=gettext_lazy("only staff review opportunities")
)
SHARE_REFERRAL = Permission(
    staff=True, system=True, refusal=gettext_lazy("only staff share referrals")
)


def _engaging(operation: str, member: str = MANAGE_ALL) -> Permission:
    """Engagements, invitations and their tasks belong to no one member: members need
    "manage all opportunities and leads"."""
    return Permission(member=member, iam=f"partnercentral:{operation}")


CREATE_ENGAGEMENT = _engaging("CreateEngagement")
GET_ENGAGEMENT = _engaging("GetEngagement")
LIST_ENGAGEMENTS = _engaging("ListEngagements")
LIST_ENGAGEMENT_MEMBERS = _engaging("ListEngagementMembers")
CREATE_ENGAGEMENT_CONTEXT = _engaging("CreateEngagementContext")
UPDATE_ENGAGEMENT_CONTEXT = _engaging("UpdateEngagementContext")
CREATE_ENGAGEMENT_INVITATION = _engaging("CreateEngagementInvitation")
GET_ENGAGEMENT_INVITATION = _engaging("GetEngagementInvitation")
LIST_ENGAGEMENT_INVITATIONS = _engaging("ListEngagementInvitations")
ACCEPT_ENGAGEMENT_INVITATION = _engaging("AcceptEngagementInvitation")
REJECT_ENGAGEMENT_INVITATION = _engaging("RejectEngagementInvitation")
START_BY_ACCEPTING = _engaging("StartEngagementByAcceptingInvitationTask")
LIST_ACCEPTING_TASKS = _engaging("ListEngagementByAcceptingInvitationTasks")
LIST_FROM_OPPORTUNITY_TASKS = _engaging("ListEngagementFromOpportunityTasks", SUBMIT)
CREATE_SNAPSHOT_JOB = _selling("CreateResourceSnapshotJob")
GET_SNAPSHOT_JOB = _selling("GetResourceSnapshotJob")
START_SNAPSHOT_JOB = _selling("StartResourceSnapshotJob")
STOP_SNAPSHOT_JOB = _selling("StopResourceSnapshotJob")
DELETE_SNAPSHOT_JOB = _selling("DeleteResourceSnapshotJob")
LIST_SNAPSHOT_JOBS = _selling("ListResourceSnapshotJobs")
START_PROSPECTING = _engaging("StartProspectingFromEngagementTask")
TAG_RESOURCE = _selling("TagResource")
UNTAG_RESOURCE = _selling("UntagResource")
LIST_TAGS_FOR_RESOURCE = _selling("ListTagsForResource")
GET_SELLING_SETTINGS = _selling("GetSellingSystemSettings")
PUT_SELLING_SETTINGS = _selling("PutSellingSystemSettings")
