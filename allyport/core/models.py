from __future__ import annotations

from django.db import models
from django.utils import timezone


class DevMail(models.Model):
    """A message kept by the development mailbox (only without SMTP settings)."""

    sent_at = models.DateTimeField(default=timezone.now, db_index=True)
    to = models.CharField(max_length=1000)
    subject = models.CharField(max_length=400)
    body = models.TextField()

    class Meta:
        ordering = ["-sent_at", "-id"]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"
