"""Funding: the benefits catalogue staff keep, the partners' benefit applications (with
their revisions and files) and the allocations approval grants.

Statuses and fulfillment types are the Benefits API's words
(botocore `partnercentral-benefits`), so pages and API read the same values.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from allyport.accounts.choices import Stage
from allyport.core import ids

ID_LENGTH = 14  # ben-…, benappl-…, benalloc-… carry 14 alphanumerics in the model


def benefit_id() -> str:
    return f"ben-{ids.alnum(ID_LENGTH)}"


def application_id() -> str:
    return f"benappl-{ids.alnum(ID_LENGTH)}"


def allocation_id() -> str:
    return f"benalloc-{ids.alnum(ID_LENGTH)}"


def file_id() -> str:
    return f"benfile-{ids.alnum(ID_LENGTH)}"


class Catalog(models.TextChoices):
    AWS = "AWS", "AWS"
    SANDBOX = "Sandbox", "Sandbox"


class FulfillmentType(models.TextChoices):
    CREDITS = "CREDITS", _("Credits")
    CASH = "CASH", _("Cash")
    ACCESS = "ACCESS", _("Access")


class FundType(models.TextChoices):
    """How the guide and partners name the money (the API's FulfillmentType is how it
    is paid)."""

    MDF = "MDF", _("Marketing Development Funds (MDF)")
    POC = "POC", _("Proof of Concept (POC) funding")
    CREDITS = "CREDITS", _("Promotional credits")
    CASH = "CASH", _("Cash funding")
    TRAINING = "TRAINING", _("Training funding")
    ACCESS = "ACCESS", _("Program access")


class BenefitStatus(models.TextChoices):
    ACTIVE = "ACTIVE", _("Active")
    INACTIVE = "INACTIVE", _("Inactive")


class Tier(models.TextChoices):
    SELECT = "Select", _("Select")
    ADVANCED = "Advanced", _("Advanced")
    PREMIER = "Premier", _("Premier")


class Benefit(models.Model):
    """One benefit of the catalogue, kept by staff in the admin (catalog-wide, no company)."""

    public_id = models.CharField(max_length=32, unique=True, default=benefit_id, editable=False)
    catalog = models.CharField(max_length=16, choices=Catalog.choices, default=Catalog.AWS)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    programs = models.JSONField(
        _("programs"), default=list, blank=True, help_text=_('Program codes, e.g. ["APN_MDF"].')
    )
    fund_type = models.CharField(_("fund type"), max_length=16, choices=FundType.choices)
    fulfillment_types = models.JSONField(
        _("fulfillment types"), default=list, help_text=_('Any of ["CREDITS", "CASH", "ACCESS"].')
    )
    eligible_paths = models.JSONField(
        _("eligible paths"), default=list, blank=True, help_text=_("Empty: every path.")
    )
    min_stage = models.CharField(
        _("lowest stage"), max_length=20, choices=Stage.choices, blank=True
    )
    eligible_tiers = models.JSONField(
        _("eligible tiers"), default=list, blank=True, help_text=_("Empty: every tier.")
    )
    max_amount = models.DecimalField(
        _("most a partner may request"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    request_schema = models.JSONField(
        _("request schema"),
        default=dict,
        blank=True,
        help_text=_(
            'The details an application asks for: {"required": [...], "properties": '
            '{"name": {"title": "...", "description": "..."}}}.'
        ),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=BenefitStatus.choices, default=BenefitStatus.ACTIVE
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("catalog", "name")
        indexes = [models.Index(fields=("catalog", "public_id"), name="funding_benefit_catalog")]

    def __str__(self) -> str:
        return f"{self.name} ({self.public_id})"


class ApplicationStatus(models.TextChoices):
    PENDING_SUBMISSION = "PENDING_SUBMISSION", _("Pending submission")
    IN_REVIEW = "IN_REVIEW", _("In review")
    ACTION_REQUIRED = "ACTION_REQUIRED", _("Action required")
    APPROVED = "APPROVED", _("Approved")
    REJECTED = "REJECTED", _("Rejected")
    CANCELED = "CANCELED", _("Canceled")


class BenefitApplication(models.Model):
    """A partner's application for one benefit; `revision` counts its changes (the API's
    Revision, the optimistic-concurrency token of Update and Amend)."""

    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="benefit_applications"
    )
    catalog = models.CharField(max_length=16, choices=Catalog.choices)
    public_id = models.CharField(max_length=32, unique=True, default=application_id, editable=False)
    benefit = models.ForeignKey(Benefit, on_delete=models.PROTECT, related_name="applications")
    name = models.CharField(_("name"), max_length=255, blank=True)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    fulfillment_types = models.JSONField(default=list, blank=True)
    details = models.JSONField(_("application details"), default=dict, blank=True)
    status = models.CharField(
        _("status"),
        max_length=24,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.PENDING_SUBMISSION,
    )
    stage = models.CharField(_("stage"), max_length=40, default="Draft")
    status_reason = models.TextField(_("status reason"), max_length=1000, blank=True)
    status_reason_codes = models.JSONField(default=list, blank=True)
    partner_contacts = models.JSONField(default=list, blank=True)
    associated_resources = models.JSONField(default=list, blank=True)
    tags = models.JSONField(default=list, blank=True)
    revision = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        # A page of a company's list is one index range scan (newest first by id).
        indexes = [
            models.Index(
                fields=("company", "catalog", "created_at", "public_id"), name="funding_app_list"
            ),
            models.Index(
                fields=("company", "catalog", "status", "created_at", "public_id"),
                name="funding_app_status",
            ),
        ]

    def __str__(self) -> str:
        return self.public_id

    @property
    def is_open(self) -> bool:
        return self.status not in TERMINAL


TERMINAL = frozenset(
    {ApplicationStatus.APPROVED, ApplicationStatus.REJECTED, ApplicationStatus.CANCELED}
)


class ApplicationRevision(models.Model):
    """One entry of an application's history: what changed, why, by whom."""

    application = models.ForeignKey(
        BenefitApplication, on_delete=models.CASCADE, related_name="revisions"
    )
    revision = models.PositiveIntegerField()
    action = models.CharField(max_length=40)
    reason = models.TextField(blank=True)
    changes = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=24, choices=ApplicationStatus.choices)
    actor = models.CharField(max_length=254, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-revision", "-pk")

    def __str__(self) -> str:
        return f"{self.application_id} r{self.revision} {self.action}"


class ApplicationFile(models.Model):
    """A file attached to an application: the content in the database (every web process
    reads it), its type sniffed from the bytes, served only to the company."""

    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    application = models.ForeignKey(
        BenefitApplication,
        on_delete=models.CASCADE,
        related_name="files",
        null=True,
        blank=True,
    )
    public_id = models.CharField(max_length=32, unique=True, default=file_id, editable=False)
    file_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    content = models.BinaryField()
    business_use_case = models.CharField(max_length=255, blank=True)
    created_by = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return self.file_name


class AllocationStatus(models.TextChoices):
    ACTIVE = "ACTIVE", _("Active")
    INACTIVE = "INACTIVE", _("Inactive")
    FULFILLED = "FULFILLED", _("Fulfilled")


class BenefitAllocation(models.Model):
    """What an approval grants: an amount (credits or cash) or access, and how much of
    it is used; the balance is what remains."""

    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="benefit_allocations"
    )
    catalog = models.CharField(max_length=16, choices=Catalog.choices)
    public_id = models.CharField(max_length=32, unique=True, default=allocation_id, editable=False)
    application = models.OneToOneField(
        BenefitApplication, on_delete=models.PROTECT, related_name="allocation"
    )
    benefit = models.ForeignKey(Benefit, on_delete=models.PROTECT, related_name="allocations")
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=AllocationStatus.choices, default="ACTIVE"
    )
    status_reason = models.TextField(_("status reason"), blank=True)
    fulfillment_type = models.CharField(
        _("fulfillment type"), max_length=16, choices=FulfillmentType.choices
    )
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    allocated_amount = models.DecimalField(
        _("allocated"), max_digits=14, decimal_places=2, default=Decimal("0")
    )
    utilized_amount = models.DecimalField(
        _("used"), max_digits=14, decimal_places=2, default=Decimal("0")
    )
    access_description = models.TextField(_("access granted"), blank=True)
    starts_at = models.DateTimeField(_("starts"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(
                fields=("company", "catalog", "created_at", "public_id"), name="funding_alloc_list"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(utilized_amount__lte=models.F("allocated_amount")),
                name="funding_alloc_within_amount",
            )
        ]

    def __str__(self) -> str:
        return self.public_id

    @property
    def remaining_amount(self) -> Decimal:
        return self.allocated_amount - self.utilized_amount
