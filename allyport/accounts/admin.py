from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from allyport.access.models import RoleAssignment
from allyport.accounts.models import (
    AllianceLeadChangeRequest,
    Company,
    CompanyDomain,
    Invitation,
    LockoutContact,
    User,
)


class DomainInline(admin.TabularInline):
    model = CompanyDomain
    extra = 0


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ("legal_name", "public_id", "stage", "paths", "mfa_enabled", "created_at")
    list_filter = ("stage", "mfa_enabled")
    search_fields = ("legal_name", "public_id", "domains__domain")
    inlines = [DomainInline]


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
