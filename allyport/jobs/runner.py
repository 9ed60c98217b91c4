"""Running a job's rows: one call per row, rows committed in batches.

Each row is one call (a service's create, update or assign) inside its own
savepoint: a refused or failing row writes nothing while the others stand. Rows are
committed a batch at a time (`BATCH_ROWS` rows or `BATCH_SECONDS`, whichever comes
first) together with the job's counters, the batch's error lines and its records
(the API's per-record results), so the counters shown always match what is stored,
a commit costs one disk sync per batch rather than per row, and each batch's commit
is the job's heartbeat (`updated_at`) that the recovery sweep reads.

The framework knows no domain's errors: each kind passes `describe`, which turns
a refusal into a `Refusal` (and anything else into None: the job stops).
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from allyport.jobs.models import BulkJob, BulkRecord
from allyport.jobs.storage import PartWriter, Role, TextWriter

BATCH_ROWS = 500
BATCH_SECONDS = 0.5
ERROR_HEADER = ("Row", "Id", "Field", "Message")

Failure = tuple[str, str]  # (field, message)
Row = Any  # a row as its kind reads it: its cells, or a dict by column
Handler = Callable[[int, Row], object]  # (row number, row)
Flush = Callable[[], list[tuple[int, list[Failure], str]]]  # (row, failures, error code)


@dataclass(frozen=True)
class Refusal:
    """A refused row: its (field, message) pairs, the record's ErrorCode, and the
    record's ErrorMessage when it is not the pairs joined."""

    failures: list[Failure]
    code: str
    message: str = ""


Describe = Callable[[Exception, str], Refusal | None]  # (error, row's identifier)


class RowFailed(Exception):
    def __init__(self, failures: list[Failure]) -> None:
        super().__init__("; ".join(message for _field, message in failures))
        self.failures = failures


class JobFailed(Exception):
    """The job cannot go on (unreadable file, lost rights); the message is for people."""


def record_id(number: int) -> str:
    return f"{number:010d}"


def joined(failures: list[Failure]) -> str:
    return "; ".join(f"{field}: {text}" if field else text for field, text in failures)


class RecordLog:
    """Each row's outcome; a succeeded row's resource id is read when its batch is
    flushed (an import's id is final only once the batch is inserted)."""

    def __init__(self, job: BulkJob) -> None:
        self.job = job
        self.succeeded: dict[int, tuple[str, object, str]] = {}
        self.records: list[BulkRecord] = []

    def success(self, number: int, identifier: str, result: object, request_id: str = "") -> None:
        self.succeeded[number] = (identifier, result, request_id)

    def failure(self, number: int, refusal: Refusal, request_id: str = "") -> None:
        self.succeeded.pop(number, None)
        message = refusal.message or joined(refusal.failures)
        self.records.append(
            self._record(number, BulkRecord.Status.FAILED, "", request_id, refusal.code, message)
        )

    def flush(self) -> None:
        for number, (identifier, result, request_id) in self.succeeded.items():
            resource = str(getattr(result, "public_id", "") or identifier)
            self.records.append(
                self._record(number, BulkRecord.Status.SUCCEEDED, resource, request_id)
            )
        BulkRecord.objects.bulk_create(self.records)
        self.succeeded, self.records = {}, []

    def _record(
        self,
        number: int,
        status: str,
        resource: str,
        request_id: str,
        code: str = "",
        message: str = "",
    ) -> BulkRecord:
        return BulkRecord(
            job=self.job,
            public_id=record_id(number),
            row=number,
            request_id=request_id[:255],
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
    """Counts, batches and logs the rows of one job.

    `describe` names a row's refusal (the kind's errors); `request_id` gives the
    row's id in the records (the caller's RequestId column) where the kind has one."""

    def __init__(
        self,
        job: BulkJob,
        describe: Describe,
        request_id: Callable[[int, Row], str] | None = None,
    ) -> None:
        self.job = job
        self.describe = describe
        self.request_id = request_id
        self.errors = ErrorLog(job)
        self.outcomes = RecordLog(job)

    def run(
        self,
        records: Iterator[tuple[int, Row]],
        handle: Handler,
        identify: Callable[[Row], str] = lambda cells: "",
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
                    self.outcomes.failure(number, Refusal(failures, code))
                self.errors.flush()
                self.outcomes.flush()
                self.save_progress()

    def _batch(
        self,
        records: Iterator[tuple[int, Row]],
        handle: Handler,
        identify: Callable[[Row], str],
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
        cells: Row,
        handle: Handler,
        identify: Callable[[Row], str],
    ) -> None:
        job = self.job
        job.rows += 1
        identifier = identify(cells)
        request_id = self.request_id(number, cells) if self.request_id else ""
        try:
            result = handle(number, cells)
        except Exception as error:
            refusal = self.describe(error, identifier)
            if refusal is None:
                raise
            job.failed += 1
            self.errors.add(number, identifier, refusal.failures)
            self.outcomes.failure(number, refusal, request_id)
        else:
            job.succeeded += 1
            self.outcomes.success(number, identifier, result, request_id)

    def save_progress(self) -> None:
        job = self.job
        BulkJob.objects.filter(pk=job.pk).update(
            rows=job.rows,
            succeeded=job.succeeded,
            failed=job.failed,
            result_size=job.result_size,
            updated_at=timezone.now(),
        )
