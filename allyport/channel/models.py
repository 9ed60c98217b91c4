"""Channel management (the Partner Central Channel API's resources and the Channel
page's records): program management accounts, their relationships, channel handshakes
between companies, channel contracts, end-user information and the growth-rebate figures.

Ids take the API's forms (`pma-`, `rs-`, `ch-`, `cc-` and 13 lower-case characters).
Every row belongs to one company and one catalog (AWS and Sandbox are separate); a
handshake belongs to its sender and is seen by its receiver too.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from allyport.core.ids import alnum

CATALOGS = (("AWS", "AWS"), ("Sandbox", "Sandbox"))


def pma_id() -> str:
    return f"pma-{alnum(13)}"


def relationship_id() -> str:
    return f"rs-{alnum(13)}"


def handshake_id() -> str:
    return f"ch-{alnum(13)}"


def contract_id() -> str:
    return f"cc-{alnum(13)}"


class ProgramManagementAccount(models.Model):
    class Status(models.TextChoices):
        PENDING = "PENDING", _("Pending")
        ACTIVE = "ACTIVE", _("Active")
        INACTIVE = "INACTIVE", _("Inactive")

    public_id = models.CharField(max_length=20, unique=True, default=pma_id)
    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    catalog = models.CharField(max_length=16, choices=CATALOGS)
    program = models.CharField(max_length=32)
    kind = models.CharField(max_length=32, blank=True)  # the API's `type`
    display_name = models.CharField(max_length=255)
    account_id = models.CharField(max_length=12)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    revision = models.PositiveIntegerField(default=1)
    start_date = models.DateTimeField(null=True, blank=True)
    tags = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(
                fields=["company", "catalog", "updated_at", "public_id"], name="pma_list_idx"
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "catalog", "program", "account_id"], name="pma_unique_account"
            )
        ]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.public_id})"


class Relationship(models.Model):
    public_id = models.CharField(max_length=20, unique=True, default=relationship_id)
    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    catalog = models.CharField(max_length=16, choices=CATALOGS)
    program_management_account = models.ForeignKey(
        ProgramManagementAccount, on_delete=models.CASCADE, related_name="relationships"
    )
    association_type = models.CharField(max_length=40)
    associated_account_id = models.CharField(max_length=12, blank=True)
    display_name = models.CharField(max_length=255)
    resale_account_model = models.CharField(max_length=32, blank=True)
    sector = models.CharField(max_length=32)
    account_scope = models.CharField(max_length=32, blank=True)
    requested_support_plan = models.JSONField(default=dict, blank=True)
    revision = models.PositiveIntegerField(default=1)
    start_date = models.DateTimeField(null=True, blank=True)
    end_date = models.DateTimeField(null=True, blank=True)
    tags = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(
                fields=["company", "catalog", "updated_at", "public_id"], name="rel_list_idx"
            )
        ]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.public_id})"


class ChannelHandshake(models.Model):
    class Status(models.TextChoices):
        PENDING = "PENDING", _("Pending")
        ACCEPTED = "ACCEPTED", _("Accepted")
        REJECTED = "REJECTED", _("Rejected")
        CANCELED = "CANCELED", _("Canceled")
        EXPIRED = "EXPIRED", _("Expired")

    public_id = models.CharField(max_length=20, unique=True, default=handshake_id)
    catalog = models.CharField(max_length=16, choices=CATALOGS)
    handshake_type = models.CharField(max_length=32)
    sender_company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+"
    )
    sender_account_id = models.CharField(max_length=12)
    sender_display_name = models.CharField(max_length=255)
    # The company linked to the receiving account; none when no company has linked it.
    receiver_company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    receiver_account_id = models.CharField(max_length=12)
    associated_resource_id = models.CharField(max_length=20)
    detail = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    tags = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(
                fields=["sender_company", "catalog", "handshake_type", "updated_at", "public_id"],
                name="handshake_sent_idx",
            ),
            models.Index(
                fields=["receiver_company", "catalog", "handshake_type", "updated_at", "public_id"],
                name="handshake_received_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.public_id


class ChannelContract(models.Model):
    class Status(models.TextChoices):
        PENDING = "PENDING", _("Pending signature")
        ACCEPTED = "ACCEPTED", _("Accepted")
        EXPIRED = "EXPIRED", _("Expired")
        CANCELED = "CANCELED", _("Canceled")
        INACTIVE = "INACTIVE", _("Inactive")

    public_id = models.CharField(max_length=20, unique=True, default=contract_id)
    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    catalog = models.CharField(max_length=16, choices=CATALOGS)
    contract_type = models.CharField(max_length=40)
    relationship = models.ForeignKey(
        Relationship, on_delete=models.CASCADE, related_name="contracts"
    )
    legal_entity_name = models.CharField(max_length=255)
    details = models.JSONField(default=dict)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    cancellation_reason = models.TextField(blank=True)
    tags = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["company", "catalog", "contract_type", "updated_at", "public_id"],
                name="contract_list_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.legal_entity_name} ({self.public_id})"


class EndUser(models.Model):
    """End User Information: the end customer behind a resold account."""

    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    account_id = models.CharField(_("Resold AWS account ID"), max_length=12)
    customer_name = models.CharField(_("End customer name"), max_length=255)
    country_code = models.CharField(_("Country"), max_length=2)
    industry = models.CharField(_("Industry"), max_length=80, blank=True)
    contact_email = models.EmailField(_("End customer contact email"), blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "account_id"], name="end_user_account")
        ]

    def __str__(self) -> str:
        return f"{self.customer_name} ({self.account_id})"


class RebateFigure(models.Model):
    """One period's billed revenue under an accepted contract, as the program reports it
    (staff enter it in the admin): the Partner Growth Rebate is earned on its growth."""

    contract = models.ForeignKey(ChannelContract, on_delete=models.CASCADE, related_name="figures")
    period = models.CharField(max_length=7)  # "2026-Q3"
    billed_revenue = models.DecimalField(max_digits=14, decimal_places=2)
    baseline_revenue = models.DecimalField(max_digits=14, decimal_places=2)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["contract", "period"], name="rebate_period")]

    def __str__(self) -> str:
        return f"{self.contract_id} {self.period}"
