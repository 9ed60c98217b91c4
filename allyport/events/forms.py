"""Create webhook and Delete webhook."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from allyport.core.forms import ConfirmForm
from allyport.core.netguard import url_problem
from allyport.events.envelopes import DETAIL_TYPES

ALL = "all"
SELECTED = "selected"


class WebhookForm(forms.Form):
    url = forms.URLField(
        label=gettext_lazy("Endpoint URL"),
        max_length=2000,
        assume_scheme="https",
        help_text=gettext_lazy("Allyport sends each event to this address in a POST request."),
    )
    description = forms.CharField(label=gettext_lazy("Description"), max_length=255, required=False)
    scope = forms.ChoiceField(
        label=gettext_lazy("Events"),
        choices=[(ALL, gettext_lazy("All events")), (SELECTED, gettext_lazy("Selected events"))],
        initial=ALL,
        widget=forms.RadioSelect,
    )
    event_types = forms.MultipleChoiceField(
        label=gettext_lazy("Event types"),
        choices=[(name, name) for name in DETAIL_TYPES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Used when Selected events is chosen."),
    )

    def clean_url(self) -> str:
        url = str(self.cleaned_data["url"]).strip()
        if problem := url_problem(url):
            raise forms.ValidationError(problem)
        return url

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("scope") == SELECTED and not data.get("event_types"):
            self.add_error("event_types", gettext_lazy("Choose at least one event type."))
        return data

    def chosen_event_types(self) -> list[str]:
        if self.cleaned_data["scope"] == ALL:
            return []
        return list(self.cleaned_data["event_types"])


class DeleteWebhookForm(ConfirmForm):
    pass
