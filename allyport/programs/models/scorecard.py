"""The scorecard's thresholds as data: for each path and tier, what must be reached
(staff edit them in the admin)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Metric(models.TextChoices):
    """What the scorecard counts from the records (programs/selectors/scorecard.py)."""

    ACCREDITED_BUSINESS = "accredited_business", _("AWS Accredited Professionals (business)")
    ACCREDITED_TECHNICAL = "accredited_technical", _("AWS Accredited Professionals (technical)")
    FOUNDATIONAL_CERTIFIED = "foundational_certified", _("AWS Foundational Certified individuals")
    TECHNICAL_CERTIFIED = "technical_certified", _("AWS Technical Certified professionals")
    PRO_SPECIALTY_CERTIFIED = (
        "pro_specialty_certified",
        _("Professional or Specialty certified professionals"),
    )
    LAUNCHED_OPPORTUNITIES = "launched_opportunities", _("Launched opportunities (12 months)")
    LAUNCHED_MRR = "launched_mrr", _("Monthly revenue of launched opportunities (USD)")
    PUBLIC_REFERENCES = "public_references", _("Public customer references")
    VALIDATIONS = "validations", _("Technical program validations")
    DESIGNATIONS = "designations", _("Approved designations")


class Ladder(models.TextChoices):
    STAGE = "stage", _("Stage")
    TIER = "tier", _("Tier")


class TierRequirement(models.Model):
    """One requirement of one step of a path's ladder (a tier such as Select, or a
    stage such as Differentiated): reach `threshold` of `metric`."""

    ladder = models.CharField(_("ladder"), max_length=8, choices=Ladder.choices, default="tier")
    path = models.CharField(_("path"), max_length=20)
    tier = models.CharField(_("tier or stage"), max_length=40)
    tier_rank = models.PositiveSmallIntegerField(
        _("order"), help_text=_("1 for the first step of the ladder, 2 for the next…")
    )
    metric = models.CharField(_("metric"), max_length=32, choices=Metric.choices)
    threshold = models.PositiveIntegerField(_("threshold"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["ladder", "path", "tier_rank", "metric"]
        constraints = [
            models.UniqueConstraint(
                fields=["ladder", "path", "tier", "metric"], name="programs_one_req"
            )
        ]

    def __str__(self) -> str:
        return f"{self.path} {self.tier}: {self.get_metric_display()} ≥ {self.threshold}"
