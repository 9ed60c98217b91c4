"""Partner walkthroughs: guided tours over real pages. Steps are data (the page, the
element's CSS selector, the text); each member's progress is kept on the server."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from allyport.content.shared.ids import walkthrough_id


class Walkthrough(models.Model):
    public_id = models.CharField(max_length=24, unique=True, default=walkthrough_id, editable=False)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=500)
    position = models.PositiveIntegerField(_("position"), default=0)
    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("partner walkthrough")

    def __str__(self) -> str:
        return self.title


class WalkthroughStep(models.Model):
    walkthrough = models.ForeignKey(Walkthrough, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveIntegerField(_("position"))
    page = models.CharField(
        _("page"), max_length=200, help_text=_("The page's path, such as / or /news/.")
    )
    selector = models.CharField(
        _("element"), max_length=200, help_text=_("A CSS selector, such as #home-news.")
    )
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["walkthrough", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["walkthrough", "position"], name="one_step_per_position"
            )
        ]

    def __str__(self) -> str:
        return self.title


class WalkthroughProgress(models.Model):
    walkthrough = models.ForeignKey(Walkthrough, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    step = models.PositiveIntegerField(default=0)  # the index of the step to show next
    completed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("walkthrough progress")
        verbose_name_plural = _("walkthrough progress")
        constraints = [
            models.UniqueConstraint(fields=["walkthrough", "user"], name="one_progress_per_tour")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.walkthrough_id} step {self.step}"
