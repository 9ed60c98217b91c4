"""The review queue: staff decide on submitted opportunities as AWS would (In review,
Approved, Action Required or Rejected, with a reason where the API wants one)."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from allyport.access.middleware import staff_actor
from allyport.core.errors import RuleViolation
from allyport.pipeline.enums import ReviewStatus
from allyport.pipeline.leads.referrals import record_review
from allyport.pipeline.opportunities.models import Opportunity

REASON_MAX = 255
COMMENTS_MAX = 2000


class ReviewReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (shown to the partner as ReviewStatusReason)"),
        max_length=REASON_MAX,
    )
    comments = forms.CharField(
        label=gettext_lazy("Comments (ReviewComments)"),
        max_length=COMMENTS_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


@admin.register(Opportunity)
class ReviewQueueAdmin(admin.ModelAdmin):
    """Submitted opportunities (and what became of them), filtered by review status."""

    list_display = (
        "public_id", "company", "catalog", "title", "customer_company_name", "review_status",
        "involvement_type", "submitted_at",
    )  # fmt: skip
    list_filter = ("review_status", "catalog", "involvement_type")
    search_fields = ("public_id", "title", "customer_company_name", "company__legal_name")
    ordering = ("-submitted_at",)
    list_select_related = ("company",)
    actions = ["mark_in_review", "mark_approved", "mark_action_required", "mark_rejected"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Opportunity]:
        return super().get_queryset(request).filter(submitted_at__isnull=False)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def _review(
        self, request: HttpRequest, queryset: QuerySet[Opportunity], status: str, **why: str
    ) -> None:
        staff = staff_actor(request)
        done = 0
        for opportunity in queryset:
            try:
                record_review(staff, opportunity, status, **why)
            except RuleViolation as refused:
                self.message_user(
                    request, f"{opportunity.public_id}: {refused.message}", messages.WARNING
                )
            else:
                done += 1
        if done:
            self.message_user(
                request,
                ngettext(
                    "%(n)d opportunity is now %(status)s.",
                    "%(n)d opportunities are now %(status)s.",
                    done,
                )
                % {"n": done, "status": status},
            )

    def _with_reason(
        self, request: HttpRequest, queryset: QuerySet[Opportunity], status: str, action: str
    ) -> HttpResponse | None:
        """The intermediate page asking for the reason; None once applied (back to
        the queue)."""
        form = ReviewReasonForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            data = form.cleaned_data
            self._review(
                request, queryset, status, reason=data["reason"], comments=data["comments"]
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Set the review status to %(status)s") % {"status": status},
            "opts": self.model._meta,
            "opportunities": queryset,
            "form": form,
            "action": action,
            "status": status,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "pipeline/leads/admin/review_reason.html", context)

    @admin.action(description=gettext_lazy("Move to In review"))
    def mark_in_review(self, request: HttpRequest, queryset: QuerySet[Opportunity]) -> None:
        self._review(request, queryset, ReviewStatus.IN_REVIEW)

    @admin.action(description=gettext_lazy("Approve"))
    def mark_approved(self, request: HttpRequest, queryset: QuerySet[Opportunity]) -> None:
        self._review(request, queryset, ReviewStatus.APPROVED)

    @admin.action(description=gettext_lazy("Ask for action (Action Required, with a reason)"))
    def mark_action_required(
        self, request: HttpRequest, queryset: QuerySet[Opportunity]
    ) -> HttpResponse | None:
        return self._with_reason(
            request, queryset, ReviewStatus.ACTION_REQUIRED, "mark_action_required"
        )

    @admin.action(description=gettext_lazy("Reject (with a reason)"))
    def mark_rejected(
        self, request: HttpRequest, queryset: QuerySet[Opportunity]
    ) -> HttpResponse | None:
        return self._with_reason(request, queryset, ReviewStatus.REJECTED, "mark_rejected")
