"""Forms of the User Management pages: they check shape; services decide the rest."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from allyport.access.model import access_model
from allyport.accounts.models import User
from allyport.core.forms import ConfirmForm

MAX_INVITE_ROWS = 20


def _choice_field(form: forms.Form, name: str) -> forms.ChoiceField:
    """A form's choice field, typed as one (choices are set per request)."""
    return cast(forms.ChoiceField, form.fields[name])


class ReassignLeadForm(ConfirmForm):
    new_lead = forms.ChoiceField(label=gettext_lazy("New alliance lead"))

    field_order = ["new_lead", "confirm"]

    def __init__(self, *args: Any, members: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: list[tuple[str, StrOrPromise]] = [("", gettext_lazy("Choose a user"))]
        choices += [(u.public_id, f"{u.full_name} <{u.email}>") for u in members]
        _choice_field(self, "new_lead").choices = choices


class UserFilterForm(forms.Form):
    """The Users tab's filters (GET): role, status and a search of name and email."""

    q = forms.CharField(label=gettext_lazy("Search by name or email"), required=False)
    role = forms.ChoiceField(label=gettext_lazy("Role"), required=False)
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        any_choice = [("", gettext_lazy("Any"))]
        roles = [(r.key, r.name) for r in access_model().roles.values()]
        _choice_field(self, "role").choices = [*any_choice, *roles]
        _choice_field(self, "status").choices = [*any_choice, *User.Status.choices]

    def choice_fields(self) -> list[dict[str, Any]]:
        """The select fields with their options and which one is chosen, for the
        hand-written filter bar (accounts/users/_filters.html)."""
        result = []
        for name in ("role", "status"):
            current = str(self[name].value() or "")
            choices = cast(list[tuple[str, Any]], _choice_field(self, name).choices)
            options = [(value, label, str(value) == current) for value, label in choices]
            result.append({"name": name, "label": self.fields[name].label, "options": options})
        return result

    def filters(self) -> dict[str, str]:
        if not self.is_valid():
            return {}
        return {key: self.cleaned_data[key] or "" for key in ("q", "role", "status")}


class MfaForm(forms.Form):
    mfa = forms.TypedChoiceField(
        label=gettext_lazy("Multi-factor authentication"),
        choices=[("on", gettext_lazy("Enabled")), ("off", gettext_lazy("Disabled"))],
        widget=forms.RadioSelect,
        coerce=lambda value: value == "on",
    )


class InviteRowForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Email"))
    roles = forms.MultipleChoiceField(
        label=gettext_lazy("Roles"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, role_choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "roles").choices = role_choices


InviteFormSet = forms.formset_factory(InviteRowForm, extra=0, min_num=1, max_num=MAX_INVITE_ROWS)
