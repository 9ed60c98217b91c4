"""The Connections pages' forms. Fields carry the limits of the Account API's model;
the services check the rest (who may be invited, states, revisions)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from allyport.connections.models import AccessType, ConnectionType
from allyport.core.confirm import CONFIRM_WORD

PARTICIPANT = r"^[a-zA-Z0-9-]{1,100}$"


class InviteForm(forms.Form):
    receiver = forms.RegexField(
        label=_("Partner ID or AWS account ID"), regex=PARTICIPANT, max_length=100,
        help_text=_("The partner's ID (partner-…) as Find Partners shows it, or its 12-digit "
                    "AWS account ID."),
        error_messages={"invalid": _("Enter a partner ID such as partner-abc123def456g or a "
                                     "12-digit AWS account ID.")},
    )  # fmt: skip
    connection_type = forms.ChoiceField(label=_("Connection type"), choices=ConnectionType.choices)
    name = forms.CharField(
        label=_("Your name"), max_length=80, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Your email"), max_length=320,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )  # fmt: skip
    message = forms.CharField(label=_("Message"), max_length=256, widget=forms.Textarea)

    # The services' field paths (the API's names), for showing their refusals here.
    SERVICE_FIELDS = {
        "ReceiverIdentifier": "receiver",
        "ConnectionType": "connection_type",
        "Name": "name",
        "Email": "email",
        "Message": "message",
    }


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"), max_length=256, required=False, widget=forms.Textarea
    )


class CancelConnectionForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=256, widget=forms.Textarea)
    confirm = forms.CharField(
        label=_('Type "confirm" to cancel this connection'), max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )  # fmt: skip

    def clean_confirm(self) -> str:
        value: str = self.cleaned_data["confirm"].strip()
        if value != CONFIRM_WORD:
            raise forms.ValidationError(_('Type "confirm" to continue.'))
        return value


class PreferencesForm(forms.Form):
    access_type = forms.ChoiceField(
        label=_("Who may invite your company"), choices=AccessType.choices,
        widget=forms.RadioSelect,
    )  # fmt: skip
    excluded = forms.CharField(
        label=_("Excluded partners"), required=False, widget=forms.Textarea,
        help_text=_("One partner ID or AWS account ID a line; applies when anyone except "
                    "those excluded may invite you (at most 100)."),
    )  # fmt: skip
    revision = forms.IntegerField(widget=forms.HiddenInput)

    def clean_excluded(self) -> list[str]:
        import re

        lines = [line.strip() for line in self.cleaned_data["excluded"].splitlines()]
        values = [line for line in lines if line]
        bad = [value for value in values if not re.match(PARTICIPANT, value)]
        if bad:
            raise forms.ValidationError(
                _("Not a partner ID or AWS account ID: %(values)s") % {"values": ", ".join(bad)}
            )
        if len(values) > 100:
            raise forms.ValidationError(_("List at most 100 partners."))
        return values

    @classmethod
    def initial_of(cls, prefs: Any) -> dict[str, Any]:
        return {
            "access_type": prefs.access_type,
            "excluded": "\n".join(prefs.excluded),
            "revision": prefs.revision,
        }
