"""Retention: Event history keeps `ALLYPORT_EVENT_RETENTION_DAYS` (90) days.

`prune_events` deletes older records in batches and queues its own next run a day
later, so one run started by `manage.py prune_events` keeps a daily chain going on
the task worker (`manage.py db_worker`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q, Value
from django.utils import timezone
from django_tasks import task

from allyport.audit.models import AuditEvent
from allyport.core import periodic

# Rows per DELETE: each batch is its own short transaction, so neither memory nor
# row locks grow with the backlog, and writers (record()) wait at most one batch.
BATCH = 5000
EVERY = timedelta(days=1)


def _expired_ids(company_id: int | None, read_only: bool, cutoff: datetime, batch: int) -> list:
    # (company, read_only, event_time): a range scan at the old end of audit_recent_idx.
    # There is no index on event_time alone (see AuditEvent.Meta), so pruning goes
    # company by company; `= false`, not `NOT read_only`, so SQLite uses the index.
    company = Q(company__isnull=True) if company_id is None else Q(company_id=company_id)
    expired = AuditEvent.objects.filter(company, read_only=Value(read_only), event_time__lt=cutoff)
    return list(expired.order_by("event_time").values_list("pk", flat=True)[:batch])


def _delete_range(company_id: int | None, read_only: bool, cutoff: datetime, batch: int) -> int:
    deleted = 0
    while ids := _expired_ids(company_id, read_only, cutoff, batch):
        deleted += AuditEvent.objects.filter(pk__in=ids).delete()[0]
        if len(ids) < batch:
            break
    return deleted


def delete_expired(batch: int = BATCH) -> int:
    """Delete records older than the retention period; return how many. Records of
    no company (failed sign-ins of unknown addresses) are pruned too."""
    cutoff = timezone.now() - timedelta(days=settings.ALLYPORT_EVENT_RETENTION_DAYS)
    # The companies that have records, read from the audit table itself (distinct over
    # the index's leading column), so retention needs nothing from the accounts.
    stored = AuditEvent.objects.filter(company__isnull=False).values_list("company_id", flat=True)
    companies: list[int | None] = [None, *stored.order_by("company_id").distinct()]
    return sum(
        _delete_range(company_id, read_only, cutoff, batch)
        for company_id in companies
        for read_only in (False, True)
    )


def schedule_next() -> bool:
    """Queue the next daily run unless one is queued (see core.periodic)."""
    return periodic.schedule_next(prune_events, EVERY)


@task()
def prune_events() -> int:
    # The next run is queued first, so a failed run does not end the daily chain.
    schedule_next()
    return delete_expired()
