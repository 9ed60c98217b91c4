from __future__ import annotations

import uuid

from django.db import models


class AuditEvent(models.Model):
    """One CloudTrail-format record. `record` is the full event as CloudTrail shows it;
    the other columns copy the lookup attributes so event history can filter by index."""

    event_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event_time = models.DateTimeField(db_index=True)
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
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
        indexes = [
            models.Index(fields=["company", "-event_time"]),
            models.Index(fields=["company", "event_name", "-event_time"]),
            models.Index(fields=["company", "username", "-event_time"]),
        ]

    def __str__(self) -> str:
        return f"{self.event_name} at {self.event_time:%Y-%m-%dT%H:%M:%SZ}"
