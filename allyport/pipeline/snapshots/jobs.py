"""Snapshot jobs: create, start, stop, delete, list, and the runs on opportunity changes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Permission, Target
from allyport.core.errors import REQUEST, Conflict, NotFound, RuleViolation, refuse
from allyport.core.keyset import Page, paginate
from allyport.core.listing import page_size
from allyport.pipeline.engagements.selectors import engagement_target, find_engagement, plain_id
from allyport.pipeline.engagements.services import insert_fresh
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.shared import permissions
from allyport.pipeline.shared.console_audit import record_console
from allyport.pipeline.shared.models import SellingSystemSettings
from allyport.pipeline.shared.scope import (
    check_catalog,
    company_of,
    find_opportunity,
    require_pipeline,
)
from allyport.pipeline.snapshots.models import ResourceSnapshotJob, snapshot_job_id
from allyport.pipeline.snapshots.representations import (
    CREATED,
    MAX_PAGE,
    Status,
    check_template,
    payload_of,
)
from allyport.pipeline.snapshots.revisions import _associate, _filters, _latest, _new_revision


def _record(actor: Actor, event: str, job: ResourceSnapshotJob) -> None:
    """The change's audit record, whoever makes it (folded into the API call's own)."""
    record_console(
        actor,
        event,
        company=job.company,
        request={"catalog": job.catalog, "resourceSnapshotJobIdentifier": job.public_id},
    )


def job_target(actor: Actor, catalog: str, identifier: str = "") -> Target:
    """A snapshot job as policies name it (with the caller's account); "*" for lists."""
    if not identifier:
        return Target(catalog=catalog)
    account = actor.iam.account_id if actor.iam is not None else ""
    arn = (
        f"arn:aws:partnercentral:{settings.ALLYPORT_AWS_REGION}:{account}:"
        f"catalog/{catalog}/resource-snapshot-job/{identifier}"
    )
    return Target(arn=arn, catalog=catalog)


def _jobs(
    actor: Actor, catalog: str, permission: Permission | None = None, identifier: str = ""
) -> QuerySet[ResourceSnapshotJob]:
    """The company's snapshot jobs, once `permission`'s operation is authorized (on the
    job `identifier` names); without one, a look-up inside an operation already decided."""
    if permission is None:
        company = company_of(actor)
    else:
        target = job_target(actor, catalog, identifier)
        company = require_pipeline(actor, permission, target)
    return ResourceSnapshotJob.objects.filter(
        company=company, catalog=check_catalog(catalog)
    ).select_related("engagement", "opportunity", "company")


def find_job(
    actor: Actor,
    catalog: str,
    identifier: str,
    *,
    lock: bool = False,
    permission: Permission | None = permissions.GET_SNAPSHOT_JOB,
) -> ResourceSnapshotJob:
    queryset = _jobs(actor, catalog, permission, identifier)
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
    permission: Permission | None = permissions.CREATE_SNAPSHOT_JOB,
) -> ResourceSnapshotJob:
    """CreateResourceSnapshotJob: Stopped until started; one per engagement, opportunity
    and template. (`permission` None: created by an operation already decided.)"""
    check_template(template)
    if permission is None:
        company = company_of(actor)
    else:
        target = engagement_target(catalog, engagement_identifier)
        company = require_pipeline(actor, permission, target)
    with transaction.atomic():
        engagement = find_engagement(actor, catalog, engagement_identifier)
        opportunity = find_opportunity(actor, catalog, resource_id, permission=permission)
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
        if permission is not None:  # else the deciding operation's record holds it
            _record(actor, "CreateResourceSnapshotJob", job)
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


def start_job(
    actor: Actor,
    catalog: str,
    identifier: str,
    permission: Permission | None = permissions.START_SNAPSHOT_JOB,
) -> None:
    """StartResourceSnapshotJob: Running, and a first run at once (`permission` None:
    started by an operation already decided, e.g. StartOpportunityFromEngagementTask)."""
    with transaction.atomic():
        job = find_job(actor, catalog, identifier, lock=True, permission=permission)
        if job.status == Status.RUNNING:
            raise Conflict(_("The job is already running."), "ResourceSnapshotJob", job.public_id)
        job.status = Status.RUNNING
        job.save(update_fields=["status"])
        if permission is not None:
            _record(actor, "StartResourceSnapshotJob", job)
        _execute(job)


def stop_job(actor: Actor, catalog: str, identifier: str) -> None:
    with transaction.atomic():
        job = find_job(
            actor, catalog, identifier, lock=True, permission=permissions.STOP_SNAPSHOT_JOB
        )
        if job.status != Status.RUNNING:
            raise Conflict(
                _("Only a running job can be stopped."), "ResourceSnapshotJob", job.public_id
            )
        job.status = Status.STOPPED
        job.save(update_fields=["status"])
        _record(actor, "StopResourceSnapshotJob", job)


def delete_job(actor: Actor, catalog: str, identifier: str) -> None:
    with transaction.atomic():
        job = find_job(
            actor, catalog, identifier, lock=True, permission=permissions.DELETE_SNAPSHOT_JOB
        )
        if job.status != Status.STOPPED:
            raise Conflict(
                _("Stop the job before deleting it."), "ResourceSnapshotJob", job.public_id
            )
        _record(actor, "DeleteResourceSnapshotJob", job)
        job.delete()


def list_jobs(actor: Actor, catalog: str, request: Mapping[str, Any]) -> Page:
    """ListResourceSnapshotJobs: the company's, newest first unless sorted otherwise."""
    queryset = _jobs(actor, catalog, permissions.LIST_SNAPSHOT_JOBS)
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
        size=page_size(request.get("MaxResults"), MAX_PAGE),
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
