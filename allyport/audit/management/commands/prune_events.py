"""`manage.py prune_events`: delete expired Event history records now, and make sure
the daily run is queued (run it once after `migrate`; running it again never starts a
second daily chain)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from allyport.audit.tasks import delete_expired, schedule_next


class Command(BaseCommand):
    help = (
        "Delete Event history records older than ALLYPORT_EVENT_RETENTION_DAYS now, "
        "and queue the daily prune_events task unless it is queued."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        # The same steps as the task, run here so the count can be printed.
        scheduled = schedule_next()
        deleted = delete_expired()
        days = settings.ALLYPORT_EVENT_RETENTION_DAYS
        self.stdout.write(f"Deleted {deleted} events older than {days} days.")
        if scheduled:
            self.stdout.write("The next run is queued for a day from now (manage.py db_worker).")
        else:
            self.stdout.write("The task backend cannot defer tasks: no daily run was queued.")
