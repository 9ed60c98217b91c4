"""Showing a service's refusal on the page's form: each error next to its field (the
services name fields as the forms do), the rest above the form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms

from allyport.core.errors import ChangeRefused, RuleViolation


def show_refusal(form: forms.BaseForm, refused: RuleViolation | ChangeRefused) -> None:
    if isinstance(refused, ChangeRefused):
        form.add_error(refused.field if refused.field in form.fields else None, refused.reason)
        return
    for error in refused.errors:
        form.add_error(error.field if error.field in form.fields else None, error.message)


def also_check(form: forms.BaseForm, check: Callable[[dict[str, Any]], Any]) -> None:
    """A form its own checks refused: run the service's rules over what was typed too,
    so every error shows at once (a field keeps the form's own error)."""
    cleaned = getattr(form, "cleaned_data", {})
    given = {name: cleaned.get(name, form.data.get(name)) for name in form.fields}
    try:
        check(given)
    except RuleViolation as refused:
        for error in refused.errors:
            if error.field in form.fields and error.field not in form.errors:
                form.add_error(error.field, error.message)
