"""Forms every app shares."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy

from allyport.core.confirm import CONFIRM_WORD

CONFIRM_ERROR = gettext_lazy('Type "confirm" to continue.')


class ConfirmForm(forms.Form):
    """A destructive action: the user types `confirm`, as the guide asks."""

    confirm = forms.CharField(
        label=gettext_lazy('Type "confirm" to continue'),
        max_length=20,
        error_messages={"required": CONFIRM_ERROR},
    )

    def clean_confirm(self) -> str:
        value = cast(str, self.cleaned_data["confirm"]).strip()
        if value != CONFIRM_WORD:
            raise forms.ValidationError(CONFIRM_ERROR)
        return value
