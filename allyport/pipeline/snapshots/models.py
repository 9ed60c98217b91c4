"""Resource snapshots and snapshot jobs, and engagement resource associations
(spec §2.12, §2.14). A snapshot freezes an opportunity's view for the engagement it
is associated with; a job makes new revisions while it runs."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from allyport.core.ids import alnum
from allyport.pipeline.engagements.models import Engagement
from allyport.pipeline.enums import Catalog
from allyport.pipeline.opportunities.models import Opportunity

__all__ = ["EngagementResourceAssociation", "ResourceSnapshot", "ResourceSnapshotJob"]


def snapshot_job_id() -> str:
    """`job-` and 13 characters (ResourceSnapshotJobIdentifier)."""
    return "job-" + alnum(13)


def snapshot_id() -> str:
    """Internal: the keyset position of a snapshot in its lists."""
    return "snap-" + alnum(16)


def association_id() -> str:
    """Internal: the keyset position of an association in its list."""
    return "era-" + alnum(16)


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
