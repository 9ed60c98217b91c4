"""Publishing: staff create and edit the content partners read."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from allyport.content.events.models import EventRegistration, PartnerEvent
from allyport.content.market.models import SponsorshipOpportunity, ToolkitItem
from allyport.content.news.models import NewsItem
from allyport.content.resources.models import Resource, ResourceKind, Track, TrackItem
from allyport.content.shared import files
from allyport.content.walkthroughs.models import Walkthrough, WalkthroughStep
from allyport.core.errors import RuleViolation

# Web addresses typed without a scheme are https (Django 6's default), as the pages' forms.
HTTPS_URLS: dict[Any, dict[str, Any]] = {models.URLField: {"assume_scheme": "https"}}


@admin.register(NewsItem)
class NewsItemAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    formfield_overrides = HTTPS_URLS
    list_display = ("title", "topic", "published_at", "is_published")
    list_filter = ("topic", "is_published")
    search_fields = ("title", "summary")


@admin.register(PartnerEvent)
class PartnerEventAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    formfield_overrides = HTTPS_URLS
    list_display = ("title", "kind", "delivery_format", "starts_at", "pinned", "is_published")
    list_filter = ("kind", "delivery_format", "pinned", "is_published")
    search_fields = ("title", "summary", "location")


@admin.register(EventRegistration)
class EventRegistrationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("event", "user", "company", "registered_at", "reminded_at")
    list_select_related = ("event", "user", "company")
    readonly_fields = ("event", "user", "company", "registered_at", "reminded_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


def _upload_field(rule: files.FileRule, label: Any) -> forms.FileField:
    limits = {"types": rule.describe(), "kib": rule.max_bytes // 1024}
    return forms.FileField(
        label=label, required=False, help_text=_("%(types)s; at most %(kib)s KiB.") % limits
    )


class UploadsForm(forms.ModelForm):  # type: ignore[type-arg]
    """Checks each upload with the same rule partners' uploads meet."""

    RULES: dict[str, files.FileRule] = {}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name, rule in self.rules().items():
            upload = cleaned.get(name)
            if upload:
                try:
                    files.check_upload(upload, rule, name)
                except RuleViolation as refused:
                    for error in refused.errors:
                        self.add_error(name, error.message)
        return cleaned

    def rules(self) -> dict[str, files.FileRule]:
        return self.RULES

    def store(self, obj: Any) -> None:
        for name, rule in self.rules().items():
            upload = self.cleaned_data.get(name)
            if upload:
                setattr(obj, name.removesuffix("_upload"), files.store_upload(upload, rule, name))


class ResourceForm(UploadsForm):
    file_upload = _upload_field(files.ASSETS, _("File (document or hosted video)"))
    captions_upload = _upload_field(files.CAPTIONS, _("Captions (WebVTT)"))

    class Meta:
        model = Resource
        fields = [
            "kind",
            "title",
            "summary",
            "body",
            "category",
            "link",
            "is_published",
            "published_at",
        ]

    def rules(self) -> dict[str, files.FileRule]:
        kind = self.cleaned_data.get("kind")
        file_rule = files.VIDEOS if kind == ResourceKind.VIDEO else files.DOCUMENTS
        return {"file_upload": file_rule, "captions_upload": files.CAPTIONS}


class ToolkitItemForm(UploadsForm):
    file_upload = _upload_field(files.ASSETS, _("Asset file"))
    RULES = {"file_upload": files.ASSETS}

    class Meta:
        model = ToolkitItem
        fields = ["kind", "title", "body", "position", "is_published"]


class StoringAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    formfield_overrides = HTTPS_URLS

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        form.store(obj)
        super().save_model(request, obj, form, change)


@admin.register(Resource)
class ResourceAdmin(StoringAdmin):
    form = ResourceForm
    list_display = ("title", "kind", "category", "is_published")
    list_filter = ("kind", "is_published")
    search_fields = ("title", "summary", "body")


@admin.register(ToolkitItem)
class ToolkitItemAdmin(StoringAdmin):
    form = ToolkitItemForm
    list_display = ("title", "kind", "position", "is_published")
    list_filter = ("kind",)


class TrackItemInline(admin.TabularInline):  # type: ignore[type-arg]
    formfield_overrides = HTTPS_URLS
    model = TrackItem
    extra = 1
    autocomplete_fields = ("resource",)


@admin.register(Track)
class TrackAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("title", "position", "is_published")
    inlines = [TrackItemInline]


class WalkthroughStepInline(admin.StackedInline):  # type: ignore[type-arg]
    model = WalkthroughStep
    extra = 1


@admin.register(Walkthrough)
class WalkthroughAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("title", "position", "is_published")
    inlines = [WalkthroughStepInline]


@admin.register(SponsorshipOpportunity)
class SponsorshipOpportunityAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("title", "event_name", "event_date", "slots", "is_open")
    list_filter = ("is_open",)
