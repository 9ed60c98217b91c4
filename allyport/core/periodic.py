"""Periodic tasks without a scheduler process: a periodic task queues its own next
run (`run_after`) on the database task queue, so one run started by a management
command at release keeps a chain going on the task worker (`manage.py db_worker`).
Starting it again never adds a second chain: a run is queued only when none waits.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone
from django_tasks import TaskResultStatus


def _already_queued(task: Any) -> bool:
    """Whether a later run waits in the database queue (a running job is RUNNING,
    not READY, so a run never counts itself)."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(task_path=task.module_path, status=TaskResultStatus.READY)
    return waiting.exists()


def schedule_next(task: Any, every: timedelta) -> bool:
    """Queue `task`'s next run `every` from now, unless one is queued; False when the
    backend cannot defer (the immediate backend of the tests runs tasks at once)."""
    from django_tasks_db.backend import DatabaseBackend

    backend = task.get_backend()
    if not backend.supports_defer or not isinstance(backend, DatabaseBackend):
        return False
    if not _already_queued(task):
        task.using(run_after=timezone.now() + every).enqueue()
    return True
