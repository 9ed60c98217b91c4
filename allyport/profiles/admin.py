"""The program's side, in the admin (staff standing in for AWS): approve or reject
listing changes, record a passed validation, move a company's stage with a reason,
mark fees paid or waive them, publish partner terms, review verification. Every
action goes through the services as the staff actor, so it is decided and recorded
like any other change; refusals are shown as messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from allyport.access.middleware import staff_actor
from allyport.core.errors import Conflict, RuleViolation
from allyport.profiles.enums import STAGE_ORDER, ProfileValidationErrorReason
from allyport.profiles.models import (
    CertificationDomain,
    PartnerStanding,
    ProfileVersion,
    ProgramFee,
    StageChange,
    TermsAcceptance,
    TermsVersion,
    Verification,
)
from allyport.profiles.services import fees, listing, stages, terms, verification


class ReasonForm(forms.Form):
    reason = forms.CharField(max_length=500, widget=forms.Textarea(attrs={"rows": 3}))


class RejectForm(ReasonForm):
    code = forms.ChoiceField(
        choices=ProfileValidationErrorReason.choices, label=gettext_lazy("Reason code")
    )


class StageForm(ReasonForm):
    stage = forms.ChoiceField(choices=[(s, s) for s in STAGE_ORDER])


class PaymentForm(forms.Form):
    reference = forms.CharField(
        max_length=80, required=False, label=gettext_lazy("Payment reference")
    )


def _each(request: HttpRequest, queryset: QuerySet[Any], apply: Callable[[Any], object]) -> None:
    """Apply to each selected row; a refusal is reported and the others go on."""
    done = 0
    for obj in queryset:
        try:
            apply(obj)
            done += 1
        except (RuleViolation, Conflict) as refused:
            messages.error(request, _("%(item)s: %(reason)s") % {"item": obj, "reason": refused})
    if done:
        messages.success(request, _("%(n)s done.") % {"n": done})


def _with_form(
    admin_: admin.ModelAdmin,  # type: ignore[type-arg]
    request: HttpRequest,
    queryset: QuerySet[Any],
    form_class: type[forms.Form],
    title: str,
    apply: Callable[[Any, dict[str, Any]], object],
) -> HttpResponse | None:
    """An action that asks for a reason (or more) first, then applies it to each row."""
    form = form_class(request.POST if "apply" in request.POST else None)
    if form.is_bound and form.is_valid():
        _each(request, queryset, lambda obj: apply(obj, form.cleaned_data))
        return None
    context = {
        **admin_.admin_site.each_context(request),
        "title": title, "queryset": queryset, "form": form,
        "action": request.POST.get("action", ""),
    }  # fmt: skip
    return TemplateResponse(request, "admin/profiles/staff_action.html", context)


@admin.register(ProfileVersion)
class ProfileVersionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("company", "number", "section", "status", "actor_label", "started_at")
    list_filter = ("status", "section")
    search_fields = ("company__legal_name", "task_id")
    readonly_fields = [f.name for f in ProfileVersion._meta.fields]
    actions = ["approve", "reject"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=gettext_lazy("Approve and publish the selected listing changes"))
    def approve(self, request: HttpRequest, queryset: QuerySet[ProfileVersion]) -> None:
        actor = staff_actor(request)
        _each(request, queryset, lambda v: listing.approve_profile_update(actor, v))

    @admin.action(description=gettext_lazy("Reject the selected listing changes…"))
    def reject(
        self, request: HttpRequest, queryset: QuerySet[ProfileVersion]
    ) -> HttpResponse | None:
        actor = staff_actor(request)
        return _with_form(
            self, request, queryset, RejectForm, _("Reject listing changes"),
            lambda v, data: listing.reject_profile_update(actor, v, data["reason"], data["code"]),
        )  # fmt: skip


@admin.register(PartnerStanding)
class PartnerStandingAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("legal_name", "public_id", "stage", "paths")
    list_filter = ("stage",)
    search_fields = ("legal_name", "public_id", "domains__domain")
    readonly_fields = ("legal_name", "public_id", "stage", "paths")
    fields = readonly_fields
    actions = ["validate", "move"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description=gettext_lazy("Record a passed validation (Confirmed → Validated)…"))
    def validate(self, request: HttpRequest, queryset: QuerySet[Any]) -> HttpResponse | None:
        actor = staff_actor(request)
        return _with_form(
            self, request, queryset, ReasonForm, _("Record a passed validation"),
            lambda c, data: stages.record_validation(actor, c, data["reason"]),
        )  # fmt: skip

    @admin.action(description=gettext_lazy("Move to a stage, with a reason…"))
    def move(self, request: HttpRequest, queryset: QuerySet[Any]) -> HttpResponse | None:
        actor = staff_actor(request)
        return _with_form(
            self, request, queryset, StageForm, _("Move to a stage"),
            lambda c, data: stages.move_stage(actor, c, data["stage"], data["reason"]),
        )  # fmt: skip


@admin.register(ProgramFee)
class ProgramFeeAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = (
        "company",
        "period_start",
        "amount",
        "status",
        "due_at",
        "paid_at",
        "reminders_sent",
    )
    list_filter = ("status",)
    search_fields = ("company__legal_name", "paying_account_id", "payment_reference")
    readonly_fields = [f.name for f in ProgramFee._meta.fields]
    actions = ["mark_paid", "waive"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=gettext_lazy("Mark the selected fees paid…"))
    def mark_paid(
        self, request: HttpRequest, queryset: QuerySet[ProgramFee]
    ) -> HttpResponse | None:
        actor = staff_actor(request)
        return _with_form(
            self, request, queryset, PaymentForm, _("Mark fees paid"),
            lambda f, data: fees.record_fee_payment(actor, f, data["reference"]),
        )  # fmt: skip

    @admin.action(description=gettext_lazy("Waive the selected fees…"))
    def waive(self, request: HttpRequest, queryset: QuerySet[ProgramFee]) -> HttpResponse | None:
        actor = staff_actor(request)
        return _with_form(
            self, request, queryset, ReasonForm, _("Waive fees"),
            lambda f, data: fees.waive_fee(actor, f, data["reason"]),
        )  # fmt: skip


class TermsForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = TermsVersion
        fields = ["title", "body"]


@admin.register(TermsVersion)
class TermsVersionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Publishing is adding a version; a published version never changes."""

    form = TermsForm
    list_display = ("version", "title", "published_at", "published_by")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: TermsVersion, form: Any, change: bool) -> None:
        published = terms.publish_terms(staff_actor(request), obj.title, obj.body)
        obj.pk, obj.version = published.pk, published.version


@admin.register(Verification)
class VerificationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("company", "verification_type", "status", "started_at", "completed_at")
    list_filter = ("status", "verification_type")
    readonly_fields = [f.name for f in Verification._meta.fields]
    actions = ["approve", "reject"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=gettext_lazy("Approve the selected verifications"))
    def approve(self, request: HttpRequest, queryset: QuerySet[Verification]) -> None:
        actor = staff_actor(request)
        _each(request, queryset, lambda v: verification.review_verification(actor, v, approve=True))

    @admin.action(description=gettext_lazy("Reject the selected verifications…"))
    def reject(self, request: HttpRequest, queryset: QuerySet[Verification]) -> HttpResponse | None:
        actor = staff_actor(request)

        def refuse(found: Verification, data: dict[str, Any]) -> object:
            return verification.review_verification(
                actor, found, approve=False, reason=data["reason"]
            )

        return _with_form(self, request, queryset, ReasonForm, _("Reject verifications"), refuse)


class ReadOnly(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(StageChange)
class StageChangeAdmin(ReadOnly):
    list_display = ("company", "from_stage", "to_stage", "reason", "actor_label", "changed_at")
    list_filter = ("to_stage",)


@admin.register(TermsAcceptance)
class TermsAcceptanceAdmin(ReadOnly):
    list_display = ("company", "version", "user", "accepted_at", "source")


@admin.register(CertificationDomain)
class CertificationDomainAdmin(ReadOnly):
    list_display = ("domain", "company", "registered_at")
