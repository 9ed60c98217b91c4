"""Market: sponsorship opportunities staff offer and the companies' requests, the
Marketing Toolkit's guidelines and assets, and public customer references."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from allyport.content.shared.ids import (
    asset_id,
    reference_id,
    sponsorship_id,
    sponsorship_request_id,
)
from allyport.content.shared.models import Reviewed, StoredFile


class SponsorshipOpportunity(models.Model):
    public_id = models.CharField(max_length=24, unique=True, default=sponsorship_id, editable=False)
    title = models.CharField(_("title"), max_length=200)
    event_name = models.CharField(_("event"), max_length=200)
    event_date = models.DateField(_("event date"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    description = models.TextField(_("description"))
    package = models.CharField(_("package"), max_length=200, help_text=_("What the sponsor gets."))
    price = models.CharField(_("price"), max_length=60, blank=True)
    slots = models.PositiveIntegerField(_("sponsor slots"), default=1)
    is_open = models.BooleanField(_("open for requests"), default=True)

    class Meta:
        ordering = ["event_date", "title"]
        verbose_name = _("sponsorship opportunity")
        verbose_name_plural = _("sponsorship opportunities")

    def __str__(self) -> str:
        return self.title


class SponsorshipRequest(Reviewed):
    """A company's request to sponsor; validated means staff confirmed the slot."""

    public_id = models.CharField(
        max_length=24, unique=True, default=sponsorship_request_id, editable=False
    )
    opportunity = models.ForeignKey(
        SponsorshipOpportunity, on_delete=models.CASCADE, related_name="requests"
    )
    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    contact_email = models.EmailField(_("contact email"))
    message = models.TextField(_("message"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "company"], name="one_sponsorship_request_per_company"
            )
        ]

    def __str__(self) -> str:
        return f"{self.company} → {self.opportunity}"


class ToolkitKind(models.TextChoices):
    BRAND = "brand", _("Brand guidelines")
    MESSAGING = "messaging", _("Messaging guidelines")
    ASSET = "asset", _("Downloadable asset")


class ToolkitItem(models.Model):
    public_id = models.CharField(max_length=24, unique=True, default=asset_id, editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=ToolkitKind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("guidance"), blank=True)
    file = models.ForeignKey(
        StoredFile, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering = ["kind", "position", "title"]
        verbose_name = _("Marketing Toolkit item")

    def __str__(self) -> str:
        return self.title


class PublicReference(Reviewed):
    """A customer reference the partner may cite publicly; needs the customer's consent."""

    public_id = models.CharField(max_length=24, unique=True, default=reference_id, editable=False)
    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    customer = models.CharField(_("customer"), max_length=200)
    customer_contact = models.CharField(_("customer contact name"), max_length=120)
    customer_email = models.EmailField(_("customer contact email"))
    quote = models.TextField(_("reference statement"))
    use_case = models.CharField(_("use case"), max_length=200)
    url = models.URLField(_("public link"), blank=True)
    consent = models.BooleanField(_("the customer consents to be named publicly"), default=False)
    consent_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("public reference")
        indexes = [models.Index(fields=["company", "status"], name="reference_company_idx")]

    def __str__(self) -> str:
        return self.customer


class BadgeDownload(models.Model):
    """Kept so staff can see who uses the badges (the usage rules apply to them)."""

    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    badge = models.CharField(max_length=120)
    image_format = models.CharField(max_length=4)
    downloaded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.badge}.{self.image_format}"
