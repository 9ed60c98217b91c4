"""Deliveries left behind: a pending delivery whose attempt was due `GRACE` ago and
never ran (the worker was down, or its queue entry was lost) is queued again by the
maintenance sweep. A duplicate attempt is harmless: `tasks._claim` lets one run
count an attempt and the other return."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from allyport.events.models import Delivery
from allyport.events.services import enqueue_deliveries

GRACE = timedelta(minutes=15)
BATCH = 1000


def requeue_stalled() -> int:
    """Queue the stalled deliveries again; return how many."""
    cutoff = timezone.now() - GRACE
    stalled = Delivery.objects.filter(status=Delivery.PENDING).filter(
        Q(next_attempt_at__lte=cutoff)
        # never attempted: its first queue entry was lost
        | Q(next_attempt_at__isnull=True, attempts=0, created_at__lte=cutoff)
    )
    ids = list(stalled.order_by("pk").values_list("pk", flat=True)[:BATCH])
    enqueue_deliveries(ids)
    return len(ids)
