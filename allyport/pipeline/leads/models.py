"""The StartOpportunityFromEngagementTask records: a lead made into an opportunity."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from allyport.pipeline.engagements.models import task_id
from allyport.pipeline.enums import Catalog

__all__ = ["OpportunityFromEngagementTask"]


class OpportunityFromEngagementTask(models.Model):
    """One StartOpportunityFromEngagementTask: an engagement's lead context made into
    the caller's opportunity (done inside the call; the row keeps the outcome)."""

    class Status(models.TextChoices):
        IN_PROGRESS = "IN_PROGRESS", _("In progress")
        COMPLETE = "COMPLETE", _("Complete")
        FAILED = "FAILED", _("Failed")

    public_id = models.CharField(max_length=24, unique=True, default=task_id)
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    catalog = models.CharField(max_length=8, choices=Catalog.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.IN_PROGRESS)
    reason_code = models.CharField(max_length=48, blank=True)
    message = models.TextField(blank=True)
    engagement_identifier = models.CharField(max_length=24)
    context_identifier = models.CharField(max_length=8)
    opportunity_identifier = models.CharField(max_length=20, blank=True)
    job_identifier = models.CharField(max_length=24, blank=True)
    tags = models.JSONField(default=list, blank=True)
    start_time = models.DateTimeField()
    end_time = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["company", "catalog", "start_time", "public_id"],
                name="oppfromeng_task_list_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.public_id
