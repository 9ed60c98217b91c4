"""Jobs of every kind left behind by a worker that stopped (the maintenance sweep
runs this).

- Queued for `QUEUED_GRACE` and never started: its queue entry was lost; queued
  again with its kind's `enqueue` (a worker claims a job once, so a duplicate
  entry does nothing).
- Running with no progress written for `ALLYPORT_JOB_STALLED_SECONDS` (default 30
  minutes): its worker stopped. The job
  is failed with a message; what its committed batches wrote stays written, and the
  counters (written with each batch) say how far it got. It is not resumed: a
  resumed import could not tell its own half-written batch from the user's data.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.jobs import kinds
from allyport.jobs.models import BulkJob

QUEUED_GRACE = timedelta(minutes=15)
STALLED_AFTER = timedelta(minutes=30)  # the default of ALLYPORT_JOB_STALLED_SECONDS


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
    # Running jobs write their progress with every batch (seconds apart).
    stalled_after = timedelta(seconds=settings.ALLYPORT_JOB_STALLED_SECONDS)
    stalled = BulkJob.objects.filter(
        status=BulkJob.Status.RUNNING, updated_at__lte=now - stalled_after
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
