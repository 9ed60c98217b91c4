"""Resource snapshots, snapshot jobs and engagement resource associations (spec §2.12).

A snapshot is an immutable copy of part of a partner's opportunity, shared with
the members of an engagement. The part is a template's: `OpportunitySummary`
(the OpportunitySummaryView) or `AwsOpportunitySummaryFullView` (AWS's view, once
AWS has the opportunity) — the payload union's members. Revisions count up per
engagement, resource and template. Only the opportunity's company makes
snapshots of it; every member of the engagement reads them.

A snapshot job belongs to the company that created it. Created Stopped; while
Running it makes a new revision whenever the opportunity changes (the
`opportunity_changed` signal, after commit) and differs from the latest
revision. A run needs the role of the company's selling system settings (as the
real jobs run with it); without one the run fails and `LastFailure` says why.
Stop only a running job, delete only a stopped one (ConflictException otherwise).

The first snapshot or job of an opportunity in an engagement associates the two
(ListEngagementResourceAssociations).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.pipeline.engagement_models import Engagement, EngagementMember
from allyport.pipeline.models import Opportunity
from allyport.pipeline.services.common import linked_account_id
from allyport.pipeline.services.engagements import (
    engagements,
    find_engagement,
    insert_fresh,
    plain_id,
)
from allyport.pipeline.services.errors import (
    BAD_STATE,
    REQUEST,
    Conflict,
    NotFound,
    RuleViolation,
    refuse,
)
from allyport.pipeline.services.keyset import Page, SortKey, paginate
from allyport.pipeline.services.output import project
from allyport.pipeline.services.payload import clean
from allyport.pipeline.services.scope import check_catalog, company_of, find_opportunity
from allyport.pipeline.services.summary import aws_summary, known_to_aws
from allyport.pipeline.shapes import shape
from allyport.pipeline.snapshot_models import (
    EngagementResourceAssociation,
    ResourceSnapshot,
    ResourceSnapshotJob,
    SellingSystemSettings,
    association_id,
    snapshot_id,
    snapshot_job_id,
)

OPPORTUNITY = "Opportunity"
OPPORTUNITY_SUMMARY = "OpportunitySummary"
AWS_FULL_VIEW = "AwsOpportunitySummaryFullView"
TEMPLATE_FIELD = "ResourceSnapshotTemplateIdentifier"
DEFAULT_PAGE = 20
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


# --- snapshots -------------------------------------------------------------------


def _associate(engagement: Engagement, opportunity: Opportunity) -> None:
    key = {
        "engagement": engagement,
        "resource_type": OPPORTUNITY,
        "resource_id": opportunity.public_id,
    }
    if EngagementResourceAssociation.objects.filter(**key).exists():
        return
    row = EngagementResourceAssociation(
        **key,
        catalog=opportunity.catalog,
        company=opportunity.company,
        created_by=linked_account_id(opportunity.company),
        created_at=timezone.now(),
    )
    with contextlib.suppress(IntegrityError):  # associated by another call meanwhile
        insert_fresh(row, association_id)


def _latest(engagement: Engagement, resource_id: str, template: str) -> ResourceSnapshot | None:
    return (
        ResourceSnapshot.objects.filter(
            engagement=engagement,
            resource_type=OPPORTUNITY,
            resource_id=resource_id,
            template=template,
        )
        .order_by("-revision")
        .first()
    )


def _new_revision(
    engagement: Engagement, opportunity: Opportunity, template: str, payload: dict[str, Any]
) -> ResourceSnapshot:
    """The next revision (the unique constraint settles two calls racing for it)."""
    company = opportunity.company
    for attempt in range(5):
        top = ResourceSnapshot.objects.filter(
            engagement=engagement,
            resource_type=OPPORTUNITY,
            resource_id=opportunity.public_id,
            template=template,
        ).aggregate(top=Max("revision"))["top"]
        snapshot = ResourceSnapshot(
            engagement=engagement,
            catalog=opportunity.catalog,
            resource_type=OPPORTUNITY,
            resource_id=opportunity.public_id,
            template=template,
            revision=(top or 0) + 1,
            payload=payload,
            company=company,
            created_by=linked_account_id(company),
            created_at=timezone.now(),
        )
        try:
            insert_fresh(snapshot, snapshot_id)
        except IntegrityError:
            if attempt == 4:
                raise
            continue
        _associate(engagement, opportunity)
        return snapshot
    raise AssertionError("unreachable")


def create_snapshot(
    actor: Actor, catalog: str, engagement_identifier: str, resource_id: str, template: str
) -> ResourceSnapshot:
    """CreateResourceSnapshot: the caller's opportunity, in an engagement it is a member of."""
    check_template(template)
    with transaction.atomic():
        engagement = find_engagement(actor, catalog, engagement_identifier)
        opportunity = find_opportunity(actor, catalog, resource_id, lock=True)
        return _new_revision(engagement, opportunity, template, payload_of(template, opportunity))


def get_snapshot(
    actor: Actor,
    catalog: str,
    engagement_identifier: str,
    resource_id: str,
    template: str,
    revision: int | None,
) -> ResourceSnapshot:
    """The latest revision, or the one asked for (members of the engagement only)."""
    engagement = find_engagement(actor, catalog, engagement_identifier)
    found = ResourceSnapshot.objects.filter(
        engagement=engagement, resource_type=OPPORTUNITY, resource_id=resource_id, template=template
    )
    snapshot = (
        found.filter(revision=revision).first()
        if revision is not None
        else found.order_by("-revision").first()
    )
    if snapshot is None:
        raise NotFound("ResourceSnapshot", resource_id)
    return snapshot


def _size(value: Any) -> int:
    size = DEFAULT_PAGE if value is None else value
    if not isinstance(size, int) or not 1 <= size <= MAX_PAGE:
        raise refuse("MaxResults", _("MaxResults is 1 to 1000."), reason=REQUEST)
    return size


def _filters(request: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in request.items() if k not in ("MaxResults", "NextToken")}


def list_snapshots(actor: Actor, catalog: str, request: Mapping[str, Any]) -> Page:
    """ListResourceSnapshots of one engagement, oldest first."""
    engagement = find_engagement(actor, catalog, request["EngagementIdentifier"])
    queryset = ResourceSnapshot.objects.filter(engagement=engagement).select_related("engagement")
    for member, column in (
        ("ResourceType", "resource_type"),
        ("ResourceIdentifier", "resource_id"),
        (TEMPLATE_FIELD, "template"),
        ("CreatedBy", "created_by"),
    ):
        if request.get(member):
            queryset = queryset.filter(**{column: request[member]})
    return paginate(
        queryset,
        CREATED,
        descending=False,
        size=_size(request.get("MaxResults")),
        token=request.get("NextToken"),
        query={"catalog": catalog, "op": "snapshots", "filters": _filters(request)},
    )


def list_associations(actor: Actor, catalog: str, request: Mapping[str, Any]) -> Page:
    """ListEngagementResourceAssociations: in the engagements the caller is a member of."""
    mine = engagements(actor, catalog).values("pk")
    queryset = EngagementResourceAssociation.objects.filter(
        catalog=catalog, engagement__in=mine
    ).select_related("engagement")
    if request.get("EngagementIdentifier"):
        queryset = queryset.filter(engagement__public_id=plain_id(request["EngagementIdentifier"]))
    for member, column in (
        ("ResourceType", "resource_type"),
        ("ResourceIdentifier", "resource_id"),
        ("CreatedBy", "created_by"),
    ):
        if request.get(member):
            queryset = queryset.filter(**{column: request[member]})
    return paginate(
        queryset,
        CREATED,
        descending=False,
        size=_size(request.get("MaxResults")),
        token=request.get("NextToken"),
        query={"catalog": catalog, "op": "associations", "filters": _filters(request)},
    )


# --- jobs ------------------------------------------------------------------------


def _jobs(actor: Actor, catalog: str) -> QuerySet[ResourceSnapshotJob]:
    company = company_of(actor)
    return ResourceSnapshotJob.objects.filter(
        company=company, catalog=check_catalog(catalog)
    ).select_related("engagement", "opportunity", "company")


def find_job(
    actor: Actor, catalog: str, identifier: str, *, lock: bool = False
) -> ResourceSnapshotJob:
    queryset = _jobs(actor, catalog)
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    job = queryset.filter(public_id=plain_id(identifier)).first()
    if job is None:
        raise NotFound("ResourceSnapshotJob", plain_id(identifier))
    return job


def create_job(
    actor: Actor,
    catalog: str,
    engagement_identifier: str,
    resource_id: str,
    template: str,
    tags: Any = None,
) -> ResourceSnapshotJob:
    """CreateResourceSnapshotJob: Stopped until started; one per engagement, opportunity
    and template."""
    check_template(template)
    company = company_of(actor)
    with transaction.atomic():
        engagement = find_engagement(actor, catalog, engagement_identifier)
        opportunity = find_opportunity(actor, catalog, resource_id)
        existing = ResourceSnapshotJob.objects.filter(
            engagement=engagement, opportunity=opportunity, template=template
        ).first()
        if existing is not None:
            raise Conflict(
                _("Resource snapshot job %(id)s already exists for this resource and template.")
                % {"id": existing.public_id},
                "ResourceSnapshotJob",
                existing.public_id,
            )
        job = ResourceSnapshotJob(
            company=company,
            catalog=catalog,
            engagement=engagement,
            opportunity=opportunity,
            template=template,
            tags=list(tags or []),
            created_at=timezone.now(),
        )
        try:
            insert_fresh(job, snapshot_job_id)
        except IntegrityError:
            raise Conflict(
                _("A resource snapshot job already exists for this resource and template."),
                "ResourceSnapshotJob",
                resource_id,
            ) from None
        _associate(engagement, opportunity)
    return job


def _role_of(job: ResourceSnapshotJob) -> str:
    row = SellingSystemSettings.objects.filter(company=job.company, catalog=job.catalog).first()
    return row.resource_snapshot_job_role_arn if row is not None else ""


def _execute(job: ResourceSnapshotJob) -> None:
    """One run: a new revision when the opportunity differs from the latest one."""
    if not _role_of(job):
        job.last_failure = _(
            "No ResourceSnapshotJobRoleArn in the selling system settings: "
            "set one with PutSellingSystemSettings."
        )
        job.save(update_fields=["last_failure"])
        return
    opportunity = Opportunity.objects.select_related("company").get(pk=job.opportunity_id)
    try:
        payload = payload_of(job.template, opportunity)
    except RuleViolation as error:
        job.last_failure = "; ".join(f"{e.field}: {e.message}" for e in error.errors)
        job.save(update_fields=["last_failure"])
        return
    latest = _latest(job.engagement, opportunity.public_id, job.template)
    if latest is None or latest.payload != payload:
        _new_revision(job.engagement, opportunity, job.template, payload)
    job.last_successful_execution_date = timezone.now()
    job.last_failure = ""
    job.save(update_fields=["last_successful_execution_date", "last_failure"])


def start_job(actor: Actor, catalog: str, identifier: str) -> None:
    """StartResourceSnapshotJob: Running, and a first run at once."""
    with transaction.atomic():
        job = find_job(actor, catalog, identifier, lock=True)
        if job.status == Status.RUNNING:
            raise Conflict(_("The job is already running."), "ResourceSnapshotJob", job.public_id)
        job.status = Status.RUNNING
        job.save(update_fields=["status"])
        _execute(job)


def stop_job(actor: Actor, catalog: str, identifier: str) -> None:
    with transaction.atomic():
        job = find_job(actor, catalog, identifier, lock=True)
        if job.status != Status.RUNNING:
            raise Conflict(
                _("Only a running job can be stopped."), "ResourceSnapshotJob", job.public_id
            )
        job.status = Status.STOPPED
        job.save(update_fields=["status"])


def delete_job(actor: Actor, catalog: str, identifier: str) -> None:
    with transaction.atomic():
        job = find_job(actor, catalog, identifier, lock=True)
        if job.status != Status.STOPPED:
            raise Conflict(
                _("Stop the job before deleting it."), "ResourceSnapshotJob", job.public_id
            )
        job.delete()


def list_jobs(actor: Actor, catalog: str, request: Mapping[str, Any]) -> Page:
    """ListResourceSnapshotJobs: the company's, newest first unless sorted otherwise."""
    queryset = _jobs(actor, catalog)
    if request.get("EngagementIdentifier"):
        queryset = queryset.filter(engagement__public_id=plain_id(request["EngagementIdentifier"]))
    if request.get("Status"):
        queryset = queryset.filter(status=request["Status"])
    sort = request.get("Sort") or {}
    order = sort.get("SortOrder") or "DESCENDING"
    if sort.get("SortBy", "CreatedDate") != "CreatedDate" or order not in (
        "ASCENDING",
        "DESCENDING",
    ):
        raise refuse("Sort", _("Unknown sort."), reason=REQUEST)
    return paginate(
        queryset,
        CREATED,
        descending=order == "DESCENDING",
        size=_size(request.get("MaxResults")),
        token=request.get("NextToken"),
        query={"catalog": catalog, "op": "jobs", "filters": _filters(request)},
    )


def run_jobs_for(opportunity: Opportunity) -> None:
    """The running jobs on a changed opportunity, each in its own transaction (a failing
    one records LastFailure and leaves the others be)."""
    running = ResourceSnapshotJob.objects.filter(
        opportunity_id=opportunity.pk, status=Status.RUNNING
    ).values_list("pk", flat=True)
    for pk in list(running):
        with transaction.atomic():
            job = (
                ResourceSnapshotJob.objects.select_for_update(of=("self",))
                .select_related("engagement", "company")
                .filter(pk=pk, status=Status.RUNNING)
                .first()
            )
            if job is not None:
                _execute(job)
