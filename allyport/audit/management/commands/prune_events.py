"""`manage.py prune_events`: delete expired Event history records now, and make sure
the daily run is queued (run it once after `migrate`; running it again never starts a
second daily chain). Prints JSON."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from allyport.audit.tasks import delete_expired, schedule_next
from allyport.core.commands import JsonCommand


class Command(JsonCommand):
    help = (
        "Delete Event history records older than ALLYPORT_EVENT_RETENTION_DAYS now, "
        "and queue the daily prune_events task unless it is queued; prints JSON."
    )

    def answer(self, **options: Any) -> dict[str, Any]:
        # The same steps as the task, run here so the count can be printed.
        scheduled = schedule_next()
        deleted = delete_expired()
        days = settings.ALLYPORT_EVENT_RETENTION_DAYS
        next_run = (
            "The next run is queued for a day from now (manage.py db_worker)."
            if scheduled
            else "The task backend cannot defer tasks: no daily run was queued."
        )
        return {
            "Deleted": deleted,
            "RetentionDays": days,
            "NextRunQueued": scheduled,
            "Message": f"Deleted {deleted} events older than {days} days. {next_run}",
        }
