"""The engagement tasks (spec §2.13): StartEngagementByAcceptingInvitationTask and
StartEngagementFromOpportunityTask, and their lists.

The work runs inside the call, in a savepoint: the task is answered COMPLETE,
or FAILED with a ReasonCode and a message when a step's rules refuse (the steps
are then undone, the task row stays). What the caller could not have done at
all — a missing invitation or opportunity, an invitation no longer pending — is
refused synchronously (NotFound, Conflict), as the API's errors list them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Target, require
from allyport.accounts.models import Company
from allyport.core.errors import REQUEST, RuleViolation, refuse
from allyport.core.keyset import Page, SortKey, paginate
from allyport.core.listing import page_size
from allyport.pipeline.engagements.invitation_answers import accept_in_place
from allyport.pipeline.engagements.invitation_payloads import (
    OPPORTUNITY,
    customer_project_context,
    invitation_payload,
)
from allyport.pipeline.engagements.invitation_sending import new_invitation
from allyport.pipeline.engagements.invitations import (
    check_pending,
    find_invitation,
    invitation_target,
)
from allyport.pipeline.engagements.models import (
    Engagement,
    EngagementInvitation,
    EngagementTask,
    task_id,
)
from allyport.pipeline.engagements.selectors import member_company, plain_id
from allyport.pipeline.engagements.services import insert_fresh, new_engagement
from allyport.pipeline.leads.referrals import create_referral_opportunity
from allyport.pipeline.opportunities.lifecycle import submit_opportunity
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.shared.console_audit import record_console
from allyport.pipeline.shared.messages import failure_message
from allyport.pipeline.shared.permissions import (
    LIST_ACCEPTING_TASKS,
    LIST_FROM_OPPORTUNITY_TASKS,
    START_BY_ACCEPTING,
    START_FROM_OPPORTUNITY,
)
from allyport.pipeline.shared.scope import (
    check_catalog,
    company_of,
    find_opportunity,
    opportunity_target,
)
from allyport.pipeline.snapshots.models import ResourceSnapshotJob
from allyport.pipeline.snapshots.services import OPPORTUNITY_SUMMARY, create_job, start_job
from allyport.shapes.selling import INVOLVEMENT_TYPES, VISIBILITIES

Kind = EngagementTask.Kind
Status = EngagementTask.Status
ACCEPTING = Kind.ACCEPTING_INVITATION
FROM_OPPORTUNITY = Kind.FROM_OPPORTUNITY
_ARN_SEGMENT = {
    ACCEPTING: "engagement-by-accepting-invitation-task",
    FROM_OPPORTUNITY: "engagement-from-opportunity-task",
}
MAX_PAGE = 1000
SORT_KEY = SortKey("start_time", "datetime")
# List…Tasks filters: request member -> column (identifiers may be ARNs).
_FILTERS = (
    ("TaskIdentifier", "public_id"),
    ("OpportunityIdentifier", "opportunity_identifier"),
    ("EngagementInvitationIdentifier", "invitation_identifier"),
    ("EngagementIdentifier", "engagement_identifier"),
)


def task_arn(task: EngagementTask, account_id: str = "") -> str:
    """As the service answers it: the region, no account (`account_id` is kept for the
    taggable form, which names the caller's account)."""
    return (
        f"arn:aws:partnercentral:{settings.ALLYPORT_AWS_REGION}:{account_id}:catalog/"
        f"{task.catalog}/{_ARN_SEGMENT[Kind(task.kind)]}/{task.public_id}"
    )


def _start(company: Company, catalog: str, kind: str, tags: Any, **ids: str) -> EngagementTask:
    task = EngagementTask(
        company=company,
        catalog=catalog,
        kind=kind,
        tags=list(tags or []),
        start_time=timezone.now(),
        **ids,
    )
    insert_fresh(task, task_id)
    return task


def _finish(task: EngagementTask, error: RuleViolation | None = None, reason: str = "") -> None:
    if error is None:
        task.status = Status.COMPLETE
    else:
        task.status = Status.FAILED
        task.reason_code = reason
        task.message = failure_message(error)
    task.end_time = timezone.now()
    task.save()


def _record(actor: Actor, task: EngagementTask, identifier: str) -> None:
    record_console(
        actor,
        str(task.kind),
        company=task.company,
        request={"catalog": task.catalog, "identifier": identifier},
        response={"taskId": task.public_id, "taskStatus": task.status},
    )


def _summary_job(actor: Actor, engagement: Engagement, opportunity: Opportunity) -> str:
    """The running OpportunitySummary snapshot job that keeps the engagement's copy of
    the opportunity current: the existing one, or one created and started now."""
    existing = ResourceSnapshotJob.objects.filter(
        engagement=engagement, opportunity=opportunity, template=OPPORTUNITY_SUMMARY
    ).first()
    if existing is not None:
        return existing.public_id
    catalog = opportunity.catalog
    job = create_job(
        actor, catalog, engagement.public_id, opportunity.public_id, OPPORTUNITY_SUMMARY,
        permission=None,
    )  # fmt: skip
    start_job(actor, catalog, job.public_id, permission=None)
    return job.public_id


def _accept(actor: Actor, invitation: EngagementInvitation, task: EngagementTask) -> None:
    accept_in_place(actor, invitation)
    task.engagement_identifier = invitation.engagement.public_id
    if invitation.payload_type != OPPORTUNITY:
        return
    # A Sandbox referral was delivered with the opportunity it simulates.
    opportunity = invitation.opportunity
    if opportunity is None:
        opportunity = create_referral_opportunity(actor, invitation)
        invitation.opportunity = opportunity
        invitation.save(update_fields=["opportunity"])
    task.opportunity_identifier = opportunity.public_id
    task.job_identifier = _summary_job(actor, invitation.engagement, opportunity)


def start_engagement_by_accepting_invitation(
    actor: Actor, catalog: str, identifier: str, tags: Any = None
) -> EngagementTask:
    """Accept a pending invitation: the company joins the engagement and, for an
    opportunity referral, gets its opportunity (Origin "AWS Referral")."""
    company = member_company(
        actor, START_BY_ACCEPTING, invitation_target(actor, catalog, identifier)
    )
    with transaction.atomic():
        invitation = find_invitation(actor, catalog, identifier, received=True, lock=True)
        check_pending(invitation)
        task = _start(
            company, invitation.catalog, ACCEPTING, tags, invitation_identifier=invitation.public_id
        )
        try:
            with transaction.atomic():
                _accept(actor, invitation, task)
        except RuleViolation as error:
            task.opportunity_identifier = task.engagement_identifier = task.job_identifier = ""
            _finish(task, error, "OpportunityValidationFailed")
        else:
            _finish(task)
        _record(actor, task, invitation.public_id)
    return task


def _check_submission(submission: Mapping[str, Any]) -> tuple[str, str]:
    involvement = str(submission.get("InvolvementType") or "")
    visibility = str(submission.get("Visibility") or "Full")
    if involvement not in INVOLVEMENT_TYPES:
        raise refuse(
            "AwsSubmission.InvolvementType", _("Co-Sell or For Visibility Only."), reason=REQUEST
        )
    if visibility not in VISIBILITIES:
        raise refuse("AwsSubmission.Visibility", _("Full or Limited."), reason=REQUEST)
    return involvement, visibility


def _engagement_for(actor: Actor, company: Company, opportunity: Opportunity) -> Engagement:
    found = Engagement.objects.filter(opportunity=opportunity, catalog=opportunity.catalog).first()
    if found is not None:
        return found
    payload = invitation_payload(opportunity)
    return new_engagement(
        opportunity.catalog,
        creator=company,
        title=opportunity.title,
        contexts=[customer_project_context(payload)],
        opportunity=opportunity,
        actor=actor,
    )


def _invite_aws(
    actor: Actor, company: Company, engagement: Engagement, opportunity: Opportunity
) -> EngagementInvitation:
    """The invitation to AWS, unless one is pending or accepted already."""
    answered = (EngagementInvitation.Status.PENDING, EngagementInvitation.Status.ACCEPTED)
    existing = engagement.invitations.filter(receiver_company=None, status__in=answered).first()
    if existing is not None and existing.expiration_date > timezone.now():
        return existing
    return new_invitation(
        engagement,
        sender=company,
        receiver=None,
        payload_type=OPPORTUNITY,
        payload=invitation_payload(opportunity),
        message=_("Co-sell request for opportunity %(id)s") % {"id": opportunity.public_id},
        actor=actor,
    )


def start_engagement_from_opportunity(
    actor: Actor,
    catalog: str,
    identifier: str,
    submission: Mapping[str, Any],
    tags: Any = None,
) -> EngagementTask:
    """Engage AWS on a partner opportunity: an engagement (unless it has one), an
    invitation to AWS (unless pending or accepted), then SubmitOpportunity."""
    company = company_of(actor)
    require(actor, START_FROM_OPPORTUNITY, opportunity_target(actor, catalog, identifier))
    involvement, visibility = _check_submission(submission)
    with transaction.atomic():
        opportunity = find_opportunity(actor, catalog, identifier, lock=True)
        task = _start(
            company, catalog, FROM_OPPORTUNITY, tags, opportunity_identifier=opportunity.public_id
        )
        try:
            with transaction.atomic():
                engagement = _engagement_for(actor, company, opportunity)
                invitation = _invite_aws(actor, company, engagement, opportunity)
                submit_opportunity(actor, catalog, identifier, involvement, visibility)
                job = _summary_job(actor, engagement, opportunity)
        except RuleViolation as error:
            _finish(task, error, "OpportunitySubmissionFailed")
        else:
            task.engagement_identifier = engagement.public_id
            task.invitation_identifier = invitation.public_id
            task.job_identifier = job
            _finish(task)
        _record(actor, task, opportunity.public_id)
    return task


def tasks(actor: Actor, catalog: str, kind: str) -> QuerySet[EngagementTask]:
    """The company's tasks of one kind, once listing them is authorized: members need
    "manage all" for the accepting tasks and the submit right for the others."""
    permission = LIST_ACCEPTING_TASKS if kind == ACCEPTING else LIST_FROM_OPPORTUNITY_TASKS
    company = member_company(actor, permission, Target(catalog=catalog))
    return EngagementTask.objects.filter(company=company, catalog=check_catalog(catalog), kind=kind)


def list_tasks(actor: Actor, catalog: str, kind: str, request: Mapping[str, Any]) -> Page:
    """ListEngagementByAcceptingInvitationTasks / ListEngagementFromOpportunityTasks."""
    queryset = tasks(actor, catalog, kind)
    if request.get("TaskStatus"):
        queryset = queryset.filter(status__in=list(request["TaskStatus"]))
    for member, column in _FILTERS:
        if request.get(member):
            values = [plain_id(value) for value in request[member]]
            queryset = queryset.filter(**{f"{column}__in": values})
    sort = request.get("Sort") or {"SortBy": "StartTime", "SortOrder": "DESCENDING"}
    if sort.get("SortBy") != "StartTime" or sort.get("SortOrder") not in (
        "ASCENDING",
        "DESCENDING",
    ):
        raise refuse("Sort", _("Unknown sort."), reason=REQUEST)
    filters = {k: v for k, v in request.items() if k not in ("MaxResults", "NextToken")}
    return paginate(
        queryset,
        SORT_KEY,
        descending=sort["SortOrder"] == "DESCENDING",
        size=page_size(request.get("MaxResults"), MAX_PAGE),
        token=request.get("NextToken"),
        query={"catalog": catalog, "kind": kind, "filters": filters},
    )


def task_view(task: EngagementTask, account_id: str) -> dict[str, Any]:
    """The task as Start…Task answers it and List…Tasks lists it (each shape keeps its
    own members)."""
    value = {
        "TaskId": task.public_id,
        "TaskArn": task_arn(task),
        "StartTime": task.start_time,
        "TaskStatus": task.status,
        "Message": task.message,
        "ReasonCode": task.reason_code,
        "OpportunityId": task.opportunity_identifier,
        "EngagementId": task.engagement_identifier if task.kind == FROM_OPPORTUNITY else "",
        "EngagementInvitationId": task.invitation_identifier,
        "ResourceSnapshotJobId": task.job_identifier,
    }
    return {key: item for key, item in value.items() if item not in (None, "")}
