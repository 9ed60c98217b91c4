"""Account links, IAM role mappings, the CRM integration role, and the seller's
marketplace entities (products, private offers) of a linked cloud account."""

from __future__ import annotations

import secrets
import string

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy

from allyport.cloud.models import CloudAccount, IamRole

_ALNUM = string.ascii_lowercase + string.digits


def _entity_id(prefix: str) -> str:
    return prefix + "".join(secrets.choice(_ALNUM) for _ in range(13))


def product_id() -> str:
    return _entity_id("prod-")


def offer_id() -> str:
    return _entity_id("offer-")


class AccountLink(models.Model):
    """A partner company linked to one cloud (marketplace seller) account.

    One link per company and one per account, held by unique constraints, so
    two linking attempts at once leave one link.
    """

    company = models.OneToOneField(
        "accounts.Company", on_delete=models.CASCADE, related_name="account_link"
    )
    account = models.OneToOneField(CloudAccount, on_delete=models.PROTECT, related_name="link")
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    linked_by_iam_user = models.CharField(max_length=64)
    cloud_admin_role = models.ForeignKey(IamRole, on_delete=models.PROTECT, related_name="+")
    alliance_role = models.ForeignKey(IamRole, on_delete=models.PROTECT, related_name="+")
    ace_role = models.ForeignKey(IamRole, on_delete=models.PROTECT, related_name="+")
    linked_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.company} ↔ {self.account}"


class RoleMapping(models.Model):
    """A partner user mapped to one IAM role of the linked account."""

    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="iam_mapping"
    )
    role = models.ForeignKey(IamRole, on_delete=models.CASCADE, related_name="mappings")
    mapped_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["company", "user"])]

    def __str__(self) -> str:
        return f"{self.user_id} -> {self.role_id}"


class CrmIntegrationRole(models.Model):
    """The IAM role the company's CRM integration user acts as."""

    company = models.OneToOneField(
        "accounts.Company", on_delete=models.CASCADE, related_name="crm_integration_role"
    )
    role = models.ForeignKey(IamRole, on_delete=models.CASCADE, related_name="+")
    mapped_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = gettext_lazy("CRM integration role")
        verbose_name_plural = gettext_lazy("CRM integration roles")

    def __str__(self) -> str:
        return f"CRM integration -> {self.role_id}"


class UnlinkRequest(models.Model):
    """A request to unlink, carried by a support case; while open it blocks
    linking, mapping and linking products or offers."""

    OPEN = "open"
    CANCELLED = "cancelled"
    COMPLETED = "completed"

    link_company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    account_id = models.CharField(max_length=12)
    reason = models.CharField(max_length=64)
    case = models.OneToOneField(
        "support.SupportCase", on_delete=models.CASCADE, related_name="unlink_request"
    )
    status = models.CharField(
        max_length=10,
        choices=[(OPEN, "Open"), (CANCELLED, "Cancelled"), (COMPLETED, "Completed")],
        default=OPEN,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["link_company"],
                condition=models.Q(status="open"),
                name="one_open_unlink_request",
            )
        ]

    def __str__(self) -> str:
        return f"Unlink {self.account_id} ({self.status})"


class Product(models.Model):
    """A marketplace product listed by a seller account."""

    account = models.ForeignKey(CloudAccount, on_delete=models.CASCADE, related_name="products")
    entity_id = models.CharField(max_length=32, unique=True, default=product_id)
    title = models.CharField(max_length=255)
    product_type = models.CharField(max_length=32, default="SaaSProduct")
    visibility = models.CharField(max_length=16, default="Public")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.title


class PrivateOffer(models.Model):
    """A private offer of a product to one buyer account."""

    account = models.ForeignKey(CloudAccount, on_delete=models.CASCADE, related_name="offers")
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="offers")
    entity_id = models.CharField(max_length=32, unique=True, default=offer_id)
    name = models.CharField(max_length=150)
    buyer_account_id = models.CharField(max_length=12)
    state = models.CharField(max_length=16, default="Draft")  # Draft | Released
    agreement_type = models.CharField(max_length=32, default="PurchaseAgreement")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.name
