"""The operator side (staff, standing in for AWS): the customer directory that
enrichment matches partners' customer accounts against, and a read-only view of the
accounts and their enrichment."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from allyport.customers.models import CustomerAccount, DirectoryEntry
from allyport.customers.services import enrichment


class DirectoryEntryForm(forms.ModelForm):  # type: ignore[type-arg]
    eligible_programs = forms.CharField(
        required=False,
        help_text=gettext_lazy("One program a line, such as MAP."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = DirectoryEntry
        fields = [
            "name", "website_domain", "duns", "industry", "sub_industry", "sector", "segment",
            "company_size", "region", "sub_region", "geo", "country",
            "account_planning_qualification", "eligible_programs",
            "marketplace_engagement_score", "solution_category", "solution_sub_category",
            "solution_score",
        ]  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        programs = self.instance.eligible_programs or []
        self.initial["eligible_programs"] = "\n".join(str(p) for p in programs)

    def clean_eligible_programs(self) -> list[str]:
        lines = (self.cleaned_data.get("eligible_programs") or "").splitlines()
        return list(dict.fromkeys(line.strip()[:100] for line in lines if line.strip()))


@admin.register(DirectoryEntry)
class DirectoryEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = DirectoryEntryForm
    list_display = ("name", "website_domain", "duns", "industry", "segment", "geo", "country")
    search_fields = ("name", "website_domain", "duns")
    list_filter = ("geo", "segment", "marketplace_engagement_score")

    # A change to the directory changes what matching finds: the accounts it concerns
    # (before and after the change) are matched again.
    def save_model(
        self, request: HttpRequest, obj: DirectoryEntry, form: Any, change: bool
    ) -> None:
        before = enrichment.concerned(obj) if change else []
        super().save_model(request, obj, form, change)
        enrichment.rematch(_unique(before + enrichment.concerned(obj)))

    def delete_model(self, request: HttpRequest, obj: DirectoryEntry) -> None:
        accounts = enrichment.concerned(obj)
        super().delete_model(request, obj)
        enrichment.rematch(accounts)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[DirectoryEntry]) -> None:
        accounts = [account for entry in queryset for account in enrichment.concerned(entry)]
        super().delete_queryset(request, queryset)
        enrichment.rematch(_unique(accounts))


def _unique(accounts: list[CustomerAccount]) -> list[CustomerAccount]:
    return list({account.pk: account for account in accounts}.values())


@admin.register(CustomerAccount)
class CustomerAccountAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Read-only: partners change their accounts through the portal and the API."""

    list_display = ("public_id", "company", "catalog", "company_name", "enrichment_status")
    list_filter = ("catalog", "enrichment_status")
    search_fields = ("public_id", "company_name", "company__name")
    list_select_related = ("company",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
