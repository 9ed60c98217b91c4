"""Connections between partner companies, as the Account API models them.

A company invites another (`ConnectionInvitation`, `pacinv-…`) to one connection type;
the receiver accepts (the pair's `Connection`, `pac-…`, gains that type, ACTIVE) or
rejects; the sender may cancel while it is pending; pending invitations expire. One
`Connection` joins two companies in one catalog and carries each type it has had
(`ConnectionTypeDetail`); cancelling ends one type. Each company keeps its
`ConnectionPreferences` per catalog (who may invite it), and the Account API's tags
of the company's own taggable resources (`AccountResourceTags`).
"""

from __future__ import annotations

import secrets
import string
from datetime import datetime, timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from allyport.accounts.models import Company

_ALNUM = string.ascii_lowercase + string.digits
INVITATION_LIFETIME = timedelta(days=15)


def _random(prefix: str) -> str:
    return prefix + "".join(secrets.choice(_ALNUM) for _ in range(13))


def invitation_id() -> str:
    return _random("pacinv-")


def connection_id() -> str:
    return _random("pac-")


class ConnectionType(models.TextChoices):
    OPPORTUNITY_COLLABORATION = "OPPORTUNITY_COLLABORATION", _("Opportunity collaboration")
    SUBSIDIARY = "SUBSIDIARY", _("Subsidiary")


class InvitationStatus(models.TextChoices):
    PENDING = "PENDING", _("Pending")
    ACCEPTED = "ACCEPTED", _("Accepted")
    REJECTED = "REJECTED", _("Rejected")
    CANCELED = "CANCELED", _("Canceled")
    EXPIRED = "EXPIRED", _("Expired")


class TypeStatus(models.TextChoices):
    ACTIVE = "ACTIVE", _("Active")
    CANCELED = "CANCELED", _("Canceled")


class AccessType(models.TextChoices):
    ALLOW_ALL = "ALLOW_ALL", _("Anyone may invite us")
    DENY_ALL = "DENY_ALL", _("Nobody may invite us")
    ALLOW_BY_DEFAULT_DENY_SOME = "ALLOW_BY_DEFAULT_DENY_SOME", _("Anyone except those excluded")


def _expiry() -> datetime:
    return timezone.now() + INVITATION_LIFETIME


class ConnectionInvitation(models.Model):
    public_id = models.CharField(max_length=20, unique=True, default=invitation_id, editable=False)
    catalog = models.CharField(max_length=16)
    connection_type = models.CharField(max_length=32, choices=ConnectionType.choices)
    sender = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    receiver = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    inviter_name = models.CharField(max_length=80)
    inviter_email = models.CharField(max_length=320)
    message = models.CharField(max_length=256)
    status = models.CharField(
        max_length=16, choices=InvitationStatus.choices, default=InvitationStatus.PENDING
    )
    reason = models.CharField(max_length=256, blank=True, default="")
    connection = models.ForeignKey(
        "Connection", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=_expiry)

    class Meta:
        constraints = [
            # One open invitation per direction and type (a second is a duplicate).
            models.UniqueConstraint(
                fields=["catalog", "sender", "receiver", "connection_type"],
                condition=Q(status="PENDING"),
                name="connections_one_pending_invitation",
            )
        ]
        indexes = [
            models.Index(fields=["sender", "catalog", "public_id"], name="conn_inv_sender_idx"),
            models.Index(fields=["receiver", "catalog", "public_id"], name="conn_inv_receiver_idx"),
        ]

    def __str__(self) -> str:
        return self.public_id

    @property
    def is_pending(self) -> bool:
        return self.status == InvitationStatus.PENDING and self.expires_at > timezone.now()

    @property
    def current_status(self) -> str:
        """The status as of now: a pending invitation past its expiry is Expired even
        before the sweep (or the next change) writes it."""
        if self.status == InvitationStatus.PENDING and not self.is_pending:
            return InvitationStatus.EXPIRED
        return str(self.status)

    @property
    def current_status_display(self) -> str:
        return str(InvitationStatus(self.current_status).label)


class Connection(models.Model):
    """Two companies in one catalog; `first` has the lower key, so a pair has one row."""

    public_id = models.CharField(max_length=20, unique=True, default=connection_id, editable=False)
    catalog = models.CharField(max_length=16)
    first = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["catalog", "first", "second"], name="connections_one_per_pair"
            ),
            models.CheckConstraint(condition=Q(first__lt=models.F("second")), name="conn_ordered"),
        ]
        indexes = [
            models.Index(fields=["first", "catalog", "public_id"], name="conn_first_idx"),
            models.Index(fields=["second", "catalog", "public_id"], name="conn_second_idx"),
        ]

    def __str__(self) -> str:
        return self.public_id

    def other(self, company: Company) -> Company:
        return self.second if company.pk == self.first_id else self.first


class ConnectionTypeDetail(models.Model):
    connection = models.ForeignKey(Connection, on_delete=models.CASCADE, related_name="types")
    connection_type = models.CharField(max_length=32, choices=ConnectionType.choices)
    status = models.CharField(max_length=16, choices=TypeStatus.choices, default=TypeStatus.ACTIVE)
    inviter_name = models.CharField(max_length=80)
    inviter_email = models.CharField(max_length=320)
    created_at = models.DateTimeField(default=timezone.now)
    canceled_at = models.DateTimeField(null=True, blank=True)
    canceled_by = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cancel_reason = models.CharField(max_length=256, blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["connection", "connection_type"], name="connections_one_detail_per_type"
            )
        ]

    def __str__(self) -> str:
        return f"{self.connection_id} {self.connection_type} {self.status}"


class ConnectionPreferences(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    catalog = models.CharField(max_length=16)
    access_type = models.CharField(
        max_length=32, choices=AccessType.choices, default=AccessType.ALLOW_ALL
    )
    excluded = models.JSONField(default=list)
    revision = models.BigIntegerField(default=1)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "catalog"], name="connections_one_pref")
        ]
        verbose_name_plural = "connection preferences"

    def __str__(self) -> str:
        return f"{self.company_id} {self.catalog} {self.access_type}"


class AccountResourceTags(models.Model):
    """The tags of one of the company's Account API resources (its partner record, its
    connection preferences), keyed by the resource's ARN."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    resource_arn = models.CharField(max_length=200)
    tags = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "resource_arn"], name="connections_one_tags")
        ]
        verbose_name_plural = "account resource tags"

    def __str__(self) -> str:
        return self.resource_arn
