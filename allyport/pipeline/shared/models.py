"""Tables every part of the selling domain reads: the selling system settings of a
company and the tags of resources that have no tags column of their own (spec §2.14)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy

from allyport.pipeline.enums import Catalog

__all__ = ["ResourceTagSet", "SellingSystemSettings"]


class SellingSystemSettings(models.Model):
    """A company's settings per catalog (Get/PutSellingSystemSettings)."""

    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    catalog = models.CharField(max_length=8, choices=Catalog.choices)
    resource_snapshot_job_role_arn = models.CharField(max_length=2048, blank=True)
    modified_at = models.DateTimeField()

    class Meta:
        verbose_name = gettext_lazy("selling system settings")
        verbose_name_plural = gettext_lazy("selling system settings")
        constraints = [
            models.UniqueConstraint(
                fields=["company", "catalog"], name="selling_settings_once_per_catalog"
            )
        ]

    def __str__(self) -> str:
        return f"{self.company_id} {self.catalog}"


class ResourceTagSet(models.Model):
    """A company's tags on a resource that has no tags of its own (engagements: shared,
    so each member company tags them for itself)."""

    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    catalog = models.CharField(max_length=8, choices=Catalog.choices)
    resource_type = models.CharField(max_length=48)
    resource_id = models.CharField(max_length=64)
    tags = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["company", "catalog", "resource_type", "resource_id"],
                name="resource_tags_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.resource_type} {self.resource_id}"
