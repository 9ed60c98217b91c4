from __future__ import annotations

import uuid

from django.db import models


class AuditEvent(models.Model):
    """One CloudTrail-format record. `record` is the full event as CloudTrail shows it;
    the other columns copy the lookup attributes so event history can filter by index."""

    event_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # No index of its own: on PostgreSQL one on event_time alone tempts the planner to
    # scan everyone's events by time for a large company (pruning uses the first below).
    event_time = models.DateTimeField()
    # No index of its own: every composite index below starts with company.
    company = models.ForeignKey(
        "accounts.Company",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    event_name = models.CharField(max_length=64)
    event_source = models.CharField(max_length=128)
    event_type = models.CharField(max_length=32)
    username = models.CharField(max_length=254, blank=True)
    access_key_id = models.CharField(max_length=32, blank=True)
    resource_name = models.CharField(max_length=256, blank=True)
    read_only = models.BooleanField(default=False)
    error_code = models.CharField(max_length=64, blank=True)
    record = models.JSONField()

    class Meta:
        ordering = ["-event_time", "-id"]
        # Event history reads one company, at most one lookup attribute, a time range and
        # whether read-only events show, newest first with a keyset on (event_time, id).
        # Each index is (company, [attribute,] read_only, event_time, id): the equalities
        # come first and the order last, so a page is one range scan that stops after
        # 51 rows on SQLite and PostgreSQL alike. Read-only stays an equality in every
        # one (selectors scan "both" as two ranges and merge them), so each attribute
        # needs one index, not two. The first also serves pruning (per company, from the
        # old end) and the company's cascade; event_id (unique) the EventId lookup and
        # the detail page.
        indexes = [
            models.Index(
                fields=["company", "read_only", "-event_time", "-id"], name="audit_recent_idx"
            ),
            *(
                models.Index(
                    fields=["company", column, "read_only", "-event_time", "-id"],
                    name=f"audit_{column}_idx",
                )
                for column in (
                    "event_name",
                    "username",
                    "event_source",
                    "resource_name",
                    "access_key_id",
                )
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_name} at {self.event_time:%Y-%m-%dT%H:%M:%SZ}"
