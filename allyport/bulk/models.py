"""Bulk jobs and their files.

Files (the upload, an export's result, the error report) are stored in the
database in parts of at most `PART_SIZE` bytes (`BulkFilePart`), not on disk:
web processes and task workers share only the database, so a file written by one
must be readable by every other, and parts let both sides stream a file of any
size with flat memory (one part in memory at a time).
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models

from allyport.pipeline.models import Catalog

PART_SIZE = 1024 * 1024


def job_id() -> str:
    return "bulk-" + secrets.token_hex(8)


class BulkJob(models.Model):
    class Kind(models.TextChoices):
        IMPORT = "import", "Import"
        UPDATE = "update", "Update"
        TRANSFER = "transfer", "Transfer"
        EXPORT = "export", "Export"
        LEAD_IMPORT = "lead-import", "Lead import"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    public_id = models.CharField(max_length=24, unique=True, default=job_id, editable=False)
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


class BulkFilePart(models.Model):
    """One part of a job's file, in order of `number`."""

    class Role(models.TextChoices):
        UPLOAD = "upload", "Upload"
        RESULT = "result", "Result"
        ERRORS = "errors", "Errors"

    # The unique constraint's index (job, role, number) serves the lookups.
    job = models.ForeignKey(BulkJob, on_delete=models.CASCADE, related_name="parts", db_index=False)
    role = models.CharField(max_length=8, choices=Role.choices)
    number = models.IntegerField()
    data = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "role", "number"], name="bulk_part_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.job_id}/{self.role}/{self.number}"
