"""Resource snapshots and snapshot jobs, engagement resource associations, selling
system settings and the tags of resources without a tags column (spec §2.12, §2.14).

Imported at the end of `models.py`, so Django registers these models with the
pipeline app; the snapshot jobs' watch on opportunity changes is connected here
for the same reason.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from allyport.pipeline.engagement_models import Engagement, task_id
from allyport.pipeline.ids import alnum
from allyport.pipeline.models import Catalog, Opportunity
from allyport.pipeline.signals import opportunity_changed

logger = logging.getLogger(__name__)

__all__ = [
    "EngagementResourceAssociation",
    "OpportunityFromEngagementTask",
    "ResourceSnapshot",
    "ResourceSnapshotJob",
    "ResourceTagSet",
    "SellingSystemSettings",
]


def snapshot_job_id() -> str:
    """`job-` and 13 characters (ResourceSnapshotJobIdentifier)."""
    return "job-" + alnum(13)


def snapshot_id() -> str:
    """Internal: the keyset position of a snapshot in its lists."""
    return "snap-" + alnum(16)


def association_id() -> str:
    """Internal: the keyset position of an association in its list."""
    return "era-" + alnum(16)


class SellingSystemSettings(models.Model):
    """A company's settings per catalog (Get/PutSellingSystemSettings)."""

    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    catalog = models.CharField(max_length=8, choices=Catalog.choices)
    resource_snapshot_job_role_arn = models.CharField(max_length=2048, blank=True)
    modified_at = models.DateTimeField()

    class Meta:
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


class EngagementResourceAssociation(models.Model):
    """A partner resource (an opportunity) shared in an engagement, from its first
    snapshot or snapshot job on (ListEngagementResourceAssociations)."""

    public_id = models.CharField(max_length=24, unique=True, default=association_id)
    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    catalog = models.CharField(max_length=8, choices=Catalog.choices)
    resource_type = models.CharField(max_length=24, default="Opportunity")
    resource_id = models.CharField(max_length=20)
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    created_by = models.CharField(max_length=12)  # the owner's AWS account id
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "resource_type", "resource_id"],
                name="engagement_resource_once",
            )
        ]
        indexes = [
            models.Index(
                fields=["catalog", "created_at", "public_id"], name="eng_resource_created_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.engagement_id}: {self.resource_id}"


class ResourceSnapshot(models.Model):
    """An immutable copy of a part of an opportunity (a template's), shared with the
    members of an engagement; revisions count up per engagement, resource and template."""

    public_id = models.CharField(max_length=24, unique=True, default=snapshot_id)
    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    catalog = models.CharField(max_length=8, choices=Catalog.choices)
    resource_type = models.CharField(max_length=24, default="Opportunity")
    resource_id = models.CharField(max_length=20)
    template = models.CharField(max_length=80)
    revision = models.PositiveIntegerField()
    # The ResourceSnapshotPayload union: {<template>: {...}}.
    payload = models.JSONField(default=dict)
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    created_by = models.CharField(max_length=12)
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "resource_type", "resource_id", "template", "revision"],
                name="snapshot_revision_once",
            )
        ]
        indexes = [
            models.Index(
                fields=["engagement", "created_at", "public_id"], name="snapshot_created_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.resource_id} {self.template} r{self.revision}"


class ResourceSnapshotJob(models.Model):
    """Keeps an engagement's snapshot of an opportunity current while Running."""

    class Status(models.TextChoices):
        RUNNING = "Running", _("Running")
        STOPPED = "Stopped", _("Stopped")

    public_id = models.CharField(max_length=24, unique=True, default=snapshot_job_id)
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    catalog = models.CharField(max_length=8, choices=Catalog.choices)
    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    resource_type = models.CharField(max_length=24, default="Opportunity")
    template = models.CharField(max_length=80)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.STOPPED)
    tags = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField()
    last_successful_execution_date = models.DateTimeField(null=True, blank=True)
    last_failure = models.CharField(max_length=1000, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "opportunity", "template"], name="snapshot_job_once"
            )
        ]
        indexes = [
            models.Index(
                fields=["company", "catalog", "created_at", "public_id"],
                name="snapshot_job_list_idx",
            ),
            # The running jobs of a changed opportunity.
            models.Index(fields=["opportunity", "status"], name="snapshot_job_watch_idx"),
        ]

    def __str__(self) -> str:
        return self.public_id


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


def _run_jobs(sender: Any, opportunity: Opportunity, **kwargs: Any) -> None:
    """Running jobs on a changed opportunity make a new revision (after commit). The
    change is committed already: a failing run is logged, never the caller's error."""
    from allyport.pipeline.services.snapshots import run_jobs_for

    if kwargs.get("change") == "Created":
        return  # a new opportunity has no snapshot jobs yet (bulk imports create many)
    try:
        run_jobs_for(opportunity)
    except Exception:
        logger.exception("snapshot jobs of %s did not run", opportunity.public_id)


opportunity_changed.connect(_run_jobs, dispatch_uid="pipeline.snapshot_jobs")
