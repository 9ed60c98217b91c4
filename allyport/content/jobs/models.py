"""My Company > Job Board: the company's job postings; open ones are public."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from allyport.content.shared.ids import job_id


class JobPosting(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    public_id = models.CharField(max_length=24, unique=True, default=job_id, editable=False)
    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("job title"), max_length=200)
    location = models.CharField(_("location"), max_length=200)
    description = models.TextField(_("description"))
    certifications = models.JSONField(_("certifications wanted"), default=list, blank=True)
    apply_url = models.URLField(_("where to apply"), blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    posted_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-posted_at"]
        verbose_name = _("job posting")
        indexes = [models.Index(fields=["company", "status", "-posted_at"], name="job_board_idx")]

    def __str__(self) -> str:
        return self.title
