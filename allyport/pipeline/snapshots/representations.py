"""Snapshot templates, ARNs and the API's views of snapshots, jobs and associations."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from allyport.core.errors import BAD_STATE, REQUEST, refuse
from allyport.core.keyset import SortKey
from allyport.pipeline.engagements.models import EngagementMember
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.opportunities.output import project
from allyport.pipeline.opportunities.summary import aws_summary, known_to_aws
from allyport.pipeline.shared.arns import linked_account_id
from allyport.pipeline.shared.payload import clean
from allyport.pipeline.snapshots.models import (
    EngagementResourceAssociation,
    ResourceSnapshot,
    ResourceSnapshotJob,
)
from allyport.shapes.selling import shape

OPPORTUNITY = "Opportunity"
OPPORTUNITY_SUMMARY = "OpportunitySummary"
AWS_FULL_VIEW = "AwsOpportunitySummaryFullView"
TEMPLATE_FIELD = "ResourceSnapshotTemplateIdentifier"
MAX_PAGE = 1000
MAX_TARGET_ACCOUNTS = 10
CREATED = SortKey("created_at", "datetime")
Status = ResourceSnapshotJob.Status


# --- templates -------------------------------------------------------------------


def _opportunity_summary(opportunity: Opportunity) -> dict[str, Any]:
    data = opportunity.data
    life = opportunity.life_cycle
    value = {
        "OpportunityType": data.get("OpportunityType"),
        "Lifecycle": {
            "TargetCloseDate": life.get("TargetCloseDate"),
            "ReviewStatus": opportunity.review_status or life.get("ReviewStatus"),
            "Stage": life.get("Stage"),
            "NextSteps": life.get("NextSteps"),
        },
        "OpportunityTeam": data.get("OpportunityTeam"),
        "PrimaryNeedsFromAws": data.get("PrimaryNeedsFromAws"),
        "Customer": data.get("Customer"),
        "Project": data.get("Project"),
        "RelatedEntityIdentifiers": opportunity.related,
    }
    return clean(project(value, shape("OpportunitySummaryView")))  # type: ignore[no-any-return]


def _aws_full_view(opportunity: Opportunity) -> dict[str, Any]:
    if not known_to_aws(opportunity):
        raise refuse(
            TEMPLATE_FIELD,
            _("AWS does not have this opportunity yet: submit it first."),
            BAD_STATE,
        )
    value = aws_summary(opportunity)
    return clean(project(value, shape("AwsOpportunitySummaryFullView")))  # type: ignore[no-any-return]


TEMPLATES: dict[str, Callable[[Opportunity], dict[str, Any]]] = {
    OPPORTUNITY_SUMMARY: _opportunity_summary,
    AWS_FULL_VIEW: _aws_full_view,
}


def check_template(template: str) -> str:
    if template not in TEMPLATES:
        raise refuse(
            TEMPLATE_FIELD,
            _("Unknown template: use %(names)s.") % {"names": " or ".join(TEMPLATES)},
            reason=REQUEST,
        )
    return template


def payload_of(template: str, opportunity: Opportunity) -> dict[str, Any]:
    """The ResourceSnapshotPayload union for the template."""
    return {template: TEMPLATES[template](opportunity)}


# --- ARNs and views --------------------------------------------------------------


def _region() -> str:
    return str(settings.ALLYPORT_AWS_REGION)


def snapshot_arn(snapshot: ResourceSnapshot) -> str:
    return (
        f"arn:aws:partnercentral:{_region()}:{snapshot.created_by}:catalog/{snapshot.catalog}/"
        f"engagement/{snapshot.engagement.public_id}/resource/{snapshot.resource_type}/"
        f"{snapshot.resource_id}/template/{snapshot.template}/revision/{snapshot.revision}"
    )


def job_arn(job: ResourceSnapshotJob) -> str:
    return (
        f"arn:aws:partnercentral:{_region()}:{linked_account_id(job.company)}:catalog/"
        f"{job.catalog}/resource-snapshot-job/{job.public_id}"
    )


def _opportunity_arn(opportunity: Opportunity) -> str:
    return (
        f"arn:aws:partnercentral:{_region()}:{linked_account_id(opportunity.company)}:"
        f"catalog/{opportunity.catalog}/opportunity/{opportunity.public_id}"
    )


def _target_accounts(snapshot: ResourceSnapshot) -> list[str]:
    members = EngagementMember.objects.filter(engagement_id=snapshot.engagement_id)
    accounts = members.exclude(account_id="").exclude(account_id=snapshot.created_by)
    return list(accounts.order_by("pk").values_list("account_id", flat=True)[:MAX_TARGET_ACCOUNTS])


def snapshot_view(snapshot: ResourceSnapshot) -> dict[str, Any]:
    """The GetResourceSnapshot answer."""
    value: dict[str, Any] = {
        "Catalog": snapshot.catalog,
        "Arn": snapshot_arn(snapshot),
        "CreatedBy": snapshot.created_by,
        "CreatedAt": snapshot.created_at,
        "EngagementId": snapshot.engagement.public_id,
        "ResourceType": snapshot.resource_type,
        "ResourceId": snapshot.resource_id,
        "ResourceSnapshotTemplateName": snapshot.template,
        "Revision": snapshot.revision,
        "Payload": project(snapshot.payload, shape("ResourceSnapshotPayload")),
    }
    targets = _target_accounts(snapshot)
    if targets:
        value["TargetMemberAccounts"] = targets
    return value


def snapshot_summary(snapshot: ResourceSnapshot) -> dict[str, Any]:
    return {
        "Arn": snapshot_arn(snapshot),
        "Revision": snapshot.revision,
        "ResourceType": snapshot.resource_type,
        "ResourceId": snapshot.resource_id,
        "ResourceSnapshotTemplateName": snapshot.template,
        "CreatedBy": snapshot.created_by,
    }


def job_view(job: ResourceSnapshotJob) -> dict[str, Any]:
    """The GetResourceSnapshotJob answer."""
    value: dict[str, Any] = {
        "Catalog": job.catalog,
        "Id": job.public_id,
        "Arn": job_arn(job),
        "EngagementId": job.engagement.public_id,
        "ResourceType": job.resource_type,
        "ResourceId": job.opportunity.public_id,
        "ResourceArn": _opportunity_arn(job.opportunity),
        "ResourceSnapshotTemplateName": job.template,
        "CreatedAt": job.created_at,
        "Status": job.status,
        "LastSuccessfulExecutionDate": job.last_successful_execution_date,
        "LastFailure": job.last_failure,
    }
    return {key: item for key, item in value.items() if item not in (None, "")}


def job_summary(job: ResourceSnapshotJob) -> dict[str, Any]:
    return {
        "Id": job.public_id,
        "Arn": job_arn(job),
        "EngagementId": job.engagement.public_id,
        "Status": job.status,
    }


def association_summary(association: EngagementResourceAssociation) -> dict[str, Any]:
    return {
        "Catalog": association.catalog,
        "EngagementId": association.engagement.public_id,
        "ResourceType": association.resource_type,
        "ResourceId": association.resource_id,
        "CreatedBy": association.created_by,
    }
