from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import transaction
from django.http import HttpRequest

from allyport.access import actor as actors
from allyport.access.model import access_model
from allyport.access.models import RoleAssignment
from allyport.accounts.models import (
    AllianceLeadChangeRequest,
    Company,
    CompanyDomain,
    Invitation,
    LockoutContact,
    User,
)
from allyport.audit import services as audit
from allyport.core.client_address import client_ip


class DomainInline(admin.TabularInline):
    model = CompanyDomain
    extra = 0


class CompanyAdminForm(forms.ModelForm):
    """Paths are chosen from the access model's list, at least one."""

    paths = forms.MultipleChoiceField(
        choices=[(path, path) for path in access_model().paths],
        widget=forms.CheckboxSelectMultiple,
    )
    website = forms.URLField(max_length=256, required=False, assume_scheme="https")

    class Meta:
        model = Company
        fields = [
            "legal_name", "primary_solution_type", "paths", "stage", "mfa_enabled", "website",
            "country_code", "city", "phone", "employee_count", "industry_segment",
            "customer_segments",
        ]  # fmt: skip


def _plain(value: Any) -> Any:
    return value if isinstance(value, str | bool | int | list | type(None)) else str(value)


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    form = CompanyAdminForm
    list_display = ("legal_name", "public_id", "stage", "paths", "mfa_enabled", "created_at")
    list_filter = ("stage", "mfa_enabled")
    search_fields = ("legal_name", "public_id", "domains__domain")
    inlines = [DomainInline]

    def save_model(self, request: HttpRequest, obj: Company, form: Any, change: bool) -> None:
        """Staff changes (stage, paths, MFA, …) are audited like every other change."""
        assert isinstance(request.user, User)  # the admin site admits signed-in staff only
        agent = request.META.get("HTTP_USER_AGENT", "")
        staff = actors.for_user(request.user, client_ip(request), agent)
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            changed = {name: _plain(form.cleaned_data.get(name)) for name in form.changed_data}
            event = "UpdatePartner" if change else "CreatePartner"
            audit.record(staff, event, company=obj, request_parameters=changed)


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    fk_name = "user"
    extra = 0
    fields = ("role", "company")


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ("email",)
    list_display = ("email", "full_name", "company", "status", "is_staff", "last_login")
    list_filter = ("status", "is_staff")
    search_fields = ("email", "first_name", "last_name", "public_id")
    fieldsets = (
        (None, {"fields": ("email", "password", "company", "status", "is_active")}),
        (
            "Profile",
            {"fields": ("first_name", "last_name", "job_title", "phone", "preferred_language")},
        ),
        ("Staff", {"fields": ("is_staff", "is_superuser")}),
    )
    add_fieldsets = ((None, {"fields": ("email", "password1", "password2")}),)
    inlines = [RoleInline]


@admin.register(LockoutContact)
class LockoutContactAdmin(admin.ModelAdmin):
    list_display = ("created_at", "email", "name", "handled")
    list_filter = ("handled",)
    search_fields = ("email", "name")


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("email", "company", "created_at", "expires_at", "accepted_at", "revoked_at")
    search_fields = ("email",)


@admin.register(AllianceLeadChangeRequest)
class AllianceLeadChangeRequestAdmin(admin.ModelAdmin):
    list_display = ("created_at", "company", "requested_by", "status")
    list_filter = ("status",)
    search_fields = ("company__legal_name", "requested_by__email", "message")
    raw_id_fields = ("company", "requested_by")
