"""What staff publish: programs and designations, resource pages, the learning
catalogue, and the scorecard's thresholds."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from allyport.programs.models import Course, Designation, Program, ResourcePage, TierRequirement


class DesignationInline(admin.StackedInline):
    model = Designation
    extra = 0
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "published")
    list_filter = ("published",)
    search_fields = ("name", "summary")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [DesignationInline]


@admin.register(Designation)
class DesignationAdmin(admin.ModelAdmin):
    list_display = ("name", "program", "kind", "min_stage", "published")
    list_filter = ("kind", "published", "program")
    search_fields = ("name", "summary")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(ResourcePage)
class ResourcePageAdmin(admin.ModelAdmin):
    list_display = ("title", "program", "position", "published", "updated_at")
    list_filter = ("published", "program")
    search_fields = ("title", "body")
    prepopulated_fields = {"slug": ("title",)}


class CourseForm(forms.ModelForm):
    upload = forms.FileField(label=_("Hosted file"), required=False)

    class Meta:
        model = Course
        fields = (
            "kind", "title", "summary", "level", "duration_minutes", "format", "track", "link",
            "published", "position",
        )  # fmt: skip

    def save(self, commit: bool = True) -> Any:
        upload = self.cleaned_data.get("upload")
        if upload:
            self.instance.file_name = upload.name[:200]
            self.instance.file_content = upload.read()
        return super().save(commit)


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    form = CourseForm
    list_display = ("title", "kind", "format", "track", "level", "published")
    list_filter = ("kind", "format", "track", "published")
    search_fields = ("title",)

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).defer("file_content")


@admin.register(TierRequirement)
class TierRequirementAdmin(admin.ModelAdmin):
    list_display = ("path", "ladder", "tier", "tier_rank", "metric", "threshold", "note")
    list_filter = ("path", "ladder", "tier")
    list_editable = ("threshold", "note")
