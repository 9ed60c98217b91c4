"""The Channel page's forms; the services check the rules (the same ones as the API)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

PROGRAMS = (
    ("SOLUTION_PROVIDER", _("Solution Provider")),
    ("DISTRIBUTION", _("Distribution")),
    ("DISTRIBUTION_SELLER", _("Distribution seller")),
    ("MANAGED_SERVICES_PROVIDER", _("Managed services provider")),
)


class ProgramAccountForm(forms.Form):
    program = forms.ChoiceField(label=_("Program"), choices=PROGRAMS)
    display_name = forms.CharField(label=_("Display name"), max_length=255)
    account_id = forms.RegexField(
        label=_("AWS account ID"), regex=r"^[0-9]{12}$",
        error_messages={"invalid": _("An AWS account ID has 12 digits.")},
    )  # fmt: skip


class EndUserForm(forms.Form):
    """Only lengths here: the service's rules report every other error at once."""

    account_id = forms.CharField(label=_("Resold AWS account ID"), max_length=12, required=False)
    customer_name = forms.CharField(label=_("End customer name"), max_length=255, required=False)
    country_code = forms.CharField(label=_("Country (two letters)"), max_length=2, required=False)
    industry = forms.CharField(label=_("Industry"), max_length=80, required=False)
    contact_email = forms.CharField(label=_("End customer contact email"), max_length=254,
                                    required=False)  # fmt: skip
