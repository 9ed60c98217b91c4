"""Prospecting tasks (StartProspectingFromEngagementTask) and engagement groups.

A prospecting task belongs to the company that started it and keeps one result
row per engagement it names, since each engagement succeeds or fails on its
own. An engagement group is curated by the program host (staff, in the admin):
a named set of engagements a partner may search within (SearchEngagements'
GroupId); a company only ever sees the engagements of a group it is a member of.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from allyport.core.ids import alnum
from allyport.pipeline.engagements.models import Engagement
from allyport.pipeline.enums import Catalog

__all__ = ["EngagementGroup", "ProspectingResult", "ProspectingTask"]


def prospecting_task_id() -> str:
    """`task-` and 14 characters (ProspectingTaskIdentifier; the other tasks have 13)."""
    return "task-" + alnum(14)


def prospecting_context_id() -> str:
    """`ctx-` and 14 characters, the id of a prospecting context in an engagement."""
    return "ctx-" + alnum(14)


def engagement_group_id() -> str:
    return "eng-grp-" + alnum(14)


class ProspectingStatus(models.TextChoices):
    PENDING = "PENDING", _("Pending")
    IN_PROGRESS = "IN_PROGRESS", _("In progress")
    COMPLETED = "COMPLETED", _("Completed")
    FAILED = "FAILED", _("Failed")


class ProspectingTask(models.Model):
    """One StartProspectingFromEngagementTask, run by the task worker."""

    Status = ProspectingStatus

    public_id = models.CharField(max_length=24, unique=True, default=prospecting_task_id)
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    catalog = models.CharField(max_length=8, choices=Catalog.choices)
    name = models.CharField(max_length=128)
    # The Identifiers as the caller sent them (the Start answer repeats them).
    identifiers = models.JSONField(default=list)
    status = models.CharField(
        max_length=12, choices=ProspectingStatus.choices, default=ProspectingStatus.PENDING
    )
    reason_code = models.CharField(max_length=48, blank=True)
    message = models.TextField(blank=True)
    # Counters kept on the row so the list can sort by FailedEngagementCount by index.
    total_count = models.PositiveIntegerField(default=0)
    completed_count = models.PositiveIntegerField(default=0)
    failed_count = models.PositiveIntegerField(default=0)
    start_time = models.DateTimeField()
    end_time = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["company", "catalog", "start_time", "public_id"], name="prosp_start_idx"
            ),
            models.Index(fields=["company", "catalog", "name", "public_id"], name="prosp_name_idx"),
            models.Index(
                fields=["company", "catalog", "failed_count", "public_id"],
                name="prosp_failed_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.public_id


class ProspectingResult(models.Model):
    """What became of one engagement of a prospecting task (EngagementProspectingResult)."""

    task = models.ForeignKey(ProspectingTask, on_delete=models.CASCADE, related_name="results")
    position = models.PositiveSmallIntegerField()
    engagement_identifier = models.CharField(max_length=24)
    context_identifier = models.CharField(max_length=24, blank=True)
    status = models.CharField(
        max_length=12, choices=ProspectingStatus.choices, default=ProspectingStatus.PENDING
    )
    reason_code = models.CharField(max_length=48, blank=True)
    message = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["task", "position"], name="prosp_result_once"),
        ]

    def __str__(self) -> str:
        return f"{self.task_id}: {self.engagement_identifier}"


class EngagementGroup(models.Model):
    """A curated set of engagements (ListEngagementGroups, SearchEngagements' GroupId)."""

    class Readiness(models.TextChoices):
        SALES_READY = "SalesReady", _("Sales ready")
        MARKETING_READY = "MarketingReady", _("Marketing ready")
        LOW_POTENTIAL = "LowPotential", _("Low potential")

    public_id = models.CharField(max_length=24, unique=True, default=engagement_group_id)
    catalog = models.CharField(max_length=8, choices=Catalog.choices)
    name = models.CharField(max_length=255)
    description = models.TextField(max_length=2048, blank=True)
    readiness_level = models.CharField(max_length=16, choices=Readiness.choices)
    active = models.BooleanField(default=True)
    engagements = models.ManyToManyField(Engagement, related_name="groups", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["catalog", "active", "updated_at", "public_id"], name="enggrp_list_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.public_id} {self.name}"
