"""Paths, stages and the program fee."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from allyport.accounts.models import Company
from allyport.profiles.enums import FeeStatus


class PathEnrollment(models.Model):
    """A path the company enrolled in from Products & Services."""

    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="path_enrollments"
    )
    path = models.CharField(max_length=16)
    enrolled_at = models.DateTimeField(default=timezone.now)
    enrolled_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["enrolled_at"]
        constraints = [
            models.UniqueConstraint(fields=["company", "path"], name="one_enrollment_per_path")
        ]

    def __str__(self) -> str:
        return self.path


class StageChange(models.Model):
    """Each move between stages, with its reason and who made it."""

    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="stage_changes"
    )
    from_stage = models.CharField(max_length=20)
    to_stage = models.CharField(max_length=20)
    reason = models.CharField(_("reason"), max_length=500)
    actor_label = models.CharField(max_length=254)
    user = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-changed_at", "-id"]
        indexes = [models.Index(fields=["company", "-changed_at"])]

    def __str__(self) -> str:
        return f"{self.from_stage} -> {self.to_stage}"


class ProgramFee(models.Model):
    """One year's program fee: billed when the company reaches Confirmed (the upgrade
    form names the paying AWS account) and yearly after; 90 days to pay."""

    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="program_fees"
    )
    period_start = models.DateField()
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    currency = models.CharField(max_length=3, default="USD")
    paying_account_id = models.CharField(_("paying AWS account ID"), max_length=12)
    status = models.CharField(max_length=8, choices=FeeStatus.choices, default=FeeStatus.DUE)
    billed_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField()
    submitted_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    paid_at = models.DateTimeField(null=True, blank=True)
    payment_source = models.CharField(max_length=12, blank=True)
    payment_reference = models.CharField(max_length=80, blank=True)
    promo_code = models.CharField(max_length=40, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    last_reminder_at = models.DateTimeField(null=True, blank=True)
    waived_reason = models.CharField(max_length=500, blank=True)
    closed_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    lapsed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-period_start"]
        constraints = [
            models.UniqueConstraint(fields=["company", "period_start"], name="one_fee_per_year")
        ]
        indexes = [models.Index(fields=["status", "due_at"])]

    def __str__(self) -> str:
        return f"{self.company_id} {self.period_start} {self.status}"


class PartnerStanding(Company):  # type: ignore[misc]
    """The admin's view of a company's path, stage and fee (a proxy: no table)."""

    class Meta:
        proxy = True
        verbose_name = _("partner standing")
        verbose_name_plural = _("partner standings")
