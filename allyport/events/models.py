"""Webhooks a company registers, the events raised for it and their deliveries.

An `Event` keeps the EventBridge envelope as sent (spec Appendix A §1.9); a
`Delivery` is one event on its way to one webhook, with its attempts. Events are
stored only when at least one webhook of the company subscribes to them.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy


def webhook_id() -> str:
    return "wh-" + secrets.token_hex(8)


class Webhook(models.Model):
    public_id = models.CharField(max_length=24, unique=True, default=webhook_id)
    # No index of its own: the list index starts with company.
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    url = models.URLField(max_length=2000)
    description = models.CharField(max_length=255, blank=True)
    # Fernet token (allyport.core.encryption): the secret signs each delivery, so it
    # must be readable, not hashed. Shown once, when the webhook is created.
    secret_encrypted = models.TextField()
    # Detail-types subscribed to; empty means all of them.
    event_types = models.JSONField(default=list, blank=True)
    is_active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["company", "created_at"], name="webhook_company_idx")]

    def __str__(self) -> str:
        return self.public_id

    def subscribes_to(self, detail_type: str) -> bool:
        return not self.event_types or detail_type in self.event_types


class Event(models.Model):
    event_id = models.UUIDField(unique=True)  # the envelope's `id`
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    catalog = models.CharField(max_length=8, blank=True)
    detail_type = models.CharField(max_length=64)
    envelope = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["company", "created_at"], name="event_company_idx")]

    def __str__(self) -> str:
        return f"{self.detail_type} {self.event_id}"


class Delivery(models.Model):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    STATUSES = [
        (PENDING, gettext_lazy("Pending")),
        (SUCCEEDED, gettext_lazy("Succeeded")),
        (FAILED, gettext_lazy("Failed")),
    ]

    webhook = models.ForeignKey(
        Webhook, on_delete=models.CASCADE, related_name="deliveries", db_index=False
    )
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    attempts = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=10, choices=STATUSES, default=PENDING)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = gettext_lazy("delivery")
        verbose_name_plural = gettext_lazy("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["webhook", "event"], name="delivery_once_per_webhook")
        ]
        indexes = [
            # The delivery log of one webhook, newest first: one backward range scan.
            models.Index(fields=["webhook", "created_at", "id"], name="delivery_log_idx"),
            # Deliveries waiting for their next attempt (a sweep after a worker outage).
            models.Index(fields=["status", "next_attempt_at"], name="delivery_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.event_id} -> {self.webhook_id} ({self.status})"
