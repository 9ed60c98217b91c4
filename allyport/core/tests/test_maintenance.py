"""The maintenance sweep: expired invitations are announced without anybody reading
them, stalled webhook deliveries and bulk jobs are picked up again, and the periodic
chain never doubles."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks import default_task_backend

from allyport.core import maintenance
from allyport.events import recovery as event_recovery
from allyport.events.models import Event
from allyport.events.tests.conftest import make_webhook
from allyport.jobs import recovery as bulk_recovery
from allyport.jobs.models import BulkJob
from allyport.pipeline.models import EngagementInvitation
from allyport.pipeline.tests.engagement_fixtures import age, share

pytestmark = pytest.mark.django_db
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_it_expires_and_announces_invitations_nobody_read(
    company: Any, lead: Any, django_capture_on_commit_callbacks: Any
) -> None:
    make_webhook(lead, "https://hooks.example.com/in", "Engagement Invitation Expired")
    fresh, stale = share(company), share(company)
    age(stale, 15)
    with django_capture_on_commit_callbacks(execute=True):
        results = maintenance.sweep_all()
    assert results["expired invitations"] == 1
    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert stale.status == EngagementInvitation.Status.EXPIRED
    assert fresh.status == EngagementInvitation.Status.PENDING
    expired = Event.objects.get(detail_type="Engagement Invitation Expired")
    assert expired.company_id == company.pk
    # A second sweep finds nothing more to do and announces nothing twice.
    with django_capture_on_commit_callbacks(execute=True):
        assert maintenance.sweep_all()["expired invitations"] == 0
    assert Event.objects.filter(detail_type="Engagement Invitation Expired").count() == 1


def _job(company: Any, status: str, age: timedelta) -> BulkJob:
    job = BulkJob.objects.create(company=company, catalog="AWS", kind="import", status=status)
    then = timezone.now() - age
    BulkJob.objects.filter(pk=job.pk).update(created_at=then, updated_at=then)
    return job


@override_settings(TASKS=DUMMY_TASKS)
def test_it_queues_again_a_bulk_job_that_never_started(company: Any) -> None:
    recent = _job(company, BulkJob.Status.QUEUED, timedelta(minutes=1))
    lost = _job(company, BulkJob.Status.QUEUED, bulk_recovery.QUEUED_GRACE + timedelta(minutes=1))
    assert bulk_recovery.recover_stalled() == 1
    (queued,) = default_task_backend.results  # type: ignore[attr-defined]
    assert queued.args == [lost.public_id]
    assert recent.public_id not in queued.args


def test_it_fails_a_bulk_job_whose_worker_stopped(company: Any) -> None:
    busy = _job(company, BulkJob.Status.RUNNING, timedelta(minutes=5))
    stopped = _job(company, BulkJob.Status.RUNNING, bulk_recovery.STALLED_AFTER * 2)
    done = _job(company, BulkJob.Status.DONE, timedelta(days=3))
    assert bulk_recovery.recover_stalled() == 1
    stopped.refresh_from_db()
    assert stopped.status == BulkJob.Status.FAILED
    assert "worker stopped" in stopped.message and stopped.finished_at is not None
    busy.refresh_from_db()
    done.refresh_from_db()
    assert (busy.status, done.status) == (BulkJob.Status.RUNNING, BulkJob.Status.DONE)


def test_one_failing_sweep_does_not_stop_the_others(monkeypatch: Any, company: Any) -> None:
    def broken() -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(event_recovery, "requeue_stalled", broken)
    stale = share(company)
    age(stale, 16)
    results = maintenance.sweep_all()
    assert results["stalled webhook deliveries"] == -1
    assert results["expired invitations"] == 1


@override_settings(TASKS=DB_TASKS)
def test_the_command_sweeps_and_starts_one_chain_only() -> None:
    from django_tasks_db.models import DBTaskResult

    out = io.StringIO()
    call_command("sweep", stdout=out)
    answer = json.loads(out.getvalue())
    assert answer["Repaired"]["expired invitations"] == 0 and answer["Failed"] == []
    assert (answer["NextRunQueued"], answer["EveryMinutes"]) == (True, 10)
    path = maintenance.run_sweeps.module_path
    (queued,) = DBTaskResult.objects.filter(task_path=path)
    assert queued.run_after > timezone.now() + timedelta(minutes=9)
    call_command("sweep", stdout=io.StringIO())
    maintenance.run_sweeps.call()  # a run queues its successor only when none waits
    assert DBTaskResult.objects.filter(task_path=path).count() == 1
