"""The report of an API bulk job behind a signed, expiring link (like a presigned S3
URL): GetOpportunityBulkJobReportUrl signs (company, job, report type, expiry)
with django.core.signing; the download view needs no session and checks the
signature, the expiry and that the job is still the company's.

The report lists the job's records (the API's BulkJobResult members) in file
order, the failed ones or all, read from the database a page at a time. Both kinds
of API bulk job (opportunities in `bulk`, customer accounts in `customers`) use
this module with their own `Reports`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from allyport.core.spreadsheets import safe_cell
from allyport.jobs.models import BulkJob, BulkRecord

LIFETIME = timedelta(minutes=15)  # as the API's documentation says
FAILED_RECORDS, ALL_RECORDS = "FAILED_RECORDS", "ALL_RECORDS"
HEADER = ("RequestId", "Status", "ResourceIdentifier", "ErrorCode", "ErrorMessage")
PAGE = 1000


@dataclass(frozen=True)
class Reports:
    """One API's job reports: its link's salt and route, the job kinds it serves, and
    the record attribute that is the RequestId."""

    salt: str
    route: str
    kinds: frozenset[str]
    request_id: str


class Refused(Exception):
    """The link cannot be served: `status` 403 (tampered, expired) or 404 (job gone)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def url(kind: Reports, job: Any, report_type: str, expires: datetime) -> str:
    payload = {
        "c": job.company.public_id,
        "j": job.public_id,
        "t": report_type,
        "e": int(expires.timestamp()),
    }
    token = signing.dumps(payload, salt=kind.salt, compress=True)
    return settings.ALLYPORT_PUBLIC_URL + reverse(kind.route, args=[token])


def open_link(kind: Reports, token: str) -> tuple[Any, str]:
    """The job and report type a link names; Refused otherwise."""
    try:
        data = signing.loads(token, salt=kind.salt)
        company, job_id, report_type = str(data["c"]), str(data["j"]), str(data["t"])
        expires = datetime.fromtimestamp(int(data["e"]), tz=UTC)
    except (signing.BadSignature, KeyError, TypeError, ValueError, OverflowError):
        raise Refused(403, "The request signature does not match.") from None
    if report_type not in (FAILED_RECORDS, ALL_RECORDS):
        raise Refused(403, "The request signature does not match.")
    if timezone.now() >= expires:
        raise Refused(403, "Request has expired.")
    jobs = BulkJob.objects.filter(public_id=job_id, company__public_id=company, kind__in=kind.kinds)
    job = jobs.first()
    if job is None:
        raise Refused(404, "The report does not exist.")
    return job, report_type


def _records(kind: Reports, job: Any, report_type: str) -> Iterator[Any]:
    """In keyset pages (no long-lived cursor while the response streams)."""
    records = BulkRecord.objects.filter(job=job).order_by("public_id")
    if report_type == FAILED_RECORDS:
        records = records.filter(status="FAILED")
    last = ""
    while True:
        page = list(records.filter(public_id__gt=last)[:PAGE])
        yield from page
        if len(page) < PAGE:
            return
        last = page[-1].public_id


def lines(kind: Reports, job: Any, report_type: str) -> Iterator[str]:
    """The CSV's lines (cells guarded against formulas)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for record in _records(kind, job, report_type):
        cells = (getattr(record, kind.request_id), record.status, record.resource_identifier,
                 record.error_code, record.error_message)  # fmt: skip
        writer.writerow([safe_cell(cell) for cell in cells])
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    yield out.getvalue()
