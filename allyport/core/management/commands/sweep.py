"""`manage.py sweep`: run the maintenance sweeps now (expired invitations, stalled
webhook deliveries and bulk jobs) and make sure their periodic run is queued (run it
once after `migrate`; running it again never starts a second chain). Prints JSON."""

from __future__ import annotations

from typing import Any

from allyport.core.commands import JsonCommand
from allyport.core.maintenance import EVERY, schedule_next, sweep_all


class Command(JsonCommand):
    help = "Run the maintenance sweeps now and queue their periodic run unless it is queued."

    def answer(self, **options: Any) -> dict[str, Any]:
        scheduled = schedule_next()
        results = sweep_all()
        return {
            "Repaired": {name: count for name, count in results.items() if count >= 0},
            "Failed": [name for name, count in results.items() if count < 0],  # see the log
            "NextRunQueued": scheduled,
            "EveryMinutes": int(EVERY.total_seconds() // 60),
        }
