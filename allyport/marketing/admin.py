"""Staff keep the campaign template catalogue: templates and their asset blueprints
(fields and layouts as the Marketing API shapes them)."""

from __future__ import annotations

from django.contrib import admin

from allyport.marketing.models import AssetTemplate, CampaignTemplate


class AssetTemplateInline(admin.StackedInline):  # type: ignore[type-arg]
    model = AssetTemplate
    extra = 0


@admin.register(CampaignTemplate)
class CampaignTemplateAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "public_id", "industry", "language", "collection", "published")
    list_filter = ("published", "collection", "language", "industry")
    search_fields = ("name", "description", "use_case")
    readonly_fields = ("public_id", "created_at", "updated_at")
    inlines = (AssetTemplateInline,)
