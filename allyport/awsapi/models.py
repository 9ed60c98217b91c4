"""Stored results of calls made with an idempotency token (ClientToken)."""

from __future__ import annotations

from django.db import models


class ApiIdempotency(models.Model):
    """One (company, service, operation, catalog, token): the body's hash and the answer.

    The unique constraint is what makes simultaneous calls with one token create
    once: the first insert wins, the others wait on it and read its answer
    (`idempotency.with_client_token`). Rows expire after `expires_at` (8 hours).
    """

    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    service = models.CharField(max_length=64)
    operation = models.CharField(max_length=64)
    catalog = models.CharField(max_length=64, blank=True)
    token = models.CharField(max_length=255)
    request_hash = models.CharField(max_length=64)
    # The serialized answer; null only while the first call is still running.
    response = models.JSONField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["company", "service", "operation", "catalog", "token"],
                name="awsapi_idempotency_token",
            )
        ]
        # Lazy pruning deletes a company's expired rows from the old end.
        indexes = [models.Index(fields=["company", "expires_at"], name="awsapi_idem_expiry_idx")]

    def __str__(self) -> str:
        return f"{self.operation} {self.token}"
