"""Forms of the cloud console: they check shape; the cloud services decide the rest."""

from __future__ import annotations

import json
from typing import Any, cast

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.validators import RegexValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from allyport.cloud.guide import partner_trust_policy
from allyport.cloud.services import InvalidDocument
from allyport.core.errors import ChangeRefused

# The trust policy the guide prints for roles the partner service may assume.
GUIDE_TRUST_POLICY = partner_trust_policy()
POLICY_EXAMPLE = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "partnercentral:List*", "Resource": "*"}],
}
MAX_DOCUMENT = 10_240  # characters; IAM's limit for a managed policy document


def pretty(document: Any) -> str:
    return json.dumps(document, indent=2)


def _document_field(label: StrOrPromise, rows: int = 14) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=MAX_DOCUMENT,
        strip=False,
        widget=forms.Textarea(attrs={"rows": rows, "spellcheck": "false", "class": "code"}),
    )


def add_refusal(form: forms.Form, refused: ChangeRefused) -> None:
    """A service's refusal next to its field (each problem of a document on its own
    line), or at the top of the form when the field is not on it."""
    field = refused.field if refused.field in form.fields else None
    errors = refused.errors if isinstance(refused, InvalidDocument) else [refused.reason]
    form.add_error(field, list(errors))


class SignInForm(forms.Form):
    account_id = forms.CharField(
        label=gettext_lazy("Account ID (12 digits)"),
        max_length=12,
        validators=[RegexValidator(r"^\d{12}$", gettext_lazy("Enter the 12 digits."))],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "username"}),
    )
    user_name = forms.CharField(label=gettext_lazy("IAM user name"), max_length=64)
    password = forms.CharField(
        label=gettext_lazy("Password"),
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class CreateUserForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("User name"), max_length=64)
    password = forms.CharField(
        label=gettext_lazy("Console password"),
        required=False,
        strip=False,
        max_length=128,
        help_text=gettext_lazy("Leave empty for a user without console access."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_password(self) -> str:
        password = cast(str, self.cleaned_data["password"])
        if password:
            validate_password(password)
        return password


class AttachPolicyForm(forms.Form):
    policy = forms.ChoiceField(label=gettext_lazy("Policy"))

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["policy"]).choices = [
            ("", gettext_lazy("Choose a policy")),
            *choices,
        ]


class InlinePolicyForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Policy name"), max_length=128)
    document = _document_field(gettext_lazy("Policy document (JSON)"))


class CreateRoleForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Role name"), max_length=64)
    description = forms.CharField(
        label=gettext_lazy("Description"), required=False, max_length=1000
    )
    trust_policy = _document_field(gettext_lazy("Trust policy (JSON)"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"trust_policy": pretty(GUIDE_TRUST_POLICY)})
        super().__init__(*args, **kwargs)


class CreatePolicyForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Policy name"), max_length=128)
    description = forms.CharField(
        label=gettext_lazy("Description"), required=False, max_length=1000
    )
    document = _document_field(gettext_lazy("Policy document (JSON)"), rows=18)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"document": pretty(POLICY_EXAMPLE)})
        super().__init__(*args, **kwargs)


def parse_context(text: str) -> tuple[dict[str, str | list[str]], list[str]]:
    """`key=value` per line, `key=v1,v2` for a multi-valued key; blank lines are
    skipped. Returns the context and one message per malformed line."""
    context: dict[str, str | list[str]] = {}
    errors: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        key, equals, value = line.partition("=")
        key = key.strip()
        if not equals or not key or any(c.isspace() for c in key):
            errors.append(_("Line %(n)s: write key=value (or key=v1,v2).") % {"n": number})
            continue
        values = [part.strip() for part in value.split(",")]
        context[key] = values if len(values) > 1 else values[0]
    return context, errors


class SimulatorForm(forms.Form):
    principal = forms.ChoiceField(label=gettext_lazy("Principal"))
    action = forms.CharField(
        label=gettext_lazy("Action"),
        max_length=128,
        widget=forms.TextInput(attrs={"placeholder": "iam:CreateRole"}),
    )
    resource = forms.CharField(label=gettext_lazy("Resource"), max_length=2048, initial="*")
    context = forms.CharField(
        label=gettext_lazy("Context keys"),
        required=False,
        max_length=MAX_DOCUMENT,
        help_text=gettext_lazy("One key=value per line; key=v1,v2 for a multi-valued key."),
        widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "false", "class": "code"}),
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["principal"]).choices = [
            ("", gettext_lazy("Choose a user or role")),
            *choices,
        ]

    def clean_action(self) -> str:
        action = cast(str, self.cleaned_data["action"]).strip()
        service, colon, name = action.partition(":")
        if not colon or not service or not name or any(c.isspace() for c in action):
            raise forms.ValidationError(_("Write service:Action, e.g. iam:CreateRole."))
        return action

    def clean_context(self) -> dict[str, str | list[str]]:
        context, errors = parse_context(self.cleaned_data["context"] or "")
        if errors:
            raise forms.ValidationError(errors)
        return context
