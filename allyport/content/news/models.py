"""Partner news, published by staff in the admin."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from allyport.content.shared.ids import news_id


class NewsTopic(models.TextChoices):
    PROGRAMS = "programs", _("Programs")
    SELLING = "selling", _("Co-selling")
    MARKETING = "marketing", _("Marketing")
    TECHNICAL = "technical", _("Technical")
    FUNDING = "funding", _("Funding")
    ANNOUNCEMENTS = "announcements", _("Announcements")


class NewsItem(models.Model):
    public_id = models.CharField(max_length=24, unique=True, default=news_id, editable=False)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=500)
    body = models.TextField(_("body"), blank=True)
    topic = models.CharField(_("topic"), max_length=20, choices=NewsTopic.choices)
    link = models.URLField(_("link"), blank=True, help_text=_("Optional: where to read more."))
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("partner news item")
        # The feed and the list read the newest published items: one range scan.
        indexes = [models.Index(fields=["is_published", "-published_at"], name="news_feed_idx")]

    def __str__(self) -> str:
        return self.title
