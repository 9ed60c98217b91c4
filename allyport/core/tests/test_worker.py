"""`manage.py worker` waits out a database outage where `db_worker` exits."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import OperationalError
from django_tasks_db.management.commands import db_worker

from allyport.core.management.commands import worker


def _worker() -> worker.PatientWorker:
    return worker.PatientWorker(
        queue_names=["default"], interval=0, batch=True, backend_name="default",
        startup_delay=False, max_tasks=None, worker_id="w", excluded_queue_names=[],
    )  # fmt: skip


def test_it_polls_again_after_the_database_comes_back(monkeypatch: pytest.MonkeyPatch) -> None:
    outcomes: list[Any] = [
        OperationalError("connection refused"),
        OperationalError("refused"),
        None,
    ]
    waits: list[float] = []

    def run(self: db_worker.Worker) -> None:
        outcome = outcomes.pop(0)
        if outcome:
            raise outcome

    monkeypatch.setattr(db_worker.Worker, "run", run)
    monkeypatch.setattr(worker.PatientWorker, "_sleep", lambda self, seconds: waits.append(seconds))
    _worker().run()
    assert outcomes == []  # ran a third time, after two outages
    assert waits == [1.0, 2.0]  # the wait doubles


def test_a_stop_signal_ends_it_during_an_outage(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    patient = _worker()

    def run(self: db_worker.Worker) -> None:
        calls.append("run")
        raise OperationalError("connection refused")

    monkeypatch.setattr(db_worker.Worker, "run", run)
    monkeypatch.setattr(
        worker.PatientWorker, "_sleep", lambda self, seconds: patient.shutdown(15, None)
    )
    with pytest.raises(SystemExit):  # as db_worker ends between tasks
        patient.run()
    assert calls == ["run"]


def test_db_worker_itself_gives_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """Why the command exists: the library's worker lets the error end the process."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def down(*args: Any, **kwargs: Any) -> Any:
        raise OperationalError("connection refused")

    monkeypatch.setattr(db_worker.DBTaskResult.objects, "ready", down)
    with pytest.raises(OperationalError):
        db_worker.Worker(
            queue_names=["default"], interval=0, batch=True, backend_name="default",
            startup_delay=False, max_tasks=None, worker_id="w", excluded_queue_names=[],
        ).run()  # fmt: skip
