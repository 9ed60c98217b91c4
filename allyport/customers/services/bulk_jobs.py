"""Customer-account bulk jobs as the API shows them: start (the FileUri is checked at
once by `allyport.jobs.sources.read_source`), read, list, each row's result, and the
report link. The jobs are a kind of the one job framework (`allyport.jobs`); the API's
status words are mapped here. Every query filters by company, catalog and kind first."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.cloud.job_actor import iam_options
from allyport.core.errors import Conflict, NotFound
from allyport.core.keyset import Page, SortKey, paginate
from allyport.core.listing import page_size
from allyport.customers.services.bulk_kind import (
    CUSTOMER_ACCOUNT_JOBS,
    KIND,
    STATUS_OF_WIRE,
    WIRE_STATUS,
)
from allyport.customers.services.scope import BULK_JOB, public_id_of, resource_arn
from allyport.jobs import reports
from allyport.jobs.models import BulkJob, BulkRecord
from allyport.jobs.sources import read_source
from allyport.pipeline.selectors import linked_account_id
from allyport.pipeline.services import check_catalog, pipeline_company

FIELD = "FileUri"
NEWEST_FIRST = SortKey("created_at", kind="datetime")
IN_FILE_ORDER = SortKey("public_id")
Status = BulkJob.Status


def start(actor: Actor, catalog: str, uri: str) -> BulkJob:
    """The job, queued; a FileUri that names nothing readable is refused now."""
    from allyport.customers.tasks import run_customer_account_bulk_job

    company = pipeline_company(actor)
    check_catalog(catalog)
    source = read_source(company, uri, field=FIELD)
    with transaction.atomic():
        job = BulkJob.objects.create(
            company=company,
            catalog=catalog,
            kind=KIND,
            source=uri,
            file_name=source.name[:255],
            options={"iam": iam_options(actor)} if actor.kind == "iam" else {},
            created_by=actor.user,
            source_ip=actor.source_ip[:64],
        )
        # In the same transaction: a job that is not stored is never queued.
        run_customer_account_bulk_job.enqueue(job.public_id)
    return job


def jobs(actor: Actor, catalog: str) -> QuerySet[BulkJob]:
    company = pipeline_company(actor)
    return BulkJob.objects.filter(company=company, catalog=check_catalog(catalog), kind=KIND)


def find(actor: Actor, catalog: str, identifier: str) -> BulkJob:
    """The job (by id or ARN), or NotFound: missing, another company's or catalog's."""
    found = jobs(actor, catalog).select_related("company")
    public_id = public_id_of(pipeline_company(actor), catalog, identifier, BULK_JOB)
    job = found.filter(public_id=public_id).first()
    if job is None:
        raise NotFound("BulkJob", identifier)
    return job


def list_jobs(actor: Actor, catalog: str, params: Mapping[str, Any]) -> Page:
    found = jobs(actor, catalog)
    wanted = dict(params.get("Filter") or {})
    if wanted.get("Identifier"):
        try:
            public_id = public_id_of(
                pipeline_company(actor), catalog, wanted["Identifier"], BULK_JOB
            )
        except NotFound:  # an ARN of nothing of ours: an empty list
            public_id = ""
        found = found.filter(public_id=public_id)
    if wanted.get("Status"):
        found = found.filter(status=STATUS_OF_WIRE.get(wanted["Status"], ""))
    return paginate(
        found,
        NEWEST_FIRST,
        descending=True,
        size=page_size(params.get("MaxResults")),
        token=params.get("NextToken"),
        query={"op": "ListCustomerAccountBulkJobs", "catalog": catalog, "filter": wanted},
    )


def summary(job: BulkJob) -> dict[str, Any]:
    """GetCustomerAccountBulkJob's answer (and each ListCustomerAccountBulkJobs item)."""
    account = linked_account_id(job.company)
    return {
        "Arn": resource_arn(BULK_JOB, job.catalog, job.public_id, account),
        "Id": job.public_id,
        "Status": WIRE_STATUS[Status(job.status)],
        "FileName": job.file_name or None,
        "TotalRecords": job.rows_expected or 0,
        "ProcessedRecords": job.rows,
        "SuccessCount": job.succeeded,
        "FailureCount": job.failed,
        "DeletedCount": job.removed,
        "FailureReason": (job.message or None) if job.status == Status.FAILED else None,
        "CreatedAt": job.created_at,
        "CompletedAt": job.finished_at,
    }


def list_results(actor: Actor, catalog: str, params: Mapping[str, Any]) -> Page:
    job = find(actor, catalog, params["Identifier"])
    records = BulkRecord.objects.filter(job=job)
    if params.get("Status"):
        records = records.filter(status=params["Status"])
    return paginate(
        records,
        IN_FILE_ORDER,
        descending=False,
        size=page_size(params.get("MaxResults")),
        token=params.get("NextToken"),
        query={"op": "ListCustomerAccountBulkJobResults", "job": job.public_id,
               "status": params.get("Status")},
    )  # fmt: skip


def result(record: BulkRecord) -> dict[str, Any]:
    return {
        "RequestId": record.request_id,
        "Status": record.status,
        "ResourceIdentifier": record.resource_identifier or None,
        "ErrorCode": record.error_code or None,
        "ErrorMessage": record.error_message or None,
    }


def report(actor: Actor, catalog: str, identifier: str, report_type: str) -> dict[str, Any]:
    """A signed link to the report once the job has finished; Conflict while it runs."""
    job = find(actor, catalog, identifier)
    if not job.finished:
        raise Conflict(
            _("The bulk job %(id)s is still running; its report is ready once it finishes.")
            % {"id": job.public_id},
            "BulkJob",
            job.public_id,
        )
    expires = (timezone.now() + reports.LIFETIME).replace(microsecond=0)
    return {
        "ReportStatus": "AVAILABLE",
        "ReportType": report_type,
        "Url": reports.url(CUSTOMER_ACCOUNT_JOBS, job, report_type, expires),
        "ExpiresAt": expires,
    }
