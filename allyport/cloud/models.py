"""The embedded cloud's tables: accounts, IAM users and roles, policies, access keys.

Allyport carries a small stand-in for the cloud-account side of account linking,
so the whole flow runs on one machine. Names and identifier formats follow IAM's
(12-digit account ids, `AIDA…` user ids, `AROA…` role ids, `AKIA…` access keys).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy

from allyport.cloud import ids


class CloudAccount(models.Model):
    account_id = models.CharField(max_length=12, unique=True, default=ids.account_id)
    alias = models.CharField(max_length=63, unique=True)
    # The marketplace seller profile; empty until the account registers as a seller.
    seller_legal_name = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.alias} ({self.account_id})"

    @property
    def is_seller(self) -> bool:
        return bool(self.seller_legal_name)


class IamUser(models.Model):
    account = models.ForeignKey(CloudAccount, on_delete=models.CASCADE, related_name="users")
    name = models.CharField(max_length=64)
    user_id = models.CharField(max_length=21, unique=True, default=ids.user_id)
    # Console password (Django's hasher); empty: no console sign-in.
    password = models.CharField(max_length=256, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = gettext_lazy("IAM user")
        verbose_name_plural = gettext_lazy("IAM users")
        constraints = [
            models.UniqueConstraint(fields=["account", "name"], name="iam_user_name_per_account")
        ]

    def __str__(self) -> str:
        return self.arn

    @property
    def arn(self) -> str:
        return f"arn:aws:iam::{self.account.account_id}:user/{self.name}"


class IamRole(models.Model):
    account = models.ForeignKey(CloudAccount, on_delete=models.CASCADE, related_name="roles")
    name = models.CharField(max_length=64)
    role_id = models.CharField(max_length=21, unique=True, default=ids.role_id)
    description = models.CharField(max_length=1000, blank=True)
    trust_policy = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = gettext_lazy("IAM role")
        verbose_name_plural = gettext_lazy("IAM roles")
        constraints = [
            models.UniqueConstraint(fields=["account", "name"], name="iam_role_name_per_account")
        ]

    def __str__(self) -> str:
        return self.arn

    @property
    def arn(self) -> str:
        return f"arn:aws:iam::{self.account.account_id}:role/{self.name}"


class CustomerPolicy(models.Model):
    """A customer-managed policy: one document, kept as its default version."""

    account = models.ForeignKey(CloudAccount, on_delete=models.CASCADE, related_name="policies")
    name = models.CharField(max_length=128)
    policy_id = models.CharField(max_length=21, unique=True, default=ids.policy_id)
    description = models.CharField(max_length=1000, blank=True)
    document = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = gettext_lazy("customer policy")
        verbose_name_plural = gettext_lazy("customer policies")
        constraints = [
            models.UniqueConstraint(fields=["account", "name"], name="iam_policy_name_per_account")
        ]

    def __str__(self) -> str:
        return self.arn

    @property
    def arn(self) -> str:
        return f"arn:aws:iam::{self.account.account_id}:policy/{self.name}"


def _one_principal() -> Q:
    return Q(user__isnull=False, role__isnull=True) | Q(user__isnull=True, role__isnull=False)


class PolicyAttachment(models.Model):
    """A managed policy (AWS catalogue or customer) attached to a user or a role, by ARN."""

    account = models.ForeignKey(CloudAccount, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        IamUser, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    role = models.ForeignKey(
        IamRole, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    policy_arn = models.CharField(max_length=2048)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=_one_principal(), name="attachment_one_principal"),
            models.UniqueConstraint(fields=["user", "policy_arn"], name="attachment_once_user"),
            models.UniqueConstraint(fields=["role", "policy_arn"], name="attachment_once_role"),
        ]

    def __str__(self) -> str:
        return self.policy_arn


class InlinePolicy(models.Model):
    user = models.ForeignKey(
        IamUser, on_delete=models.CASCADE, null=True, blank=True, related_name="inline_policies"
    )
    role = models.ForeignKey(
        IamRole, on_delete=models.CASCADE, null=True, blank=True, related_name="inline_policies"
    )
    name = models.CharField(max_length=128)
    document = models.JSONField()

    class Meta:
        verbose_name = gettext_lazy("inline policy")
        verbose_name_plural = gettext_lazy("inline policies")
        constraints = [
            models.CheckConstraint(condition=_one_principal(), name="inline_one_principal"),
            models.UniqueConstraint(fields=["user", "name"], name="inline_name_once_user"),
            models.UniqueConstraint(fields=["role", "name"], name="inline_name_once_role"),
        ]

    def __str__(self) -> str:
        return self.name


class AccessKey(models.Model):
    ACTIVE = "Active"
    INACTIVE = "Inactive"

    user = models.ForeignKey(IamUser, on_delete=models.CASCADE, related_name="access_keys")
    access_key_id = models.CharField(max_length=20, unique=True, default=ids.access_key_id)
    # Fernet token of the secret (core/encryption.py): the API needs the secret itself
    # to check SigV4 signatures, so it is encrypted, not hashed.
    secret_encrypted = models.TextField()
    status = models.CharField(
        max_length=8, choices=[(ACTIVE, ACTIVE), (INACTIVE, INACTIVE)], default=ACTIVE
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.access_key_id
