"""Partner terms and conditions: versions staff publish, each company's acceptances."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TermsVersion(models.Model):
    version = models.PositiveIntegerField(unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"v{self.version} {self.title}"


class TermsAcceptance(models.Model):
    """A company's acceptance of one version: who accepted, when, and where."""

    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="terms_acceptances"
    )
    version = models.ForeignKey(TermsVersion, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(default=timezone.now)
    source = models.CharField(max_length=16, default="prompt")

    class Meta:
        ordering = ["-accepted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "version"], name="one_acceptance_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.company_id} v{self.version_id}"
