"""Emailed codes that prove an address (My Domains, the API's SendEmailVerificationCode),
and the training-and-certification email domains they prove."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EmailVerificationCode(models.Model):
    """A six-digit code mailed to `email`; hashed, expires, limited attempts and resends,
    used once. `company` is who asked (none before a partner exists: CreatePartner)."""

    class Purpose(models.TextChoices):
        COMPANY_DOMAIN = "company_domain", _("My Domains")
        API = "api", _("Account API verification")

    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    email = models.EmailField()
    purpose = models.CharField(max_length=16, choices=Purpose.choices)
    code_hash = models.CharField(max_length=128)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    sends = models.PositiveSmallIntegerField(default=1)
    attempts = models.PositiveSmallIntegerField(default=0)
    consumed_at = models.DateTimeField(null=True, blank=True)
    requested_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["email", "purpose", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.purpose} code for {self.email}"

    @property
    def domain(self) -> str:
        return self.email.rsplit("@", 1)[-1]


class CertificationDomain(models.Model):
    """An email domain whose training and certifications count for the company
    (the account API's AwsTrainingCertificationEmailDomains)."""

    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="certification_domains"
    )
    domain = models.CharField(max_length=253, unique=True)
    registered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["domain"]

    def __str__(self) -> str:
        return self.domain
