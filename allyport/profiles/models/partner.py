"""The partner record's other parts: the alliance lead contact, verification, and the
association of qualifications with a primary company."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from allyport.profiles import ids
from allyport.profiles.enums import QualificationsTaskStatus, VerificationStatus, VerificationType


class AllianceLeadContact(models.Model):
    """Who the program writes to about the partnership (Get/PutAllianceLeadContact)."""

    company = models.OneToOneField(
        "accounts.Company", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    first_name = models.CharField(_("first name"), max_length=80)
    last_name = models.CharField(_("last name"), max_length=80)
    email = models.EmailField(_("email"), max_length=320)
    business_title = models.CharField(_("business title"), max_length=80)
    verified_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.email


class Verification(models.Model):
    """Business or registrant verification, reviewed by staff; one per company and type
    (starting again after a refusal reuses the row)."""

    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="verifications"
    )
    verification_type = models.CharField(max_length=24, choices=VerificationType.choices)
    status = models.CharField(max_length=24, choices=VerificationStatus.choices)
    status_reason = models.CharField(max_length=200, blank=True)
    details = models.JSONField(default=dict, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["company", "verification_type"], name="one_verification_per_type"
            )
        ]

    def __str__(self) -> str:
        return f"{self.verification_type} {self.status}"


class QualificationsAssociation(models.Model):
    """A subsidiary (`company`) sharing its qualifications with its primary company."""

    company = models.OneToOneField(
        "accounts.Company", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    primary = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    associated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.company_id} -> {self.primary_id}"


class QualificationsTask(models.Model):
    """Start/Get QualificationsAssociationTask and …DisassociationTask."""

    class Kind(models.TextChoices):
        ASSOCIATE = "associate"
        DISASSOCIATE = "disassociate"

    task_id = models.CharField(max_length=32, unique=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    partner = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(
        max_length=12,
        choices=QualificationsTaskStatus.choices,
        default=QualificationsTaskStatus.IN_PROGRESS,
    )
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["company", "kind", "-started_at"])]

    def __str__(self) -> str:
        return self.task_id

    def save(self, *args: object, **kwargs: object) -> None:
        if not self.task_id:
            self.task_id = (
                ids.association_task_id()
                if self.kind == self.Kind.ASSOCIATE
                else ids.disassociation_task_id()
            )
        super().save(*args, **kwargs)  # type: ignore[arg-type]
