from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from allyport.accounts import ids
from allyport.accounts.choices import (
    INDUSTRY_SEGMENT_CHOICES,
    CustomerSegment,
    EmployeeCount,
    PrimarySolutionType,
    Stage,
)


class Company(models.Model):
    """A partner company: one account per email domain (or set of domains)."""

    public_id = models.CharField(max_length=32, unique=True, default=ids.partner_id, editable=False)
    legal_name = models.CharField(_("legal company name"), max_length=80)
    primary_solution_type = models.CharField(
        _("primary offering"), max_length=40, choices=PrimarySolutionType.choices
    )
    paths = models.JSONField(_("paths"), default=list)
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.REGISTERED
    )
    mfa_enabled = models.BooleanField(_("MFA enabled"), default=False)
    website = models.URLField(_("website"), max_length=256, blank=True)
    country_code = CountryField(_("country"), blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    phone = models.CharField(_("company phone"), max_length=40, blank=True)
    employee_count = models.CharField(
        _("number of employees"), max_length=16, choices=EmployeeCount.choices, blank=True
    )
    industry_segment = models.CharField(
        _("industry"), max_length=48, choices=INDUSTRY_SEGMENT_CHOICES, blank=True
    )
    customer_segments = models.JSONField(_("customers served"), default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "companies"
        ordering = ["legal_name"]

    def __str__(self) -> str:
        return self.legal_name

    def customer_segment_labels(self) -> list[str]:
        labels = dict(CustomerSegment.choices)
        return [str(labels.get(key, key)) for key in self.customer_segments]


class CompanyDomain(models.Model):
    """A business email domain; users with it join the company (My Domains)."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(_("domain"), max_length=253, unique=True)
    registered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["domain"]

    def __str__(self) -> str:
        return self.domain


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


# The AWS geographies leads and campaigns are grouped by.
REGIONS = (
    ("NAMER", _("North America")),
    ("LATAM", _("Latin America")),
    ("EMEA", _("Europe, Middle East and Africa")),
    ("APJ", _("Asia Pacific and Japan")),
)


class User(AbstractBaseUser, PermissionsMixin):
    """A person: a partner company's member, or a staff operator (no company)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        DEACTIVATED = "deactivated", _("Deactivated")
        REMOVED = "removed", _("Removed")

    public_id = models.CharField(
        max_length=18, unique=True, default=ids.partner_user_id, editable=False
    )
    email = models.EmailField(_("business email"), max_length=254, unique=True)
    first_name = models.CharField(_("first name"), max_length=80, blank=True)
    last_name = models.CharField(_("last name"), max_length=80, blank=True)
    job_title = models.CharField(_("job title"), max_length=80, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    preferred_language = models.CharField(_("preferred language"), max_length=10, default="en")
    # The AWS geography a marketing staff member works: they see its leads and campaigns.
    region = models.CharField(_("region"), max_length=8, choices=REGIONS, blank=True)
    certification_email = models.EmailField(_("AWS T&C Account Email"), blank=True)
    certification_consent = models.BooleanField(
        _("I consent to share my certifications with the partner network"), default=False
    )
    company = models.ForeignKey(
        Company, on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    # A real column (AbstractBaseUser declares a constant); removal and deactivation clear it.
    is_active = models.BooleanField(default=True)  # type: ignore[misc]
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []  # type: ignore[misc]  # a class constant, as Django's

    class Meta:
        indexes = [models.Index(fields=["company", "email"])]

    def __str__(self) -> str:
        return self.email

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.first_name or self.email


class EmailCode(models.Model):
    """A six-digit code emailed to prove an address before anything is created."""

    class Purpose(models.TextChoices):
        REGISTER_COMPANY = "register_company"
        REGISTER_USER = "register_user"
        STAFF_SIGNIN = "staff_signin"

    email = models.EmailField()
    purpose = models.CharField(max_length=24, choices=Purpose.choices)
    code_hash = models.CharField(max_length=128)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    consumed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["email", "purpose", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.purpose} code for {self.email}"


class Invitation(models.Model):
    """An invitation to join a company with chosen roles; its link works once."""

    public_id = models.CharField(max_length=36, unique=True, editable=False)
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    roles = models.JSONField(default=list)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["company", "-created_at"])]

    def __str__(self) -> str:
        return f"invitation for {self.email}"

    @property
    def is_pending(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )


class LockoutContact(models.Model):
    """A message from someone locked out of sign-in, for staff to answer."""

    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("business email"))
    message = models.TextField(_("how can we help?"), max_length=4000)
    source_ip = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    handled = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} ({self.created_at:%Y-%m-%d})"


class AllianceLeadChangeRequest(models.Model):
    """A member's request to change the alliance lead, for the lead and for staff."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="lead_change_requests"
    )
    requested_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="lead_change_requests"
    )
    message = models.TextField(_("message"), max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.company} ({self.created_at:%Y-%m-%d})"


class MemberSession(AbstractBaseSession):
    """A signed-in browser's session (allyport.accounts.sessions). It names its user in
    a column, so the session and the member are read in one query."""

    user_id = models.BigIntegerField(null=True, db_index=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    @classmethod
    def get_session_store_class(cls) -> type:
        from allyport.accounts.sessions import SessionStore

        return SessionStore
