"""Jobs of every kind left behind by a worker that stopped (the maintenance sweep
runs this).

- Queued for `QUEUED_GRACE` and never started: its queue entry was lost; queued
  again with its kind's `enqueue` (a worker claims a job once, so a duplicate
  entry does nothing).
- Running with no progress written for `STALLED_AFTER`: its worker stopped. The job
  is failed with a message; what its committed batches wrote stays written, and the
  counters (written with each batch) say how far it got. It is not resumed: a
  resumed import could not tell its own half-written batch from the user's data.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.jobs import kinds
from allyport.jobs.models import BulkJob

QUEUED_GRACE = timedelta(minutes=15)
# Running jobs write their progress at least every batch (seconds apart).
STALLED_AFTER = timedelta(minutes=30)


def _requeue_lost() -> int:
    cutoff = timezone.now() - QUEUED_GRACE
    lost = BulkJob.objects.filter(status=BulkJob.Status.QUEUED, created_at__lte=cutoff)
    queued = 0
    for public_id, name in lost.values_list("public_id", "kind")[:1000]:
        kind = kinds.get(name)
        if kind is not None:  # a kind no app registers any more stays as it is
            kind.enqueue(public_id)
            queued += 1
    return queued


def _fail_stalled() -> int:
    now = timezone.now()
    stalled = BulkJob.objects.filter(
        status=BulkJob.Status.RUNNING, updated_at__lte=now - STALLED_AFTER
    )
    message = _(
        "The job stopped when its worker stopped. The rows counted as processed are "
        "stored; start a new job for the rest."
    )
    return stalled.update(
        status=BulkJob.Status.FAILED, message=message, finished_at=now, updated_at=now
    )


def recover_stalled() -> int:
    """Queue lost jobs again and fail stalled ones; return how many were repaired."""
    return _requeue_lost() + _fail_stalled()
