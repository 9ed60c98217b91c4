"""Solutions (the portal's offerings) of the selling API."""

from __future__ import annotations

from django.db import models

from allyport.core.ids import digits
from allyport.pipeline.enums import Catalog

__all__ = ["Solution"]


def solution_id() -> str:
    """`S-` and 7 digits, like the documented `S-1234567`."""
    return "S-" + digits(7)


class Solution(models.Model):
    """A partner solution (an offering in the portal), as ListSolutions returns it."""

    class Status(models.TextChoices):
        ACTIVE = "Active", "Active"
        INACTIVE = "Inactive", "Inactive"
        DRAFT = "Draft", "Draft"

    public_id = models.CharField(max_length=24, unique=True, default=solution_id)
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    catalog = models.CharField(max_length=8, choices=Catalog.choices)
    name = models.CharField(max_length=255)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.DRAFT)
    category = models.CharField(max_length=64)
    aws_marketplace_solution_arn = models.CharField(max_length=2048, blank=True)
    created_date = models.DateTimeField()

    class Meta:
        # A company has tens of solutions: one index serves the lookups and the lists.
        indexes = [
            models.Index(fields=["company", "catalog", "public_id"], name="solution_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.public_id} {self.name}"
