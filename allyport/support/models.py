"""Support cases: a subject, a status, and the messages between partner and staff."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models


def case_id() -> str:
    """Ten digits, as the support centre shows case numbers."""
    return str(secrets.randbelow(9 * 10**9) + 10**9)


class SupportCase(models.Model):
    OPEN = "open"
    RESOLVED = "resolved"

    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    case_id = models.CharField(max_length=10, unique=True, default=case_id)
    subject = models.CharField(max_length=255)
    category = models.CharField(max_length=64)
    status = models.CharField(
        max_length=10, choices=[(OPEN, "Open"), (RESOLVED, "Resolved")], default=OPEN
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["company", "-created_at"])]

    def __str__(self) -> str:
        return f"Case {self.case_id}: {self.subject}"


class CaseMessage(models.Model):
    case = models.ForeignKey(SupportCase, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    from_staff = models.BooleanField(default=False)
    body = models.TextField(max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Message on case {self.case_id}"
