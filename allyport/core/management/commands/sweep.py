"""`manage.py sweep`: run the maintenance sweeps now (expired invitations, stalled
webhook deliveries and bulk jobs) and make sure their periodic run is queued (run it
once after `migrate`; running it again never starts a second chain)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from allyport.core.maintenance import EVERY, schedule_next, sweep_all


class Command(BaseCommand):
    help = "Run the maintenance sweeps now and queue their periodic run unless it is queued."

    def handle(self, *args: Any, **options: Any) -> None:
        scheduled = schedule_next()
        for name, repaired in sweep_all().items():
            outcome = "failed (see the log)" if repaired < 0 else f"{repaired} repaired"
            self.stdout.write(f"{name}: {outcome}")
        minutes = int(EVERY.total_seconds() // 60)
        if scheduled:
            self.stdout.write(f"The next run is queued for {minutes} minutes from now (db_worker).")
        else:
            self.stdout.write("The task backend cannot defer tasks: no periodic run was queued.")
