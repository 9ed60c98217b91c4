"""The Market pages' forms: the fields only (the services check the rules)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class SponsorshipRequestForm(forms.Form):
    contact_email = forms.EmailField(label=_("Contact email"))
    message = forms.CharField(
        label=_("Message"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReferenceForm(forms.Form):
    customer = forms.CharField(label=_("Customer"), max_length=200)
    use_case = forms.CharField(label=_("Use case"), max_length=200)
    customer_contact = forms.CharField(label=_("Customer contact name"), max_length=120)
    customer_email = forms.EmailField(label=_("Customer contact email"))
    quote = forms.CharField(
        label=_("Reference statement"), widget=forms.Textarea(attrs={"rows": 4})
    )
    url = forms.URLField(label=_("Public link"), required=False, assume_scheme="https")
    consent = forms.BooleanField(
        label=_("The customer consents to be named publicly as a reference"), required=False
    )
