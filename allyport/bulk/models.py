"""Bulk jobs and their files.

Files (the upload, an export's result, the error report) are stored in the
database in parts of at most `PART_SIZE` bytes (`BulkFilePart`), not on disk:
web processes and task workers share only the database, so a file written by one
must be readable by every other, and parts let both sides stream a file of any
size with flat memory (one part in memory at a time).
"""

from __future__ import annotations

import secrets
import string

from django.conf import settings
from django.db import models
from django.db.models import Q

from allyport.pipeline.enums import Catalog

PART_SIZE = 1024 * 1024
_ID_ALPHABET = string.digits + string.ascii_lowercase


def _random_id(prefix: str) -> str:
    return prefix + "".join(secrets.choice(_ID_ALPHABET) for _ in range(13))


def job_id() -> str:
    """The selling API's BulkJobId form (`bulkjob-[0-9a-z]{13}`)."""
    return _random_id("bulkjob-")


def file_id() -> str:
    return _random_id("bulkfile-")


class BulkJob(models.Model):
    class Kind(models.TextChoices):
        IMPORT = "import", "Import"
        UPDATE = "update", "Update"
        TRANSFER = "transfer", "Transfer"
        EXPORT = "export", "Export"
        LEAD_IMPORT = "lead-import", "Lead import"
        # Started through the API: import or update, decided by the file's header
        # when the worker reads it (the API's OperationType is unset until then).
        OPPORTUNITY = "opportunity", "Import or update"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    public_id = models.CharField(max_length=24, unique=True, default=job_id, editable=False)
    # The id a job had before ids took the API's form (`bulk-<16 hex>`): old links
    # to it redirect to the job's page.
    legacy_id = models.CharField(max_length=24, null=True, blank=True, unique=True, editable=False)
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    catalog = models.CharField(max_length=8, choices=Catalog.choices)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    source_ip = models.CharField(max_length=64, blank=True)
    # What the job reads: an upload (import, update, transfer) or the list's filters
    # and the assignee (export, transfer), as the services take them.
    file_name = models.CharField(max_length=255, blank=True)
    file_format = models.CharField(max_length=4, choices=Format.choices, blank=True)
    file_size = models.BigIntegerField(default=0)
    options = models.JSONField(default=dict, blank=True)
    # Counters, written with each batch of rows in the batch's own transaction, so
    # they always agree with what is stored.
    rows_expected = models.IntegerField(null=True, blank=True)
    rows = models.IntegerField(default=0)
    succeeded = models.IntegerField(default=0)
    failed = models.IntegerField(default=0)
    message = models.TextField(blank=True)  # why a failed job stopped
    result_format = models.CharField(max_length=4, choices=Format.choices, blank=True)
    result_size = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["company", "-created_at", "-id"], name="bulk_company_recent_idx"),
        ]

    def __str__(self) -> str:
        return self.public_id

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int | None:
        """Progress while running: rows read of those expected (an estimate)."""
        if self.status == self.Status.DONE:
            return 100
        if not self.rows_expected:
            return None
        return min(99, self.rows * 100 // self.rows_expected)


class BulkFile(models.Model):
    """A file a company uploads on the Bulk page for the API to read (FileURI)."""

    public_id = models.CharField(max_length=24, unique=True, default=file_id, editable=False)
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    name = models.CharField(max_length=255)
    size = models.BigIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["company", "-created_at", "-id"], name="bulk_file_recent_idx"),
        ]

    def __str__(self) -> str:
        return self.public_id


class BulkRecord(models.Model):
    """The outcome of one row of an import, update or transfer (the API's BulkJobResult).

    `public_id` is the row number zero-padded, so that the keyset paginator's string
    order is the file's order."""

    class Status(models.TextChoices):
        SUCCEEDED = "SUCCEEDED", "Succeeded"
        FAILED = "FAILED", "Failed"

    job = models.ForeignKey(BulkJob, on_delete=models.CASCADE, related_name="+", db_index=False)
    public_id = models.CharField(max_length=12)
    row = models.IntegerField()
    status = models.CharField(max_length=9, choices=Status.choices)
    resource_identifier = models.CharField(max_length=64, blank=True)
    error_code = models.CharField(max_length=32, blank=True)
    error_message = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "public_id"], name="bulk_record_unique"),
        ]
        indexes = [
            models.Index(fields=["job", "status", "public_id"], name="bulk_record_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.job_id}/{self.row}"


class BulkFilePart(models.Model):
    """One part of a job's file, or of an uploaded API file, in order of `number`."""

    class Role(models.TextChoices):
        UPLOAD = "upload", "Upload"
        RESULT = "result", "Result"
        ERRORS = "errors", "Errors"

    # The unique constraint's index (job, role, number) serves the lookups.
    job = models.ForeignKey(
        BulkJob, on_delete=models.CASCADE, related_name="parts", db_index=False, null=True
    )
    file = models.ForeignKey(
        BulkFile, on_delete=models.CASCADE, related_name="parts", db_index=False, null=True
    )
    role = models.CharField(max_length=8, choices=Role.choices)
    number = models.IntegerField()
    data = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "role", "number"], name="bulk_part_unique"),
            models.UniqueConstraint(
                fields=["file", "role", "number"], name="bulk_file_part_unique"
            ),
            models.CheckConstraint(
                condition=Q(job__isnull=False, file__isnull=True)
                | Q(job__isnull=True, file__isnull=False),
                name="bulk_part_one_owner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.job_id or self.file_id}/{self.role}/{self.number}"
