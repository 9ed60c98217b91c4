"""Staff see the embedded cloud's accounts and identities (changes go through
the cloud console or the commands, which check and audit them)."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from allyport.cloud.models import CloudAccount


@admin.register(CloudAccount)
class CloudAccountAdmin(admin.ModelAdmin):
    list_display = ("account_id", "alias", "seller_legal_name", "created_at")
    search_fields = ("account_id", "alias", "seller_legal_name")
    readonly_fields = ("account_id", "alias", "seller_legal_name", "created_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
