"""Opportunity bulk jobs as the selling API shows them, on the portal's BulkJob rows.

The API's jobs are the imports and updates (an API job is one of them once its
file is read); transfers and exports are the portal's own. A job started on the
portal's Bulk page is listed here too, and one started here shows on that page.
Every query filters by company and catalog first.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from allyport.access.actor import Actor
from allyport.access.decisions import Permission
from allyport.bulk import services
from allyport.bulk.intake import FIELD, OPERATION_TYPES
from allyport.bulk.kinds import OPPORTUNITY_JOBS, Kind
from allyport.bulk.sources import read_source
from allyport.cloud.job_actor import iam_options
from allyport.core.errors import NotFound
from allyport.core.keyset import Page, SortKey, paginate
from allyport.jobs import reports
from allyport.jobs.models import BulkJob, BulkRecord
from allyport.pipeline.selectors import company_of
from allyport.pipeline.services import check_catalog

Status = BulkJob.Status
API_KINDS = (Kind.IMPORT, Kind.UPDATE, Kind.OPPORTUNITY)
STATUSES: dict[str, str] = {
    Status.QUEUED: "SUBMITTED",
    Status.RUNNING: "IN_PROGRESS",
    Status.DONE: "COMPLETED",
    Status.FAILED: "FAILED",
}
BY_STATUS = {value: key for key, value in STATUSES.items()}
DEFAULT_RESULTS = 20
NEWEST_FIRST = SortKey("created_at", kind="datetime")
IN_FILE_ORDER = SortKey("public_id")


def start(actor: Actor, catalog: str, uri: str) -> BulkJob:
    """Check the FileURI now (ValidationException naming it) and queue the job; the
    worker reads the file, then imports or updates as its header says."""
    company = company_of(actor)
    check_catalog(catalog)
    source = read_source(company, uri, field=FIELD)
    return services.start_job(
        actor,
        Kind.OPPORTUNITY,
        catalog,
        file_name=source.name,
        file_format=BulkJob.Format.CSV,
        options={"source": uri, "iam": iam_options(actor)},
    )


def _jobs(actor: Actor, catalog: str, permission: Permission) -> QuerySet[BulkJob]:
    jobs = services.visible_jobs(actor, permission, catalog).filter(catalog=check_catalog(catalog))
    return jobs.filter(kind__in=API_KINDS)


def find(actor: Actor, catalog: str, job_id: str, permission: Permission) -> BulkJob:
    """The job, or NotFound (missing, another company's or catalog's, not an API kind)."""
    job = (
        _jobs(actor, catalog, permission).filter(public_id=job_id).select_related("company").first()
    )
    if job is None:
        raise NotFound("BulkJob", job_id)
    return job


def list_jobs(actor: Actor, catalog: str, params: dict[str, Any]) -> Page:
    jobs = _jobs(actor, catalog, services.LIST_BULK_JOBS)
    if params.get("JobId"):
        jobs = jobs.filter(public_id=params["JobId"])
    if params.get("Status"):
        jobs = jobs.filter(status=BY_STATUS[params["Status"]])
    query = {"catalog": catalog, "JobId": params.get("JobId"), "Status": params.get("Status")}
    return paginate(
        jobs,
        NEWEST_FIRST,
        descending=True,
        size=params.get("MaxResults") or DEFAULT_RESULTS,
        token=params.get("NextToken"),
        query={"op": "ListOpportunityBulkJobs", **query},
    )


def summary(job: BulkJob) -> dict[str, Any]:
    total = job.rows if job.finished else max(job.rows_expected or 0, job.rows)
    return {
        "JobId": job.public_id,
        "Status": STATUSES[job.status],
        "TotalRecords": total,
        "ProcessedRecords": job.rows,
        "SuccessCount": job.succeeded,
        "FailureCount": job.failed,
        "CreatedAt": job.created_at,
        "StartedAt": job.started_at,
        "CompletedAt": job.finished_at,
        "FailureReason": (job.message or None) if job.status == Status.FAILED else None,
        "FileName": job.file_name or None,
        "OperationType": OPERATION_TYPES.get(job.kind),
    }


def list_results(actor: Actor, catalog: str, params: dict[str, Any]) -> Page:
    job = find(actor, catalog, params["JobId"], services.LIST_BULK_JOB_RESULTS)
    records = BulkRecord.objects.filter(job=job)
    if params.get("Status"):
        records = records.filter(status=params["Status"])
    return paginate(
        records,
        IN_FILE_ORDER,
        descending=False,
        size=params.get("MaxResults") or DEFAULT_RESULTS,
        token=params.get("NextToken"),
        query={"op": "ListOpportunityBulkJobResults", "job": job.public_id,
               "Status": params.get("Status")},
    )  # fmt: skip


def result(record: BulkRecord) -> dict[str, Any]:
    return {
        "RequestId": str(record.row),
        "Status": record.status,
        "ResourceIdentifier": record.resource_identifier or None,
        "ErrorCode": record.error_code or None,
        "ErrorMessage": record.error_message or None,
    }


def report_status(job: BulkJob) -> str:
    """A report exists once the job is finished (COMPLETED or FAILED)."""
    if job.finished:
        return "AVAILABLE"
    return "IN_PROGRESS" if job.status == Status.RUNNING else "NOT_STARTED"


def report(actor: Actor, catalog: str, job_id: str, report_type: str) -> dict[str, Any]:
    job = find(actor, catalog, job_id, services.GET_BULK_JOB_REPORT_URL)
    status = report_status(job)
    answer: dict[str, Any] = {
        "ReportStatus": status,
        "ReportType": report_type,
        "ReportFormat": "CSV",
    }
    if status == "AVAILABLE":
        expires = (timezone.now() + reports.LIFETIME).replace(microsecond=0)
        answer["Url"] = reports.url(OPPORTUNITY_JOBS, job, report_type, expires)
        answer["ExpiresAt"] = expires
    return answer
