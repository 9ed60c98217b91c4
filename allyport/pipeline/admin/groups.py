"""Engagement groups in the admin: the program host (staff) curates them.

Engagements are named by their public ids (`eng-…`, one a line), the ids staff
see everywhere else, and must be of the group's catalog. Every change is
audited with the staff member as the identity.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from allyport.access.middleware import staff_actor
from allyport.audit import services as audit
from allyport.pipeline.engagements.models import Engagement
from allyport.pipeline.prospecting.models import EngagementGroup
from allyport.pipeline.shared.console_audit import SELLING_SOURCE

MAX_ENGAGEMENTS = 1000


class EngagementGroupForm(forms.ModelForm):
    engagement_ids = forms.CharField(
        label=gettext_lazy("Engagements"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy("Engagement ids (eng-…), one a line, of the group's catalog."),
    )

    class Meta:
        model = EngagementGroup
        fields = ("name", "description", "catalog", "readiness_level", "active")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            ids = self.instance.engagements.order_by("public_id").values_list(
                "public_id", flat=True
            )
            self.initial["engagement_ids"] = "\n".join(ids)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        wanted = list(dict.fromkeys(str(data.get("engagement_ids") or "").split()))
        if len(wanted) > MAX_ENGAGEMENTS:
            self.add_error("engagement_ids", _("A group holds at most 1000 engagements."))
            return data
        found = Engagement.objects.filter(catalog=data.get("catalog"), public_id__in=wanted)
        self.engagements = list(found)
        missing = sorted(set(wanted) - {e.public_id for e in self.engagements})
        if missing:
            self.add_error(
                "engagement_ids",
                _("Not engagements of this catalog: %(ids)s") % {"ids": ", ".join(missing)},
            )
        return data


@admin.register(EngagementGroup)
class EngagementGroupAdmin(admin.ModelAdmin):
    form = EngagementGroupForm
    list_display = (
        "public_id", "name", "catalog", "readiness_level", "active", "engagement_count",
        "updated_at",
    )  # fmt: skip
    list_filter = ("catalog", "readiness_level", "active")
    search_fields = ("public_id", "name")
    ordering = ("-updated_at",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[EngagementGroup]:
        return super().get_queryset(request).annotate(engagement_total=Count("engagements"))

    @admin.display(description=gettext_lazy("Engagements"), ordering="engagement_total")
    def engagement_count(self, group: EngagementGroup) -> int:
        return int(getattr(group, "engagement_total", 0))

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        group = form.instance
        group.engagements.set(form.engagements)
        group.save(update_fields=["updated_at"])  # membership changes are updates too
        self._record(request, "UpdateEngagementGroup" if change else "CreateEngagementGroup", group)

    def delete_model(self, request: HttpRequest, obj: EngagementGroup) -> None:
        self._record(request, "DeleteEngagementGroup", obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[EngagementGroup]) -> None:
        for group in queryset:
            self._record(request, "DeleteEngagementGroup", group)
        super().delete_queryset(request, queryset)

    def _record(self, request: HttpRequest, event_name: str, group: EngagementGroup) -> None:
        audit.record(
            staff_actor(request),
            event_name,
            event_source=SELLING_SOURCE,
            request_parameters={
                "id": group.public_id,
                "catalog": group.catalog,
                "name": group.name,
                "readinessLevel": group.readiness_level,
                "active": group.active,
                "engagements": sorted(group.engagements.values_list("public_id", flat=True)),
            },
        )
