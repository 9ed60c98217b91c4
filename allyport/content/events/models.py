"""Partner events (webinars, workshops, summits, keynotes) published by staff, and the
members' registrations."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from allyport.content.shared.ids import event_id


class EventKind(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    WORKSHOP = "workshop", _("Workshop")
    SUMMIT = "summit", _("Summit")
    KEYNOTE = "keynote", _("Keynote")


class DeliveryFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIRTUAL = "virtual", _("Virtual")
    BOTH = "both", _("In person and virtual")


class PartnerEvent(models.Model):
    public_id = models.CharField(max_length=24, unique=True, default=event_id, editable=False)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices)
    delivery_format = models.CharField(
        _("delivery format"), max_length=16, choices=DeliveryFormat.choices
    )
    summary = models.CharField(_("summary"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    join_url = models.URLField(_("link to join"), blank=True)
    pinned = models.BooleanField(_("pinned"), default=False, help_text=_("Shown first."))
    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering = ["-pinned", "starts_at", "id"]
        verbose_name = _("partner event")
        indexes = [
            models.Index(fields=["is_published", "-pinned", "ends_at"], name="event_feed_idx")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def in_person(self) -> bool:
        return self.delivery_format in (DeliveryFormat.IN_PERSON, DeliveryFormat.BOTH)

    @property
    def virtual(self) -> bool:
        return self.delivery_format in (DeliveryFormat.VIRTUAL, DeliveryFormat.BOTH)


class EventRegistration(models.Model):
    event = models.ForeignKey(PartnerEvent, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    company = models.ForeignKey("accounts.Company", on_delete=models.CASCADE, related_name="+")
    registered_at = models.DateTimeField(default=timezone.now)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.event}"
