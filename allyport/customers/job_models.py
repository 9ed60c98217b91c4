"""Customer-account bulk jobs (StartCustomerAccountBulkJob …): a job reads a CSV file
of customer accounts through `allyport.bulk.sources` and creates one account per
row; each row's outcome is a record (the API's BulkJobResult)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from allyport.core.ids import alnum
from allyport.pipeline.enums import Catalog


def bulk_job_id() -> str:
    """`bulkjob-` and 13 digits or lower-case letters (the model's JobId)."""
    return "bulkjob-" + alnum(13)


class CustomerAccountBulkJob(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "SUBMITTED", "Submitted"
        IN_PROGRESS = "IN_PROGRESS", "In progress"
        COMPLETED = "COMPLETED", "Completed"
        FAILED = "FAILED", "Failed"

    public_id = models.CharField(max_length=24, unique=True, default=bulk_job_id)
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    catalog = models.CharField(max_length=8, choices=Catalog.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    # The FileUri as given (read again by the worker) and the file's name.
    source_uri = models.TextField()
    file_name = models.CharField(max_length=1024, blank=True)
    # Who started it: the IAM user and key (`allyport.bulk.iam.iam_options`).
    options = models.JSONField(default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    source_ip = models.CharField(max_length=64, blank=True)
    total_records = models.PositiveIntegerField(default=0)
    processed_records = models.PositiveIntegerField(default=0)
    success_count = models.PositiveIntegerField(default=0)
    failure_count = models.PositiveIntegerField(default=0)
    # Accounts this job made that were deleted since: only goes up.
    deleted_count = models.PositiveIntegerField(default=0)
    failure_reason = models.TextField(blank=True)
    created_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["company", "catalog", "created_at", "public_id"], name="custjob_recent_idx"
            )
        ]

    def __str__(self) -> str:
        return self.public_id

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.COMPLETED, self.Status.FAILED)


class CustomerAccountBulkRecord(models.Model):
    """One row's outcome. `public_id` is the row number zero-padded, so the keyset
    paginator's text order is the file's order."""

    class Status(models.TextChoices):
        SUCCEEDED = "SUCCEEDED", "Succeeded"
        FAILED = "FAILED", "Failed"

    job = models.ForeignKey(
        CustomerAccountBulkJob, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    public_id = models.CharField(max_length=12)
    request_id = models.CharField(max_length=255)
    status = models.CharField(max_length=9, choices=Status.choices)
    resource_identifier = models.CharField(max_length=24, blank=True)
    error_code = models.CharField(max_length=32, blank=True)
    error_message = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "public_id"], name="custjob_record_unique")
        ]
        indexes = [
            models.Index(fields=["job", "status", "public_id"], name="custjob_record_status_idx")
        ]

    def __str__(self) -> str:
        return f"{self.job_id}/{self.public_id}"
