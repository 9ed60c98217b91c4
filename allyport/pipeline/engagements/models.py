"""Engagements, engagement invitations and the Start…Task records (spec §2.9–§2.13).

An engagement is shared by its members (partner companies and AWS), so it has
no single company: members see it. An invitation has a sender and a receiver;
either may be AWS (the program: referrals and leads it shares, and the
invitations partners send it when they submit through
StartEngagementFromOpportunityTask), which is stored as a null company. A task
belongs to the company that started it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from allyport.core.ids import alnum
from allyport.pipeline.enums import Catalog
from allyport.pipeline.opportunities.models import Opportunity

__all__ = [
    "Engagement",
    "EngagementInvitation",
    "EngagementMember",
    "EngagementTask",
]


def engagement_id() -> str:
    """`eng-` and 14 characters, as the model's EngagementIdentifier pattern wants."""
    return "eng-" + alnum(14)


def invitation_id() -> str:
    """`engi-` and 13 characters."""
    return "engi-" + alnum(13)


def task_id() -> str:
    """`task-` and 13 characters (TaskArnOrIdentifier)."""
    return "task-" + alnum(13)


class Engagement(models.Model):
    """A collaboration space between AWS and partners, with its customer contexts."""

    public_id = models.CharField(max_length=24, unique=True, default=engagement_id)
    catalog = models.CharField(max_length=8, choices=Catalog.choices)
    title = models.CharField(max_length=40, blank=True)
    description = models.CharField(max_length=255, blank=True)
    # EngagementContextDetails as the API shapes them: [{Id, Type, Payload: {<Type>: …}}].
    contexts = models.JSONField(default=list, blank=True)
    # ",CustomerProject,Lead," — what ListEngagements' ContextTypes filters read.
    context_types = models.CharField(max_length=120, blank=True)
    # What SearchEngagements filters on: {filter key: [values]}, rebuilt from the
    # contexts and members after every change (`pipeline.prospecting.search_values`).
    search_values = models.JSONField(default=dict, blank=True)
    # The company that created it; null when AWS (the program) did.
    created_by_company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_by = models.CharField(max_length=12)  # the creator's AWS account id
    modified_by = models.CharField(max_length=12)
    # The partner opportunity it was started from (StartEngagementFromOpportunityTask).
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    member_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField()
    modified_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["catalog", "created_at", "public_id"], name="eng_created_idx"),
        ]

    def __str__(self) -> str:
        return self.public_id


class EngagementMember(models.Model):
    """A member of an engagement: a partner company, or AWS (no company)."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="members")
    company = models.ForeignKey(
        "accounts.Company",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    # As they were when the member joined (EngagementMember's members).
    account_id = models.CharField(max_length=12, blank=True)
    company_name = models.CharField(max_length=120)
    website_url = models.CharField(max_length=255, blank=True)
    joined_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "company"], name="engagement_member_once"
            ),
            models.UniqueConstraint(
                fields=["engagement"],
                condition=models.Q(company__isnull=True),
                name="engagement_aws_member_once",
            ),
        ]
        indexes = [
            # A company's engagements: one range scan.
            models.Index(fields=["company", "engagement"], name="eng_member_company_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.engagement_id}: {self.company_name}"


class EngagementInvitation(models.Model):
    """An invitation to join an engagement: an AWS referral (OpportunityInvitation) or
    lead (LeadInvitation) shared with a partner, or one partners send."""

    class Status(models.TextChoices):
        PENDING = "PENDING", _("Pending")
        ACCEPTED = "ACCEPTED", _("Accepted")
        REJECTED = "REJECTED", _("Rejected")
        EXPIRED = "EXPIRED", _("Expired")

    class PayloadType(models.TextChoices):
        OPPORTUNITY = "OpportunityInvitation", _("Opportunity referral")
        LEAD = "LeadInvitation", _("Lead")

    public_id = models.CharField(max_length=24, unique=True, default=invitation_id)
    catalog = models.CharField(max_length=8, choices=Catalog.choices)
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="invitations")
    # Null: AWS (the program) sent it.
    sender_company = models.ForeignKey(
        "accounts.Company",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    sender_name = models.CharField(max_length=120)
    sender_account_id = models.CharField(max_length=12, blank=True)
    # The staff member who sent a program referral.
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Null: sent to AWS.
    receiver_company = models.ForeignKey(
        "accounts.Company",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    receiver_alias = models.CharField(max_length=80, blank=True)
    payload_type = models.CharField(max_length=32, choices=PayloadType.choices)
    # The union member's value in the API's shape (OpportunityInvitationPayload, …).
    payload = models.JSONField(default=dict)
    message = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    invitation_date = models.DateTimeField()
    expiration_date = models.DateTimeField()
    responded_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.CharField(max_length=80, blank=True)
    # The partner opportunity accepting it created.
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        indexes = [
            # The receiver's lists, newest first, with or without a status filter.
            models.Index(
                fields=["receiver_company", "catalog", "status", "invitation_date", "public_id"],
                name="engi_receiver_status_idx",
            ),
            models.Index(
                fields=["receiver_company", "catalog", "invitation_date", "public_id"],
                name="engi_receiver_date_idx",
            ),
            models.Index(
                fields=["sender_company", "catalog", "invitation_date", "public_id"],
                name="engi_sender_date_idx",
            ),
            # Pending invitations past their date, for the expiry sweep.
            models.Index(fields=["status", "expiration_date"], name="engi_expiry_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sender_company__isnull=False)
                | models.Q(receiver_company__isnull=False),
                name="engi_has_a_partner",
            ),
        ]

    def __str__(self) -> str:
        return self.public_id

    @property
    def customer_name(self) -> str:
        return str((self.payload.get("Customer") or {}).get("CompanyName", ""))

    @property
    def title(self) -> str:
        """The project's title (referrals) or the use case (leads)."""
        if self.payload_type == self.PayloadType.OPPORTUNITY:
            return str((self.payload.get("Project") or {}).get("Title", ""))
        return str((self.payload.get("Interaction") or {}).get("Usecase", ""))


class EngagementTask(models.Model):
    """One StartEngagementByAcceptingInvitationTask or StartEngagementFromOpportunityTask:
    the work runs inside the call, and the row keeps its outcome for List…Tasks."""

    class Kind(models.TextChoices):
        ACCEPTING_INVITATION = (
            "StartEngagementByAcceptingInvitationTask",
            _("Start engagement by accepting invitation"),
        )
        FROM_OPPORTUNITY = (
            "StartEngagementFromOpportunityTask",
            _("Start engagement from opportunity"),
        )

    class Status(models.TextChoices):
        IN_PROGRESS = "IN_PROGRESS", _("In progress")
        COMPLETE = "COMPLETE", _("Complete")
        FAILED = "FAILED", _("Failed")

    public_id = models.CharField(max_length=24, unique=True, default=task_id)
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    catalog = models.CharField(max_length=8, choices=Catalog.choices)
    kind = models.CharField(max_length=48, choices=Kind.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.IN_PROGRESS)
    reason_code = models.CharField(max_length=48, blank=True)  # ReasonCode, when FAILED
    message = models.TextField(blank=True)
    opportunity_identifier = models.CharField(max_length=20, blank=True)
    engagement_identifier = models.CharField(max_length=24, blank=True)
    invitation_identifier = models.CharField(max_length=24, blank=True)
    # The snapshot job the task started (ResourceSnapshotJobId), once it completed.
    job_identifier = models.CharField(max_length=24, blank=True)
    tags = models.JSONField(default=list, blank=True)
    start_time = models.DateTimeField()
    end_time = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["company", "catalog", "kind", "start_time", "public_id"],
                name="engtask_list_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.public_id
