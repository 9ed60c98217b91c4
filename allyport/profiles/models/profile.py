"""The company profile: what the Company Profile tabs edit and the finder lists."""

from __future__ import annotations

import secrets

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from allyport.profiles import ids
from allyport.profiles.enums import ProfileTaskStatus, Visibility


class CompanyProfile(models.Model):
    """One per company: the listing (the account API's PartnerProfile) and what the
    tabs add to it. Listing fields change only through a version (ProfileVersion)."""

    company = models.OneToOneField(
        "accounts.Company", on_delete=models.CASCADE, primary_key=True, related_name="profile"
    )
    profile_id = models.CharField(max_length=32, unique=True, default=ids.profile_id)
    display_name = models.CharField(_("display name"), max_length=80, blank=True)
    description = models.TextField(_("description"), max_length=600, blank=True)
    website_url = models.URLField(_("website"), max_length=256, blank=True)
    logo_url = models.CharField(_("logo URL"), max_length=256, blank=True)
    industry_segments = models.JSONField(_("industries served"), default=list, blank=True)
    translation_source_locale = models.CharField(max_length=5, default="en-US")
    localized_contents = models.JSONField(default=list, blank=True)
    countries_served = models.JSONField(_("countries served"), default=list, blank=True)
    offering_types = models.JSONField(_("products and services"), default=list, blank=True)
    solution_areas = models.JSONField(_("solution areas"), default=list, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=8, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    visibility_changed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.display_name or str(self.company_id)


def logo_token() -> str:
    return secrets.token_urlsafe(18)


class ProfileLogo(models.Model):
    """An uploaded logo, checked and kept in the database (every web process serves it);
    served under its unguessable token with its own content type only."""

    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=32, unique=True, default=logo_token)
    content_type = models.CharField(max_length=32)
    data = models.BinaryField()
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.token


class ProfileVersion(models.Model):
    """Every change to a profile, numbered per company: who, when, what changed. A
    listing change of a listed company waits for staff approval (IN_PROGRESS) and is the
    account API's profile update task (`pprofiletask-…`)."""

    class Section(models.TextChoices):
        LISTING = "listing", _("Listing")
        COMPANY = "company", _("Company")
        SOLUTIONS = "solutions", _("Solutions/Practices")
        QUALIFICATIONS = "qualifications", _("Qualifications")
        LOCATIONS = "locations", _("Locations")
        PRODUCTS = "products", _("Products & Services")
        VISIBILITY = "visibility", _("Visibility")

    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="profile_versions"
    )
    number = models.PositiveIntegerField()
    task_id = models.CharField(max_length=32, unique=True, default=ids.profile_task_id)
    section = models.CharField(max_length=16, choices=Section.choices)
    status = models.CharField(max_length=12, choices=ProfileTaskStatus.choices)
    task_details = models.JSONField(default=dict, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=254, blank=True)
    source = models.CharField(max_length=12, default="page")
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    error_details = models.JSONField(default=list, blank=True)
    reviewed_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["company", "number"], name="profile_version_number"),
            models.UniqueConstraint(
                fields=["company"],
                condition=Q(status="IN_PROGRESS"),
                name="one_pending_profile_update",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.company_id} v{self.number} ({self.section})"


class SolutionDescription(models.Model):
    """The partner's descriptive text shown beside a validated offering on its listing."""

    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    solution = models.OneToOneField("pipeline.Solution", on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("description"), max_length=600)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.text[:40]


class Location(models.Model):
    """An office; exactly one may be the headquarters."""

    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="locations"
    )
    name = models.CharField(_("office name"), max_length=80)
    street = models.CharField(_("street address"), max_length=120, blank=True)
    city = models.CharField(_("city"), max_length=80)
    subdivision_code = models.CharField(_("state or region code"), max_length=3, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    country = CountryField(_("country"))
    is_headquarters = models.BooleanField(_("headquarters"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-is_headquarters", "name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["company"], condition=Q(is_headquarters=True), name="one_headquarters"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.city}"
