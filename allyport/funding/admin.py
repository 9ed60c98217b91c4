"""The program's side of funding in the admin: staff keep the benefits catalogue and
review applications (approve with an allocation, ask for action, reject), and record
how much of an allocation is used. Decisions go through the review services, as the
staff actor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from allyport.access.middleware import staff_actor
from allyport.core.errors import NotFound, RuleViolation
from allyport.funding.models import Benefit, BenefitAllocation, BenefitApplication
from allyport.funding.services import review


@admin.register(Benefit)
class BenefitAdmin(admin.ModelAdmin):
    list_display = ("public_id", "name", "catalog", "fund_type", "status", "max_amount", "currency")
    list_filter = ("catalog", "fund_type", "status")
    search_fields = ("public_id", "name")
    readonly_fields = ("public_id",)


class ApproveForm(forms.Form):
    amount = forms.DecimalField(
        label=gettext_lazy("Amount allocated"), min_value=0, decimal_places=2
    )
    fulfillment_type = forms.ChoiceField(
        label=gettext_lazy("Paid as"),
        choices=[
            ("", gettext_lazy("The application's first")),
            ("CASH", "CASH"),
            ("CREDITS", "CREDITS"),
            ("ACCESS", "ACCESS"),
        ],
        required=False,
    )
    expires_at = forms.DateTimeField(label=gettext_lazy("Expires"), required=False)
    note = forms.CharField(
        label=gettext_lazy("Note to the partner"), required=False, max_length=1000
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (the partner sees it)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


@admin.register(BenefitApplication)
class BenefitApplicationAdmin(admin.ModelAdmin):
    list_display = ("public_id", "company", "catalog", "name", "benefit", "status", "updated_at")
    list_filter = ("status", "catalog", "benefit__fund_type")
    search_fields = ("public_id", "name", "company__legal_name")
    list_select_related = ("company", "benefit")
    actions = ["approve", "request_action", "reject"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def _decide(
        self,
        request: HttpRequest,
        queryset: QuerySet[BenefitApplication],
        action: str,
        form_class: type[forms.Form],
        run: Callable[[Any, str, dict[str, Any]], Any],
    ) -> HttpResponse | None:
        """Ask for the decision's values, then apply it to each chosen application."""
        form = form_class(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            context = {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Review benefit applications"),
                "applications": queryset,
                "form": form,
                "action": action,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "funding/admin/decide.html", context)
        staff = staff_actor(request)
        for application in queryset:
            try:
                run(staff, application.public_id, form.cleaned_data)
            except (RuleViolation, NotFound) as refused:
                self.message_user(request, f"{application.public_id}: {refused}", messages.WARNING)
            else:
                self.message_user(request, _("%(id)s is decided.") % {"id": application.public_id})
        return None

    @admin.action(description=gettext_lazy("Approve with an allocation"))
    def approve(
        self, request: HttpRequest, queryset: QuerySet[BenefitApplication]
    ) -> HttpResponse | None:
        return self._decide(
            request,
            queryset,
            "approve",
            ApproveForm,
            lambda staff, pid, data: review.approve_application(staff, pid, **data),
        )

    @admin.action(description=gettext_lazy("Ask for action (with a reason)"))
    def request_action(
        self, request: HttpRequest, queryset: QuerySet[BenefitApplication]
    ) -> HttpResponse | None:
        return self._decide(
            request,
            queryset,
            "request_action",
            ReasonForm,
            lambda staff, pid, data: review.request_action(staff, pid, data["reason"]),
        )

    @admin.action(description=gettext_lazy("Reject (with a reason)"))
    def reject(
        self, request: HttpRequest, queryset: QuerySet[BenefitApplication]
    ) -> HttpResponse | None:
        return self._decide(
            request,
            queryset,
            "reject",
            ReasonForm,
            lambda staff, pid, data: review.reject_application(staff, pid, data["reason"]),
        )


class UsageForm(forms.ModelForm):
    class Meta:
        model = BenefitAllocation
        fields = ("utilized_amount",)


@admin.register(BenefitAllocation)
class BenefitAllocationAdmin(admin.ModelAdmin):
    """Allocations and their balances; staff record what is used (through the service)."""

    list_display = (
        "public_id",
        "company",
        "name",
        "status",
        "allocated_amount",
        "utilized_amount",
        "currency",
        "expires_at",
    )
    list_filter = ("status", "fulfillment_type", "catalog")
    search_fields = ("public_id", "name", "company__legal_name")
    form = UsageForm
    fields = ("utilized_amount",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def save_model(
        self, request: HttpRequest, obj: BenefitAllocation, form: Any, change: bool
    ) -> None:
        try:
            review.set_utilized(staff_actor(request), obj.public_id, obj.utilized_amount)
        except RuleViolation as refused:
            self.message_user(request, str(refused), messages.ERROR)
