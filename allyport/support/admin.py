"""Staff read cases, answer them and resolve them (each through the services)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from allyport.access.middleware import staff_actor
from allyport.support import services
from allyport.support.models import CaseMessage, SupportCase


class CaseMessageInline(admin.TabularInline):
    model = CaseMessage
    fields = ("created_at", "from_staff", "author", "body")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class CaseForm(forms.ModelForm):
    reply = forms.CharField(label=gettext_lazy("Reply"), widget=forms.Textarea, required=False)
    resolve = forms.BooleanField(label=gettext_lazy("Resolve case"), required=False)

    class Meta:
        model = SupportCase
        fields: list[str] = []


@admin.register(SupportCase)
class SupportCaseAdmin(admin.ModelAdmin):
    form = CaseForm
    list_display = ("case_id", "company", "subject", "status", "created_at")
    list_filter = ("status", "category")
    search_fields = ("case_id", "subject", "company__legal_name")
    readonly_fields = ("case_id", "company", "subject", "category", "status", "opened_by")
    inlines = [CaseMessageInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: SupportCase, form: Any, change: bool) -> None:
        staff = staff_actor(request)
        if form.cleaned_data.get("reply"):
            services.add_message(staff, obj, form.cleaned_data["reply"])
        if form.cleaned_data.get("resolve"):
            services.resolve_case(staff, obj)
