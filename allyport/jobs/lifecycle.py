"""A job's life: queued, claimed once by a worker (running), then done or failed.

A job runs once: the worker claims it by moving it from queued to running, so a
second delivery of its task finds nothing to do. A failed job keeps its counters as
the last committed batch wrote them (what is stored)."""

from __future__ import annotations

from django.utils import timezone

from allyport.jobs.models import BulkJob

Status = BulkJob.Status


def claim(public_id: str) -> BulkJob | None:
    """The job, now running; None when another worker has it (or it is finished)."""
    now = timezone.now()
    claimed = BulkJob.objects.filter(public_id=public_id, status=Status.QUEUED).update(
        status=Status.RUNNING, started_at=now, updated_at=now
    )
    if not claimed:
        return None
    return BulkJob.objects.select_related("company", "created_by__company").get(public_id=public_id)


def done(job: BulkJob) -> None:
    now = timezone.now()
    BulkJob.objects.filter(pk=job.pk).update(
        status=Status.DONE,
        rows=job.rows,
        succeeded=job.succeeded,
        failed=job.failed,
        result_size=job.result_size,
        finished_at=now,
        updated_at=now,
    )


def fail(job: BulkJob, message: str) -> None:
    now = timezone.now()
    BulkJob.objects.filter(pk=job.pk).update(
        status=Status.FAILED, message=message, finished_at=now, updated_at=now
    )
