"""`manage.py worker`: the task worker (`db_worker`, same options) that outlives a
database outage.

`db_worker` exits when PostgreSQL restarts or fails over (its next poll raises
OperationalError). This one waits and polls again, 1 s doubling to 30 s apart, so
the workers recover by themselves as the app servers do; a stop signal still ends
it at once. A task that was running when the connection dropped stays as its
worker left it (a bulk job is failed by the sweep; see docs/deploy.md).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger("allyport.worker")
FIRST_WAIT = 1.0
LONGEST_WAIT = 30.0
STEADY = 60.0  # a run this long resets the wait


class PatientWorker(db_worker.Worker):
    def run(self) -> None:
        wait = FIRST_WAIT
        while self.running:
            started = time.monotonic()
            try:
                super().run()
                return  # --batch, --max-tasks or a stop signal
            except (OperationalError, InterfaceError) as error:
                if time.monotonic() - started > STEADY:
                    wait = FIRST_WAIT
                logger.warning("Task worker %s: database unreachable (%s); polling again in %.0f s",
                               self.worker_id, str(error).splitlines()[0], wait)  # fmt: skip
                connections.close_all()
                self._sleep(wait)
                wait = min(wait * 2, LONGEST_WAIT)

    def _sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while self.running and time.monotonic() < deadline:
            time.sleep(min(0.2, deadline - time.monotonic()))


class Command(db_worker.Command):
    help = "Run a task worker that waits out database outages (db_worker's options)."

    def handle(self, *args: Any, **options: Any) -> None:
        original = db_worker.Worker
        db_worker.Worker = PatientWorker  # type: ignore[misc]  # handle() builds it by name
        try:
            super().handle(*args, **options)
        finally:
            db_worker.Worker = original  # type: ignore[misc]
