"""Files kept in the database (documents, videos, captions, toolkit assets, device
specification sheets): every web process and worker reads the same rows, so nothing
depends on one machine's disk."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from allyport.content.shared.ids import file_id


class StoredFile(models.Model):
    public_id = models.CharField(max_length=24, unique=True, default=file_id, editable=False)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    data = models.BinaryField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("stored file")

    def __str__(self) -> str:
        return self.name


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for validation")
    VALIDATED = "validated", _("Validated")
    REJECTED = "rejected", _("Changes requested")


class Reviewed(models.Model):
    """What partners submit and staff validate: its status and the review's answer."""

    status = models.CharField(
        _("status"), max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("reviewer's note"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True

    @property
    def editable(self) -> bool:
        return self.status in (ReviewStatus.DRAFT, ReviewStatus.REJECTED)
