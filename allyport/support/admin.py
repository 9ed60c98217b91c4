"""Staff read cases, answer them and resolve them, and keep the help articles and
the case lists (each change through the services). The queue is /staff/support/."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from allyport.access.middleware import staff_actor
from allyport.support import services
from allyport.support.models import Article, CaseMessage, SupportCase, Topic


class CaseMessageInline(admin.TabularInline):
    model = CaseMessage
    fields = ("created_at", "from_staff", "internal", "author", "body")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class CaseForm(forms.ModelForm):
    reply = forms.CharField(label=gettext_lazy("Reply"), widget=forms.Textarea, required=False)
    resolve = forms.BooleanField(label=gettext_lazy("Resolve case"), required=False)

    class Meta:
        model = SupportCase
        fields: list[str] = []


@admin.register(SupportCase)
class SupportCaseAdmin(admin.ModelAdmin):
    form = CaseForm
    list_display = ("case_id", "company", "subject", "kind", "status", "created_at")
    list_filter = ("status", "kind")
    search_fields = ("case_id", "subject", "company__legal_name")
    readonly_fields = ("case_id", "company", "subject", "kind", "category", "status", "opened_by")
    inlines = [CaseMessageInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: SupportCase, form: Any, change: bool) -> None:
        staff = staff_actor(request)
        if form.cleaned_data.get("reply"):
            services.add_message(staff, obj, form.cleaned_data["reply"])
        if form.cleaned_data.get("resolve"):
            services.resolve_case(staff, obj)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    """The Type of Case / Question Type / Get Specific lists (a topic's parent is the
    level above). Deactivate entries rather than delete those cases were filed under."""

    list_display = ("__str__", "key", "position", "active")
    list_filter = ("active", ("parent", admin.RelatedOnlyFieldListFilter))
    search_fields = ("name", "key")

    def save_model(self, request: HttpRequest, obj: Topic, form: Any, change: bool) -> None:
        services.save_topic(staff_actor(request), obj)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "published", "updated_at")
    list_filter = ("published",)
    search_fields = ("title", "body")
    prepopulated_fields = {"slug": ("title",)}

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # unpublish instead: every change goes through the audited service

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        services.save_article(staff_actor(request), obj)
