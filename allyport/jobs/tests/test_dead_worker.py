"""A worker that dies leaves no job of any kind running: the recovery sweep fails each
running job whose heartbeat (its last committed batch) is stale, keeping what its
batches stored, and queues again each job whose queue entry was lost, whatever app
registered its kind."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import override_settings
from django.utils import timezone

from allyport.customers.services import bulk_jobs
from allyport.jobs import kinds, recovery
from allyport.jobs.models import BulkJob, BulkRecord

pytestmark = pytest.mark.django_db
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
EVERY_KIND = {"import", "update", "transfer", "export", "lead-import", "lead-export", "opportunity",
              "customer-account", "marketing-activation", "marketing-export"}  # fmt: skip


def _left_running(company: Any, kind: str) -> BulkJob:
    """A job its worker claimed, committed one batch of (two rows) and then died on."""
    job = BulkJob.objects.create(
        company=company, catalog="AWS", kind=kind, status=BulkJob.Status.RUNNING,
        rows_expected=10, rows=2, succeeded=1, failed=1,
    )  # fmt: skip
    for row, status in ((1, BulkRecord.Status.SUCCEEDED), (2, BulkRecord.Status.FAILED)):
        BulkRecord.objects.create(job=job, public_id=f"{row:010d}", row=row, status=status)
    stale = timezone.now() - recovery.STALLED_AFTER - timedelta(minutes=1)
    BulkJob.objects.filter(pk=job.pk).update(started_at=stale, updated_at=stale)
    return job


def test_every_app_registers_its_kinds() -> None:
    assert {kind.name for kind in kinds.registered()} == EVERY_KIND


def test_a_dead_worker_leaves_no_job_of_any_kind_in_progress(company: Any) -> None:
    jobs = [_left_running(company, kind.name) for kind in kinds.registered()]
    assert recovery.recover_stalled() == len(EVERY_KIND)
    assert not BulkJob.objects.filter(status=BulkJob.Status.RUNNING).exists()
    for job in jobs:
        job.refresh_from_db()
        assert job.status == BulkJob.Status.FAILED and job.message and job.finished_at
        # What the committed batch stored stays, and the counters say so.
        assert (job.rows, job.succeeded, job.failed) == (2, 1, 1)
        assert BulkRecord.objects.filter(job=job).count() == 2
    customer_job = next(job for job in jobs if job.kind == "customer-account")
    assert bulk_jobs.summary(customer_job)["Status"] == "FAILED"
    assert bulk_jobs.summary(customer_job)["FailureReason"] == customer_job.message


@override_settings(TASKS=DUMMY_TASKS)
def test_a_lost_queue_entry_is_queued_again_for_every_kind(company: Any) -> None:
    from django_tasks import default_task_backend

    old = timezone.now() - recovery.QUEUED_GRACE - timedelta(minutes=1)
    for kind in kinds.registered():
        job = BulkJob.objects.create(company=company, catalog="AWS", kind=kind.name)
        BulkJob.objects.filter(pk=job.pk).update(created_at=old, updated_at=old)
    default_task_backend.clear()  # type: ignore[attr-defined]
    assert recovery.recover_stalled() == len(EVERY_KIND)
    queued = default_task_backend.results  # type: ignore[attr-defined]
    assert len(queued) == len(EVERY_KIND)
    assert {result.task.name for result in queued} == {
        "run_bulk_job",
        "run_customer_account_bulk_job",
        "run_marketing_job",
    }
