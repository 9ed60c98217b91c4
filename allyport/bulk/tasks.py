"""The background job: run a queued bulk job on the task worker (`manage.py db_worker`).

The job acts as the member who started it, with their rights as they are when it
runs. A job runs once: the worker claims it by moving it from queued to running,
so a second delivery of the task finds nothing to do.
"""

from __future__ import annotations

import csv
import logging
import time
from collections.abc import Callable, Iterable, Iterator

from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from allyport.access import actor as actors
from allyport.access.actor import Actor
from allyport.access.decisions import PermissionDenied, require
from allyport.accounts.models import User
from allyport.bulk import exports, intake, lead_export, lead_import, rows
from allyport.bulk.kinds import Kind
from allyport.cloud.job_actor import job_actor as job_actor_of_iam
from allyport.core.errors import DomainError
from allyport.core.spreadsheets import safe_cell
from allyport.jobs import lifecycle
from allyport.jobs.models import BulkJob
from allyport.jobs.runner import JobFailed
from allyport.jobs.storage import PartWriter, Role, TextWriter, store_file
from allyport.pipeline.models import Opportunity
from allyport.pipeline.services import SUBMIT

logger = logging.getLogger(__name__)
PROGRESS_SECONDS = 0.5
Status = BulkJob.Status


def job_actor(job: BulkJob) -> Actor:
    """The member (or, through the API, the IAM user) who started the job, as they are now."""
    if job.options.get("iam"):
        return job_actor_of_iam(job)
    user = job.created_by
    if (
        user is None
        or not user.is_active
        or user.status != User.Status.ACTIVE
        or user.company_id != job.company_id
    ):
        raise JobFailed(_("The member who started this job can no longer act for the company."))
    actor = actors.for_user(user, job.source_ip, "allyport bulk job")
    try:
        require(actor, SUBMIT)
    except PermissionDenied as refused:
        raise JobFailed(refused.decision.reason) from None
    return actor


def _progress(job: BulkJob, pages: Iterable[list[Opportunity]]) -> Iterator[list[Opportunity]]:
    """Count the exported rows, noting them on the job about twice a second."""
    noted = time.monotonic()
    for items in pages:
        job.rows += len(items)
        yield items
        if time.monotonic() - noted > PROGRESS_SECONDS:
            BulkJob.objects.filter(pk=job.pk).update(rows=job.rows, updated_at=timezone.now())
            noted = time.monotonic()


def export_opportunities(job: BulkJob, actor: Actor) -> None:
    options = job.options
    owner = None
    if options.get("owner"):
        owner = User.objects.filter(company=job.company, public_id=options["owner"]).first()
    pages = exports.pages(
        actor,
        job.catalog,
        options.get("request") or {},
        owner=owner,
        search=options.get("search") or "",
    )
    lines = exports.export_rows(_progress(job, pages))
    if job.result_format == BulkJob.Format.XLSX:
        with exports.write_xlsx([(_("Opportunities"), lines)]) as workbook:
            job.result_size = store_file(job, Role.RESULT, workbook)
    else:
        parts = PartWriter(job, Role.RESULT)
        writer = csv.writer(TextWriter(parts))
        for line in lines:
            writer.writerow([safe_cell(cell) for cell in line])
        parts.flush()
        job.result_size = parts.size
    job.succeeded = job.rows


KINDS: dict[str, Callable[[BulkJob, Actor], None]] = {
    Kind.IMPORT: rows.import_opportunities,
    Kind.UPDATE: rows.update_opportunities,
    Kind.TRANSFER: rows.transfer_opportunities,
    Kind.EXPORT: export_opportunities,
    Kind.LEAD_IMPORT: lead_import.import_leads,
    Kind.LEAD_EXPORT: lead_export.export_leads,
}


def run(job: BulkJob) -> None:
    try:
        actor = job_actor(job)
        intake.read_api_file(job)
        kind = KINDS.get(job.kind)
        if kind is None:
            raise JobFailed(_("This kind of job is not available yet."))
        kind(job, actor)
    except (JobFailed, DomainError, PermissionDenied) as failed:
        lifecycle.fail(job, str(failed))
    except Exception:
        logger.exception("bulk job %s failed", job.public_id)
        lifecycle.fail(job, _("The job stopped on an unexpected error."))
    else:
        lifecycle.done(job)


@task()
def run_bulk_job(job_id: str) -> str:
    job = lifecycle.claim(job_id)
    if job is None:
        return "already taken"
    run(job)
    return job.status
