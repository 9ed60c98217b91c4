"""Starting bulk jobs and finding them: the one place that checks who may.

Bulk actions are the ACE roles' ("Perform bulk imports, exports, updates, and
transfers", guide: ACE manager and ACE user), held with `submit_opportunities`;
which opportunities a job reaches is then the pipeline's own rule (all of the
company's for managers, owned ones otherwise), applied to every row by its
services. A member sees the jobs they started; members who manage all
opportunities see every job of their company (their files hold nothing more
than those members may read). IAM callers (the selling API, or a job or command
acting as a principal) are asked of their policies for the operation's IAM action
(the Permissions below) and see every job of their company.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from itertools import islice
from typing import IO, Any

from django.db import transaction
from django.db.models import QuerySet

from allyport.access.actor import Actor
from allyport.access.decisions import Permission, Target, require
from allyport.audit import services as audit
from allyport.bulk.kinds import Kind
from allyport.bulk.tasks import run_bulk_job
from allyport.core.errors import NotFound
from allyport.jobs.models import BulkJob
from allyport.jobs.storage import Role, iter_parts, open_text, store_file
from allyport.pipeline.selectors import company_of, sees_all
from allyport.pipeline.services import SELLING_SOURCE, SUBMIT, check_catalog

BULK_RIGHT = SUBMIT


def _bulk(operation: str) -> Permission:
    return Permission(member=BULK_RIGHT, iam=f"partnercentral:{operation}")


LIST_BULK_JOBS = _bulk("ListOpportunityBulkJobs")
LIST_BULK_JOB_RESULTS = _bulk("ListOpportunityBulkJobResults")
GET_BULK_JOB_REPORT_URL = _bulk("GetOpportunityBulkJobReportUrl")


def require_bulk(actor: Actor, permission: Permission | None = None, catalog: str = "") -> None:
    """Refuse unless `permission`'s operation is authorized (on the catalog) for
    whatever kind of caller. Without a permission (the portal's own pages and files,
    or a look-up inside an operation already decided) only members are asked, for
    the bulk right."""
    company_of(actor)
    if permission is not None:
        require(actor, permission, Target(catalog=catalog or None))
    elif actor.is_member:
        require(actor, BULK_RIGHT)


def start_job(
    actor: Actor,
    kind: str,
    catalog: str,
    *,
    source: IO[bytes] | None = None,
    file_name: str = "",
    file_format: str = "",
    rows_expected: int | None = None,
    result_format: str = "",
    options: Mapping[str, Any] | None = None,
) -> BulkJob:
    """Store the job and its file and queue it; the worker runs it as `actor`'s user.

    An IAM caller's StartOpportunityBulkJob is decided by its handler: the job's
    rows are each decided as their single operation (`rows.py`), which is what a
    job started on another path is held to."""
    require_bulk(actor)
    company = company_of(actor)
    check_catalog(catalog)
    with transaction.atomic():
        job = BulkJob.objects.create(
            company=company,
            catalog=catalog,
            kind=kind,
            created_by=actor.user,
            source_ip=actor.source_ip[:64],
            file_name=file_name[:255],
            file_format=file_format,
            rows_expected=rows_expected,
            result_format=result_format,
            options=dict(options or {}),
        )
        if source is not None:
            job.file_size = store_file(job, Role.UPLOAD, source)
            job.save(update_fields=["file_size"])
        audit.record(
            actor,
            "StartBulkJob",
            event_source=SELLING_SOURCE,
            request_parameters={"kind": kind, "catalog": catalog, "fileName": file_name or None},
            response_elements={"jobId": job.public_id},
        )
        # In the same transaction: a job that is not stored is never queued.
        run_bulk_job.enqueue(job.public_id)
    job.refresh_from_db()
    return job


def visible_jobs(
    actor: Actor, permission: Permission | None = None, catalog: str = ""
) -> QuerySet[BulkJob]:
    """The bulk app's jobs the actor may see (the job table holds other apps' kinds too),
    once `permission`'s operation is authorized."""
    require_bulk(actor, permission, catalog)
    jobs = BulkJob.objects.filter(company=actor.company, kind__in=Kind.values)
    if not sees_all(actor):
        jobs = jobs.filter(created_by=actor.user)
    return jobs


def find_job(actor: Actor, public_id: str) -> BulkJob:
    """The job, or NotFound (missing, another company's, or another member's)."""
    job = visible_jobs(actor).filter(public_id=public_id).select_related("created_by").first()
    if job is None:
        raise NotFound("BulkJob", public_id)
    return job


def error_lines(job: BulkJob) -> Iterator[bytes]:
    """The error report (CSV: Row, Id, Field, Message), as stored."""
    return iter_parts(job, Role.ERRORS)


def first_errors(job: BulkJob, limit: int) -> list[list[str]]:
    """The first `limit` lines of the error report, for the result page."""
    if not job.failed:
        return []
    with open_text(job, Role.ERRORS) as stream:
        rows = csv.reader(stream)
        next(rows, None)
        return list(islice(rows, limit))


def result_parts(job: BulkJob) -> Iterator[bytes]:
    return iter_parts(job, Role.RESULT)
