"""The worker's side of a customer-account bulk job: read the CSV file the FileUri
names (a row at a time, never the whole file in memory), create one customer
account per row as the IAM user who started the job, and keep each row's outcome.

The header names the columns: CompanyName (required), WebsiteUrl, Duns, Domain,
Industry, OtherIndustry, ParentCompanyName, StreetAddress, City, StateOrRegion,
PostalCode, CountryCode, PartnerAccountIdentifier, and optionally RequestId (the
record's id in the results; the row number otherwise). Each row is checked as
CreateCustomerAccount checks a request, then by the same service.

The job is a kind of the one job framework: it is claimed, batched, counted and
finished by `allyport.jobs` (`lifecycle`, `runner`), so the recovery sweep covers it.
"""

from __future__ import annotations

import codecs
import csv
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import PermissionDenied
from allyport.cloud.job_actor import job_actor
from allyport.core.errors import RuleViolation
from allyport.customers.models import CustomerAccount
from allyport.customers.services import accounts
from allyport.customers.services.bulk_jobs import FIELD
from allyport.jobs import lifecycle
from allyport.jobs.models import BulkJob
from allyport.jobs.runner import JobFailed, Refusal, Runner
from allyport.jobs.sources import SourceProblem, SourceRefused, read_source
from allyport.shapes.selling import service_model
from allyport.shapes.validation import InvalidRequest, summary, validate

logger = logging.getLogger(__name__)
ACCOUNT_COLUMNS = ("CompanyName", "WebsiteUrl", "Duns", "Domain", "Industry", "OtherIndustry",
                   "ParentCompanyName")  # fmt: skip
ADDRESS_COLUMNS = ("StreetAddress", "City", "StateOrRegion", "PostalCode", "CountryCode")
OTHER_COLUMNS = ("PartnerAccountIdentifier", "RequestId")
COLUMNS = frozenset(ACCOUNT_COLUMNS + ADDRESS_COLUMNS + OTHER_COLUMNS)
OPERATION = "CreateCustomerAccount"
Row = dict[str | None, Any]


@contextmanager
def _rows(job: BulkJob) -> Iterator[Iterator[Row]]:
    """The file's rows as dicts by column; JobFailed for what makes the file unusable."""
    try:
        source = read_source(job.company, job.source, field=FIELD)
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
    except SourceRefused as refused:
        raise JobFailed(refused.message) from None
    except SourceProblem as problem:
        raise JobFailed(str(problem)) from None
    except UnicodeDecodeError:
        raise JobFailed(_("The file is not UTF-8 text.")) from None
    except csv.Error as broken:
        raise JobFailed(_("The file is not valid CSV: %(error)s") % {"error": broken}) from None


def _request(job: BulkJob, row: Row) -> dict[str, Any]:
    """The CreateCustomerAccount request a row stands for (blank cells left out)."""
    if row.get(None):
        raise InvalidRequest([], _("The row has more cells than the header."))

    def cells(names: tuple[str, ...]) -> dict[str, str]:
        return {name: str(row[name]).strip() for name in names if (row.get(name) or "").strip()}

    account: dict[str, Any] = cells(ACCOUNT_COLUMNS)
    address = cells(ADDRESS_COLUMNS)
    if address:
        account["Address"] = address
    request = {"Catalog": job.catalog, "Account": account, **cells(("PartnerAccountIdentifier",))}
    validate(service_model().operation_model(OPERATION).input_shape, request)
    return request


def _describe(error: Exception, _identifier: str) -> Refusal | None:
    """The record of a refused row: its ErrorCode and ErrorMessage."""
    if isinstance(error, InvalidRequest):
        code = error.errors[0].code if error.errors else "INVALID_VALUE"
        message = summary(error.errors) if error.errors else error.message
    elif isinstance(error, RuleViolation):
        code = error.errors[0].code
        message = "; ".join(f"{e.field}: {e.message}" for e in error.errors)
    elif isinstance(error, PermissionDenied):
        code, message = "ACCESS_DENIED", str(error.decision.reason)
    else:
        return None
    return Refusal([("", message)], code, message)


def _request_id(number: int, row: Row) -> str:
    """The row's RequestId column, or its number."""
    return (str(row.get("RequestId") or "").strip() or str(number))[:255]


def _creator(job: BulkJob, actor: Actor) -> Callable[[int, Row], CustomerAccount]:
    def create(_number: int, row: Row) -> CustomerAccount:
        request = _request(job, row)
        with transaction.atomic():  # the row's savepoint: a refusal writes nothing
            return accounts.create_customer_account(
                actor, job.catalog, request, import_id=job.public_id
            )

    return create


def _process(job: BulkJob, actor: Actor) -> None:
    with _rows(job) as rows:  # first pass: the count, and a file we can read at all
        total = sum(1 for _row in rows)
    job.rows_expected = total
    BulkJob.objects.filter(pk=job.pk).update(rows_expected=total, updated_at=timezone.now())
    with _rows(job) as rows:
        numbered = enumerate(rows, start=1)
        Runner(job, _describe, _request_id).run(numbered, _creator(job, actor))


def run(public_id: str) -> str:
    """Run a submitted job once (a second delivery of the task finds nothing to do);
    returns the API's status word for how it ended."""
    job = lifecycle.claim(public_id)
    if job is None:
        return "already taken"
    try:
        _process(job, job_actor(job))
    except JobFailed as failed:
        lifecycle.fail(job, str(failed))
        return "FAILED"
    except Exception:
        logger.exception("customer-account bulk job %s failed", public_id)
        lifecycle.fail(job, _("The job stopped on an unexpected error."))
        return "FAILED"
    lifecycle.done(job)
    return "COMPLETED"
