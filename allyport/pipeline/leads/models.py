"""The StartOpportunityFromEngagementTask records: a lead made into an opportunity."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from allyport.core.ids import alnum
from allyport.pipeline.engagements.models import task_id
from allyport.pipeline.enums import Catalog

__all__ = ["LeadRecord", "OpportunityFromEngagementTask"]


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


def lead_id() -> str:
    return f"lead-{alnum(13)}"


class LeadRecord(models.Model):
    """Who works one lead (a Lead context of the company's engagement) and why it was
    qualified or disqualified. Leads made on the page or imported get one; the owner
    sees it as an ACE user, its region's marketing staff see it too."""

    public_id = models.CharField(max_length=20, unique=True, default=lead_id)
    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    catalog = models.CharField(max_length=8, choices=Catalog.choices)
    engagement = models.ForeignKey(
        "pipeline.Engagement", on_delete=models.CASCADE, related_name="lead_records"
    )
    context_id = models.CharField(max_length=8)
    owner = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    region = models.CharField(max_length=8, blank=True)
    qualification_reason = models.TextField(blank=True)
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["company", "engagement", "context_id"], name="lead_record_unique"
            )
        ]
        indexes = [
            # One range scan per list: all, an owner's, a region's (newest first).
            models.Index(
                fields=["company", "catalog", "updated_at", "public_id"], name="lead_list_idx"
            ),
            models.Index(
                fields=["company", "catalog", "owner", "updated_at", "public_id"],
                name="lead_owner_idx",
            ),
            models.Index(
                fields=["company", "catalog", "region", "updated_at", "public_id"],
                name="lead_region_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.engagement_id}/{self.context_id}"
