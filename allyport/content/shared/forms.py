"""Showing a service's refusal on the page's form: each error next to its field (the
services name fields as the forms do), the rest above the form."""

from __future__ import annotations

from django import forms

from allyport.core.errors import ChangeRefused, RuleViolation


def show_refusal(form: forms.BaseForm, refused: RuleViolation | ChangeRefused) -> None:
    if isinstance(refused, ChangeRefused):
        form.add_error(refused.field if refused.field in form.fields else None, refused.reason)
        return
    for error in refused.errors:
        form.add_error(error.field if error.field in form.fields else None, error.message)
