"""Retention: prune_events deletes records past ALLYPORT_EVENT_RETENTION_DAYS in
batches and keeps one daily run queued; the command runs it now."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from allyport.accounts.models import Company
from allyport.audit import tasks
from allyport.audit.models import AuditEvent
from allyport.audit.tests.event_history_factory import add_event

DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def _only_these_events(company: Company) -> None:
    """Registration records CreatePartner; these tests count only the events they add."""
    AuditEvent.objects.all().delete()


def _names() -> set[str]:
    return set(AuditEvent.objects.values_list("event_name", flat=True))


def test_it_prunes_old_records_in_batches(company: Company, settings) -> None:  # type: ignore[no-untyped-def]
    for n in range(7):
        add_event(company, f"Old{n}", ago=timedelta(days=91 + n))
    add_event(None, "OldAnonymous", ago=timedelta(days=100))
    add_event(company, "Kept", ago=timedelta(days=89))
    assert tasks.delete_expired(batch=3) == 8
    assert _names() == {"Kept"}
    settings.ALLYPORT_EVENT_RETENTION_DAYS = 30
    assert tasks.delete_expired() == 1 and not _names()


def test_it_runs_the_task_on_the_immediate_backend(company: Company) -> None:
    add_event(company, "Old", ago=timedelta(days=95))
    add_event(company, "Kept")
    result = tasks.prune_events.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 1
    assert _names() == {"Kept"}


@override_settings(TASKS=DB_QUEUE)
def test_it_queues_the_next_run_a_day_later_once(company: Company) -> None:
    add_event(company, "Old", ago=timedelta(days=95))
    before = timezone.now()
    assert tasks.prune_events.call() == 1
    queued = DBTaskResult.objects.get(task_path=tasks.prune_events.module_path)
    assert queued.status == TaskResultStatus.READY
    assert before + timedelta(days=1) <= queued.run_after <= timezone.now() + timedelta(days=1)
    tasks.prune_events.call()  # a second run (or the command) adds no second chain
    assert DBTaskResult.objects.filter(task_path=tasks.prune_events.module_path).count() == 1


@override_settings(TASKS=DB_QUEUE)
def test_it_prunes_from_the_command_and_queues_the_daily_run(company: Company) -> None:
    add_event(company, "Old1", ago=timedelta(days=91))
    add_event(company, "Old2", ago=timedelta(days=120))
    add_event(company, "Kept")
    out = io.StringIO()
    call_command("prune_events", stdout=out)
    answer = json.loads(out.getvalue())
    assert (answer["Deleted"], answer["RetentionDays"], answer["NextRunQueued"]) == (2, 90, True)
    assert "Deleted 2 events older than 90 days." in answer["Message"]
    assert _names() == {"Kept"}
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1


def test_it_says_when_the_backend_cannot_queue_a_later_run(db: None) -> None:
    out = io.StringIO()
    call_command("prune_events", stdout=out)
    answer = json.loads(out.getvalue())
    assert answer["Deleted"] == 0 and answer["NextRunQueued"] is False
    assert "cannot defer" in answer["Message"]


@pytest.mark.parametrize("days", [1, 90])
def test_it_keeps_what_is_inside_the_period(company: Company, settings, days: int) -> None:  # type: ignore[no-untyped-def]
    settings.ALLYPORT_EVENT_RETENTION_DAYS = days
    add_event(company, "Inside", ago=timedelta(days=days) - timedelta(minutes=5))
    assert tasks.delete_expired() == 0 and _names() == {"Inside"}
