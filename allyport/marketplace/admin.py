"""Staff views of links and unlinking requests; staff complete unlinking here."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from allyport.access.middleware import staff_actor
from allyport.core.errors import ChangeRefused
from allyport.marketplace.models import AccountLink, UnlinkRequest
from allyport.marketplace.services.unlinking import complete_unlink


@admin.register(AccountLink)
class AccountLinkAdmin(admin.ModelAdmin):
    list_display = ("company", "account", "linked_by", "linked_at")
    search_fields = ("company__legal_name", "account__account_id")
    readonly_fields = [f.name for f in AccountLink._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(UnlinkRequest)
class UnlinkRequestAdmin(admin.ModelAdmin):
    list_display = ("link_company", "account_id", "reason", "status", "case", "created_at")
    list_filter = ("status",)
    actions = ["complete"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    @admin.action(description=gettext_lazy("Complete unlinking (removes the link and mappings)"))
    def complete(self, request: HttpRequest, queryset: QuerySet[UnlinkRequest]) -> None:
        staff = staff_actor(request)
        for unlink in queryset:
            try:
                complete_unlink(staff, unlink)
            except ChangeRefused as refused:
                self.message_user(
                    request, f"{unlink.link_company}: {refused.reason}", messages.WARNING
                )
            else:
                self.message_user(request, f"{unlink.link_company}: unlinked")
