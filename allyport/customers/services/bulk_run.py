"""The worker's side of a customer-account bulk job: read the CSV file the FileUri
names (a row at a time, never the whole file in memory), create one customer
account per row as the IAM user who started the job, and keep each row's outcome.

The header names the columns: CompanyName (required), WebsiteUrl, Duns, Domain,
Industry, OtherIndustry, ParentCompanyName, StreetAddress, City, StateOrRegion,
PostalCode, CountryCode, PartnerAccountIdentifier, and optionally RequestId (the
record's id in the results; the row number otherwise). Each row is checked as
CreateCustomerAccount checks a request, then by the same service.
"""

from __future__ import annotations

import codecs
import csv
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import PermissionDenied
from allyport.audit import services as audit
from allyport.awsapi.registry import Validation
from allyport.awsapi.validation import summary
from allyport.bulk import iam
from allyport.bulk.runner import JobFailed, check_request
from allyport.bulk.sources import SourceProblem, read_source
from allyport.core.errors import RuleViolation
from allyport.customers.job_models import CustomerAccountBulkJob, CustomerAccountBulkRecord
from allyport.customers.services import accounts
from allyport.customers.services.bulk_jobs import FIELD
from allyport.customers.services.scope import arn_of
from allyport.pipeline.services import SELLING_SOURCE

logger = logging.getLogger(__name__)
ACCOUNT_COLUMNS = ("CompanyName", "WebsiteUrl", "Duns", "Domain", "Industry", "OtherIndustry",
                   "ParentCompanyName")  # fmt: skip
ADDRESS_COLUMNS = ("StreetAddress", "City", "StateOrRegion", "PostalCode", "CountryCode")
OTHER_COLUMNS = ("PartnerAccountIdentifier", "RequestId")
COLUMNS = frozenset(ACCOUNT_COLUMNS + ADDRESS_COLUMNS + OTHER_COLUMNS)
BATCH = 100
OPERATION = "CreateCustomerAccount"
Status, Outcome = CustomerAccountBulkJob.Status, CustomerAccountBulkRecord.Status


@contextmanager
def _rows(job: CustomerAccountBulkJob) -> Iterator[Iterator[dict[str | None, Any]]]:
    """The file's rows as dicts by column; JobFailed for what makes the file unusable."""
    try:
        source = read_source(job.company, job.source_uri, field=FIELD)
        with source.open() as stream:
            reader = csv.DictReader(codecs.iterdecode(stream, "utf-8-sig"))
            header = [name.strip() for name in reader.fieldnames or []]
            unknown = sorted(set(header) - COLUMNS - {""})  # a trailing comma is no column
            if unknown:
                raise JobFailed(_("Unknown columns: %(names)s.") % {"names": ", ".join(unknown)})
            if "CompanyName" not in header:
                raise JobFailed(_("The file has no CompanyName column."))
            reader.fieldnames = header
            yield iter(reader)
    except Validation as refused:
        raise JobFailed(refused.message) from None
    except SourceProblem as problem:
        raise JobFailed(str(problem)) from None
    except UnicodeDecodeError:
        raise JobFailed(_("The file is not UTF-8 text.")) from None
    except csv.Error as broken:
        raise JobFailed(_("The file is not valid CSV: %(error)s") % {"error": broken}) from None


def _request(job: CustomerAccountBulkJob, row: dict[str | None, Any]) -> dict[str, Any]:
    """The CreateCustomerAccount request a row stands for (blank cells left out)."""
    if row.get(None):
        raise Validation(_("The row has more cells than the header."), errors=[])

    def cells(names: tuple[str, ...]) -> dict[str, str]:
        return {name: str(row[name]).strip() for name in names if (row.get(name) or "").strip()}

    account: dict[str, Any] = cells(ACCOUNT_COLUMNS)
    address = cells(ADDRESS_COLUMNS)
    if address:
        account["Address"] = address
    request = {"Catalog": job.catalog, "Account": account, **cells(("PartnerAccountIdentifier",))}
    check_request(OPERATION, request)
    return request


def _failed(error: Exception) -> tuple[str, str]:
    """(ErrorCode, ErrorMessage) of a refused row."""
    if isinstance(error, Validation):
        code = error.errors[0][2] if error.errors else "INVALID_VALUE"
        message = summary(error.errors) if error.errors else error.message
        return code, message
    if isinstance(error, RuleViolation):
        return error.errors[0].code, "; ".join(f"{e.field}: {e.message}" for e in error.errors)
    assert isinstance(error, PermissionDenied)
    return "ACCESS_DENIED", str(error.decision.reason)


def _one(
    job: CustomerAccountBulkJob, actor: Actor, number: int, row: dict[str | None, Any]
) -> CustomerAccountBulkRecord:
    request_id = (str(row.get("RequestId") or "").strip() or str(number))[:255]
    record = CustomerAccountBulkRecord(job=job, public_id=f"{number:012d}", request_id=request_id)
    try:
        request = _request(job, row)
        iam.check(actor, OPERATION, job.catalog)
        with transaction.atomic():
            created = accounts.create_customer_account(
                actor, job.catalog, request, import_id=job.public_id
            )
            if actor.kind == "iam":  # the console records members' changes itself
                audit.record(
                    actor, OPERATION, event_source=SELLING_SOURCE, company=job.company,
                    request_parameters={"catalog": job.catalog, "bulkJobId": job.public_id},
                    response_elements={"id": created.public_id},
                    resources=[{"ARN": arn_of(created),
                                "type": "AWS::PartnerCentral::CustomerAccount"}],
                )  # fmt: skip
    except (Validation, RuleViolation, PermissionDenied) as refused:
        record.status = Outcome.FAILED
        record.error_code, record.error_message = _failed(refused)
    else:
        record.status, record.resource_identifier = Outcome.SUCCEEDED, created.public_id
    return record


def _save(job: CustomerAccountBulkJob, records: list[CustomerAccountBulkRecord]) -> None:
    """A batch's records and counters in one commit."""
    failed = sum(record.status == Outcome.FAILED for record in records)
    with transaction.atomic():
        CustomerAccountBulkRecord.objects.bulk_create(records)
        CustomerAccountBulkJob.objects.filter(pk=job.pk).update(
            processed_records=F("processed_records") + len(records),
            success_count=F("success_count") + len(records) - failed,
            failure_count=F("failure_count") + failed,
        )
    records.clear()


def _process(job: CustomerAccountBulkJob, actor: Actor) -> None:
    with _rows(job) as rows:  # first pass: the count, and a file we can read at all
        total = sum(1 for _row in rows)
    CustomerAccountBulkJob.objects.filter(pk=job.pk).update(total_records=total)
    batch: list[CustomerAccountBulkRecord] = []
    with _rows(job) as rows:
        for number, row in enumerate(rows, start=1):
            batch.append(_one(job, actor, number, row))
            if len(batch) >= BATCH:
                _save(job, batch)
        if batch:
            _save(job, batch)


def _finish(job: CustomerAccountBulkJob, status: str, reason: str = "") -> None:
    CustomerAccountBulkJob.objects.filter(pk=job.pk).update(
        status=status, failure_reason=reason, completed_at=timezone.now()
    )


def run(public_id: str) -> str:
    """Run a submitted job once (a second delivery of the task finds nothing to do)."""
    claimed = CustomerAccountBulkJob.objects.filter(
        public_id=public_id, status=Status.SUBMITTED
    ).update(status=Status.IN_PROGRESS)
    if not claimed:
        return "already taken"
    job = CustomerAccountBulkJob.objects.select_related("company").get(public_id=public_id)
    try:
        # The bulk app's rebuild of the IAM user, as it is now (it reads only the
        # job's options, company and address).
        _process(job, iam.job_actor(cast(Any, job)))
    except JobFailed as failed:
        _finish(job, Status.FAILED, str(failed))
        return str(Status.FAILED)
    except Exception:
        logger.exception("customer-account bulk job %s failed", public_id)
        _finish(job, Status.FAILED, _("The job stopped on an unexpected error."))
        return str(Status.FAILED)
    _finish(job, Status.COMPLETED)
    return str(Status.COMPLETED)
