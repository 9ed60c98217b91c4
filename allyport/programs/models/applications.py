"""Program applications: a company's application for one designation, from draft to
staff's decision, with its answers, chosen case studies and references, attachments
and the comments of the review."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from allyport.core import ids
from allyport.programs.models.catalogue import Designation


def application_id() -> str:
    return "papp-" + ids.alnum(12)


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    ACTION_REQUIRED = "action_required", _("Action required")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


# The statuses in which the company may still change the application.
EDITABLE = frozenset({ApplicationStatus.DRAFT, ApplicationStatus.ACTION_REQUIRED})
# The statuses staff may decide from.
UNDER_REVIEW = frozenset({ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW})


class ProgramApplication(models.Model):
    public_id = models.CharField(max_length=20, unique=True, default=application_id, editable=False)
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    designation = models.ForeignKey(Designation, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    acknowledged_at = models.DateTimeField()
    answers = models.JSONField(default=dict, blank=True)
    case_studies = models.JSONField(default=list, blank=True)  # titles chosen from content
    references = models.JSONField(default=list, blank=True)  # customer references, as text
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["company", "-updated_at"], name="programs_app_company")]
        constraints = [
            # One live application per designation: a rejected one may be followed by another.
            models.UniqueConstraint(
                fields=["company", "designation"],
                condition=~models.Q(status="rejected"),
                name="programs_one_live_application",
            )
        ]

    def __str__(self) -> str:
        return self.public_id

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE


class ApplicationAttachment(models.Model):
    """A file attached to an application; kept in the database like the bulk files,
    so every web process and worker read the same store."""

    application = models.ForeignKey(
        ProgramApplication, on_delete=models.CASCADE, related_name="attachments"
    )
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    content = models.BinaryField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.name


class ApplicationComment(models.Model):
    """A note of the review: staff's comments to the company, and the company's replies."""

    application = models.ForeignKey(
        ProgramApplication, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    from_staff = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=ApplicationStatus.choices, blank=True)
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:60]
