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
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.utils.module_loading import import_string
from django_tasks import task

from allyport.core import periodic

logger = logging.getLogger(__name__)

EVERY = timedelta(minutes=10)
# (name, function): each takes no argument and returns how many records it repaired.
SWEEPS = (
    ("expired invitations", "allyport.pipeline.engagements.invitations.expire_due"),
    ("stalled webhook deliveries", "allyport.events.recovery.requeue_stalled"),
    ("stalled bulk jobs", "allyport.bulk.recovery.recover_stalled"),
    ("stalled prospecting tasks", "allyport.pipeline.prospecting.runner.recover_stalled"),
)


def sweep_all() -> dict[str, int]:
    """Run every sweep; one failing sweep does not stop the others."""
    results: dict[str, int] = {}
    for name, path in SWEEPS:
        try:
            results[name] = import_string(path)()
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
