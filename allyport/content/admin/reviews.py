"""Reviewing submissions: staff validate a submitted record or ask for changes, through
the part's review service as a staff actor (decided and recorded)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from allyport.access.decisions import PermissionDenied
from allyport.access.middleware import staff_actor
from allyport.content.admin.publishing import HTTPS_URLS
from allyport.content.build.case_studies import review_case_study
from allyport.content.build.devices import review_device
from allyport.content.build.models import CaseStudy, Device, WorkloadReview
from allyport.content.build.workloads import review_workload
from allyport.content.jobs.models import JobPosting
from allyport.content.market.models import PublicReference, SponsorshipRequest
from allyport.content.market.references import validate_reference
from allyport.content.market.sponsorships import confirm_sponsorship
from allyport.content.shared.models import ReviewStatus
from allyport.core.errors import ChangeRefused

Review = Callable[..., Any]


def _run(request: HttpRequest, rows: QuerySet[Any], review: Review, approve: bool) -> None:
    actor = staff_actor(request)
    done = 0
    for row in rows.filter(status=ReviewStatus.SUBMITTED):
        note = row.review_note or (
            "" if approve else "Please see the reviewer's note and submit again."
        )
        try:
            review(actor, row.public_id, approve=approve, note=note)
            done += 1
        except (ChangeRefused, PermissionDenied) as refused:
            messages.error(request, _("%(item)s: %(reason)s") % {"item": row, "reason": refused})
    messages.info(request, _("%(n)s reviewed.") % {"n": done})


def review_admin(model: type[Any], review: Review, columns: tuple[str, ...]) -> None:
    """Register `model` with Validate and Request changes actions (the reviewer's note
    is edited on the record for a specific request)."""

    def approve(modeladmin: Any, request: HttpRequest, rows: QuerySet[Any]) -> None:
        _run(request, rows, review, True)

    def reject(modeladmin: Any, request: HttpRequest, rows: QuerySet[Any]) -> None:
        _run(request, rows, review, False)

    approve.short_description = gettext_lazy("Validate the selected submissions")  # type: ignore[attr-defined]
    reject.short_description = gettext_lazy("Request changes to the selected submissions")  # type: ignore[attr-defined]

    class ReviewAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
        list_display = (*columns, "company", "status", "submitted_at", "reviewed_at")
        list_filter = ("status",)
        list_select_related = ("company",)
        actions = [approve, reject]

        def has_add_permission(self, request: HttpRequest) -> bool:
            return False

        def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
            # Status changes only through the review actions, so each is recorded.
            return [f.name for f in model._meta.fields if f.name != "review_note"]

    admin.site.register(model, ReviewAdmin)


review_admin(CaseStudy, review_case_study, ("title", "customer"))
review_admin(Device, review_device, ("name", "model_number"))
review_admin(WorkloadReview, review_workload, ("name", "path"))
review_admin(PublicReference, validate_reference, ("customer", "use_case"))
review_admin(SponsorshipRequest, confirm_sponsorship, ("opportunity",))


@admin.register(JobPosting)
class JobPostingAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    formfield_overrides = HTTPS_URLS
    list_display = ("title", "company", "location", "status", "posted_at")
    list_filter = ("status",)
    readonly_fields = ("company", "posted_by", "posted_at", "closed_at")
