"""The pages' forms. A task's own form is drawn from its definition's fields (data);
the service checks the answers (`services/forms.py`) and its refusals are shown next
to the fields, so the page and any other way in share one set of rules."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from allyport.core.errors import RuleViolation
from allyport.worklist.services.tasks import REASON_MAX


def _field(spec: Mapping[str, Any]) -> forms.Field:
    kind = spec.get("kind", "text")
    attrs: dict[str, Any] = {"required": True} if spec.get("required") else {}
    label = spec["label"] + (" *" if spec.get("required") else "")
    if kind == "checkbox":
        return forms.BooleanField(label=label, required=False, widget=forms.CheckboxInput(attrs))
    widgets = {
        "textarea": forms.Textarea(attrs={**attrs, "rows": 4}),
        "url": forms.URLInput(attrs={**attrs, "placeholder": "https://"}),
        "date": forms.DateInput(attrs={**attrs, "type": "date"}),
    }
    widget = widgets.get(kind, forms.TextInput(attrs))
    return forms.CharField(
        label=label, required=False, strip=False, widget=widget, help_text=spec.get("help", "")
    )


class TaskForm(forms.Form):
    """Fields from the definition; no checks of its own (the service checks)."""

    def __init__(self, fields: list[Mapping[str, Any]], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for spec in fields:
            self.fields[spec["name"]] = _field(spec)

    def show(self, refused: RuleViolation) -> None:
        for error in refused.errors:
            self.add_error(error.field if error.field in self.fields else None, error.message)


class DismissForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for your alliance lead"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "required": True}),
    )
