"""The maintenance sweep: work that must happen even when nobody asks for it.

Each sweep repairs what a missed moment would leave behind, and each is safe to
run any number of times, at once or concurrently:
- pending engagement invitations past their 15 days are marked Expired and
  announced (lists and reads also expire them lazily; the sweep makes the
  "Engagement Invitation Expired" event leave on time);
- webhook deliveries whose next attempt was due but never ran (a worker outage,
  a lost queue entry) are queued again;
- bulk jobs whose worker stopped are queued again (never started) or failed with
  what they stored so far (stopped while running);
- prospecting tasks whose worker stopped are queued again, and resumed where they
  stopped (each engagement settles on its own).

`run_sweeps` runs every `EVERY` on the task worker, queuing its own next run;
`manage.py sweep` runs it once and starts that chain.

The platform knows no domain: each app registers its sweeps here from its
AppConfig.ready (`register(name, fn)`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from django_tasks import task

from allyport.core import periodic

logger = logging.getLogger(__name__)

EVERY = timedelta(minutes=10)
# name -> function: each takes no argument and returns how many records it repaired.
_sweeps: dict[str, Callable[[], int]] = {}


def register(name: str, sweep: Callable[[], int]) -> None:
    """Add a sweep (from an AppConfig.ready); registering a name again replaces it."""
    _sweeps[name] = sweep


def sweep_all() -> dict[str, int]:
    """Run every sweep; one failing sweep does not stop the others."""
    results: dict[str, int] = {}
    for name, sweep in _sweeps.items():
        try:
            results[name] = sweep()
        except Exception:
            logger.exception("maintenance sweep %r failed", name)
            results[name] = -1
    return results


def schedule_next() -> bool:
    return periodic.schedule_next(run_sweeps, EVERY)


@task()
def run_sweeps() -> dict[str, int]:
    # The next run is queued first, so a failed run does not end the chain.
    schedule_next()
    return sweep_all()
