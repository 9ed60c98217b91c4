"""`ALLYPORT_JOB_STALLED_SECONDS` says when a running job's silence means its worker died."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from allyport.jobs import recovery
from allyport.jobs.models import BulkJob

pytestmark = pytest.mark.django_db


def _running(company: Any, silent_for: timedelta) -> BulkJob:
    job = BulkJob.objects.create(
        company=company, catalog="AWS", kind="import", status=BulkJob.Status.RUNNING
    )
    then = timezone.now() - silent_for
    BulkJob.objects.filter(pk=job.pk).update(started_at=then, updated_at=then)
    return job


def test_a_shorter_threshold_fails_a_silent_job_sooner(company: Any, settings: Any) -> None:
    settings.ALLYPORT_JOB_STALLED_SECONDS = 60
    silent = _running(company, timedelta(minutes=2))
    working = _running(company, timedelta(seconds=10))
    assert recovery.recover_stalled() == 1
    silent.refresh_from_db()
    working.refresh_from_db()
    assert silent.status == BulkJob.Status.FAILED and "worker stopped" in silent.message
    assert working.status == BulkJob.Status.RUNNING


def test_the_default_waits_half_an_hour(company: Any, settings: Any) -> None:
    assert settings.ALLYPORT_JOB_STALLED_SECONDS == 1800
    job = _running(company, timedelta(minutes=20))
    assert recovery.recover_stalled() == 0
    job.refresh_from_db()
    assert job.status == BulkJob.Status.RUNNING
