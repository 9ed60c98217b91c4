"""Running a job's rows: one service call per row, rows committed in batches.

Each row is one call of a pipeline service (create, update or assign), and each
such call is atomic: a refused or failing row writes nothing (its savepoint is
rolled back) while the others stand. Rows are committed a batch at a time
(`BATCH_ROWS` rows or `BATCH_SECONDS`, whichever comes first) together with the
job's counters and the batch's error lines, so the counters shown always match
what is stored, and a commit costs one disk sync per batch rather than per row.
Each row's outcome is also kept as a `BulkRecord` (the API's per-record results),
written with its batch.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterator
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.decisions import PermissionDenied
from allyport.bulk.columns import ID, LAST_MODIFIED
from allyport.bulk.models import BulkJob, BulkRecord
from allyport.bulk.storage import PartWriter, Role, TextWriter
from allyport.core.errors import Conflict, NotFound, RuleViolation
from allyport.shapes.selling import service_model
from allyport.shapes.validation import InvalidRequest, validate

BATCH_ROWS = 500
BATCH_SECONDS = 0.5
ERROR_HEADER = ("Row", "Id", "Field", "Message")

Failure = tuple[str, str]  # (field, message)
Handler = Callable[[int, list[str]], object]  # (row number, cells)
Flush = Callable[[], list[tuple[int, list[Failure], str]]]  # (row, failures, error code)


class RowFailed(Exception):
    def __init__(self, failures: list[Failure]) -> None:
        super().__init__("; ".join(message for _field, message in failures))
        self.failures = failures


class JobFailed(Exception):
    """The job cannot go on (unreadable file, lost rights); the message is for people."""


def check_request(operation: str, params: dict[str, Any]) -> None:
    """The API's validation of a request (lengths, patterns, enums, required members)."""
    validate(service_model().operation_model(operation).input_shape, params)


def failures_of(error: Exception, identifier: str = "") -> list[Failure] | None:
    """A service's refusal as (field, message) pairs; None for anything else."""
    if isinstance(error, RowFailed):
        return error.failures
    if isinstance(error, InvalidRequest):
        return [(item.field, item.message) for item in error.errors] or [("", str(error))]
    if isinstance(error, RuleViolation):
        return [(item.field, item.message) for item in error.errors]
    if isinstance(error, Conflict):
        return [(LAST_MODIFIED, str(error))]
    if isinstance(error, NotFound):
        message = _("No opportunity %(id)s that you may change in this catalog.")
        return [(ID, message % {"id": identifier})]
    if isinstance(error, PermissionDenied):
        return [("", error.decision.reason)]
    return None


def error_code(error: Exception) -> str:
    """The record's ErrorCode for a refusal `failures_of` knows."""
    if isinstance(error, Conflict):
        return "CONFLICT"
    if isinstance(error, NotFound):
        return "RESOURCE_NOT_FOUND"
    if isinstance(error, PermissionDenied):
        return "ACCESS_DENIED"
    return "VALIDATION_ERROR"


def record_id(number: int) -> str:
    return f"{number:010d}"


class RecordLog:
    """Each row's outcome; a succeeded row's resource id is read when its batch is
    flushed (an import's id is final only once the batch is inserted)."""

    def __init__(self, job: BulkJob) -> None:
        self.job = job
        self.succeeded: dict[int, tuple[str, object]] = {}
        self.records: list[BulkRecord] = []

    def success(self, number: int, identifier: str, result: object) -> None:
        self.succeeded[number] = (identifier, result)

    def failure(self, number: int, failures: list[Failure], code: str) -> None:
        self.succeeded.pop(number, None)
        message = "; ".join(f"{field}: {text}" if field else text for field, text in failures)
        self.records.append(self._record(number, BulkRecord.Status.FAILED, "", code, message))

    def flush(self) -> None:
        for number, (identifier, result) in self.succeeded.items():
            resource = str(getattr(result, "public_id", "") or identifier)
            self.records.append(self._record(number, BulkRecord.Status.SUCCEEDED, resource))
        BulkRecord.objects.bulk_create(self.records)
        self.succeeded, self.records = {}, []

    def _record(
        self, number: int, status: str, resource: str, code: str = "", message: str = ""
    ) -> BulkRecord:
        return BulkRecord(
            job=self.job,
            public_id=record_id(number),
            row=number,
            status=status,
            resource_identifier=resource[:64],
            error_code=code,
            error_message=message,
        )


class ErrorLog:
    """The error report: CSV lines (row, id, field, message) in the job's parts."""

    def __init__(self, job: BulkJob) -> None:
        self.parts = PartWriter(job, Role.ERRORS)
        self.writer = csv.writer(TextWriter(self.parts))
        self.writer.writerow(ERROR_HEADER)

    def add(self, row: int, identifier: str, failures: list[Failure]) -> None:
        for field, message in failures:
            self.writer.writerow((row, identifier, field, message))

    def flush(self) -> None:
        self.parts.flush()


class Runner:
    """Counts, batches and logs the rows of one job."""

    def __init__(self, job: BulkJob) -> None:
        self.job = job
        self.errors = ErrorLog(job)
        self.outcomes = RecordLog(job)

    def run(
        self,
        records: Iterator[tuple[int, list[str]]],
        handle: Handler,
        identify: Callable[[list[str]], str] = lambda cells: "",
        flush: Flush | None = None,
    ) -> None:
        """Run every row; `flush` completes a batch's rows before it commits and
        returns those that failed then."""
        job = self.job
        more = True
        while more:
            with transaction.atomic():
                more = self._batch(records, handle, identify)
                for number, failures, code in flush() if flush else ():
                    job.succeeded -= 1
                    job.failed += 1
                    self.errors.add(number, "", failures)
                    self.outcomes.failure(number, failures, code)
                self.errors.flush()
                self.outcomes.flush()
                self.save_progress()

    def _batch(
        self,
        records: Iterator[tuple[int, list[str]]],
        handle: Handler,
        identify: Callable[[list[str]], str],
    ) -> bool:
        """Run rows until the batch is full; False once the rows are exhausted."""
        deadline = time.monotonic() + BATCH_SECONDS
        for count, (number, cells) in enumerate(records, start=1):
            self._row(number, cells, handle, identify)
            if count >= BATCH_ROWS or time.monotonic() > deadline:
                return True
        return False

    def _row(
        self,
        number: int,
        cells: list[str],
        handle: Handler,
        identify: Callable[[list[str]], str],
    ) -> None:
        job = self.job
        job.rows += 1
        identifier = identify(cells)
        try:
            result = handle(number, cells)
        except Exception as error:
            failures = failures_of(error, identifier)
            if failures is None:
                raise
            job.failed += 1
            self.errors.add(number, identifier, failures)
            self.outcomes.failure(number, failures, error_code(error))
        else:
            job.succeeded += 1
            self.outcomes.success(number, identifier, result)

    def save_progress(self) -> None:
        job = self.job
        BulkJob.objects.filter(pk=job.pk).update(
            rows=job.rows,
            succeeded=job.succeeded,
            failed=job.failed,
            result_size=job.result_size,
            updated_at=timezone.now(),
        )
