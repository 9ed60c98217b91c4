"""The operator side: the task catalogue and growth rules (data staff edit), and a
read-only view of the tasks recommended to companies."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from allyport.access.middleware import staff_actor
from allyport.worklist.models import GrowthRule, Task, TaskDefinition
from allyport.worklist.services.catalogue import (
    definition_problems,
    save_definition,
    save_growth_rule,
)


class TaskDefinitionForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = TaskDefinition
        fields = ["key", "type", "stage", "title", "description", "form_fields", "link",
                  "link_label", "done_rule", "rule", "order", "active"]  # fmt: skip

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        candidate = TaskDefinition(**{k: v for k, v in cleaned.items() if k != "id"})
        for field, problems in definition_problems(candidate).items():
            for problem in problems:
                self.add_error(field, problem)
        return cleaned


@admin.register(TaskDefinition)
class TaskDefinitionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = TaskDefinitionForm
    list_display = ("title", "type", "stage", "key", "order", "active")
    list_filter = ("type", "stage", "active")
    search_fields = ("title", "key")

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        save_definition(staff_actor(request), obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # recommended tasks refer to it: deactivate instead


@admin.register(GrowthRule)
class GrowthRuleAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("subject", "target", "measure", "threshold", "active")

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        save_growth_rule(staff_actor(request), obj)


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("public_id", "company", "definition", "solution", "assignee", "status")
    list_filter = ("type", "status")
    search_fields = ("public_id", "company__legal_name")
    raw_id_fields = ("company", "definition", "solution", "assignee", "dismissed_by")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # tasks change through the portal's services, which record them
