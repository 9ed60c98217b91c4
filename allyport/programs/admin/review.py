"""The review of program applications: staff read an application, and take it into
review, ask for action, approve or reject it with a comment."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from allyport.access.middleware import staff_actor
from allyport.core.errors import NotFound, RuleViolation
from allyport.programs.models import ProgramApplication
from allyport.programs.services.review import DECISIONS, set_application_status


class ReviewForm(forms.Form):
    status = forms.ChoiceField(label=_("Decision"), choices=[(s.value, s.label) for s in DECISIONS])
    comment = forms.CharField(
        label=_("Comment to the company"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )  # fmt: skip


@admin.register(ProgramApplication)
class ProgramApplicationAdmin(admin.ModelAdmin):
    list_display = ("public_id", "company", "designation", "status", "submitted_at", "review")
    list_filter = ("status", "designation__program")
    search_fields = ("public_id", "company__legal_name", "designation__name")
    list_select_related = ("company", "designation")
    ordering = ("-updated_at",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[ProgramApplication]:
        return super().get_queryset(request).prefetch_related("comments", "attachments")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    @admin.display(description=_("Review"))
    def review(self, obj: ProgramApplication) -> str:
        url = reverse("admin:programs_application_review", args=[obj.public_id])
        return format_html('<a href="{}">{}</a>', url, _("Review"))

    def get_urls(self):  # type: ignore[no-untyped-def]
        extra = [
            path(
                "<str:public_id>/review/",
                self.admin_site.admin_view(self.review_view),
                name="programs_application_review",
            )
        ]
        return extra + super().get_urls()

    def review_view(self, request: HttpRequest, public_id: str) -> HttpResponse:
        application = (
            ProgramApplication.objects.filter(public_id=public_id)
            .select_related("company", "designation__program")
            .first()
        )
        if application is None:
            return HttpResponseRedirect(reverse("admin:programs_programapplication_changelist"))
        form = ReviewForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                set_application_status(
                    staff_actor(request),
                    public_id,
                    form.cleaned_data["status"],
                    form.cleaned_data["comment"],
                )
            except RuleViolation as refused:
                for error in refused.errors:
                    form.add_error(
                        error.field if error.field in form.fields else None, error.message
                    )
            except NotFound:
                return HttpResponseRedirect(reverse("admin:programs_programapplication_changelist"))
            else:
                messages.success(request, _("The decision was recorded."))
                return HttpResponseRedirect(request.path)
        context = {
            **self.admin_site.each_context(request),
            "application": application,
            "form": form,
            "title": application.public_id,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/programs/application_review.html", context)
