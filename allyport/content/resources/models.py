"""Resources staff publish (documents, videos, FAQs) and Navigate's enablement tracks:
ordered items with each member's progress."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from allyport.content.shared.ids import resource_id, track_id
from allyport.content.shared.models import StoredFile


class ResourceKind(models.TextChoices):
    DOCUMENT = "document", _("Document")
    VIDEO = "video", _("Video")
    FAQ = "faq", _("FAQ")


class Resource(models.Model):
    public_id = models.CharField(max_length=24, unique=True, default=resource_id, editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=ResourceKind.choices)
    title = models.CharField(_("title"), max_length=200, help_text=_("For an FAQ: the question."))
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    body = models.TextField(_("body"), blank=True, help_text=_("For an FAQ: the answer."))
    category = models.CharField(_("category"), max_length=60, blank=True)
    file = models.ForeignKey(
        StoredFile, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    link = models.URLField(
        _("link"), blank=True, help_text=_("A document or video hosted elsewhere.")
    )
    captions = models.ForeignKey(
        StoredFile, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("WebVTT captions of a hosted video."),
    )  # fmt: skip
    is_published = models.BooleanField(_("published"), default=True)
    published_at = models.DateTimeField(_("published at"), default=timezone.now)

    class Meta:
        ordering = ["kind", "category", "title"]
        verbose_name = _("resource")
        indexes = [models.Index(fields=["kind", "is_published"], name="resource_kind_idx")]

    def __str__(self) -> str:
        return self.title


class Track(models.Model):
    public_id = models.CharField(max_length=24, unique=True, default=track_id, editable=False)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=500)
    position = models.PositiveIntegerField(_("position"), default=0)
    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("enablement track")

    def __str__(self) -> str:
        return self.title


class TrackItem(models.Model):
    track = models.ForeignKey(Track, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=200)
    resource = models.ForeignKey(
        Resource, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    link = models.URLField(_("link"), blank=True)

    class Meta:
        ordering = ["track", "position"]
        constraints = [
            models.UniqueConstraint(fields=["track", "position"], name="one_item_per_position")
        ]

    def __str__(self) -> str:
        return self.title


class TrackProgress(models.Model):
    """One item a member completed."""

    item = models.ForeignKey(TrackItem, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("enablement progress")
        verbose_name_plural = _("enablement progress")
        constraints = [
            models.UniqueConstraint(fields=["item", "user"], name="one_completion_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.item_id}"
