"""The customer-account form: CustomerAccountData and PartnerAccountIdentifier."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy

from allyport.customers.models import CustomerAccount
from allyport.pipeline.enums import Catalog
from allyport.shapes.selling import enum

# The service's field paths (FieldError) -> form fields.
SERVICE_FIELDS = {
    "Account.CompanyName": "company_name",
    "Account.WebsiteUrl": "website_url",
    "Account.Domain": "domain",
    "Account.Duns": "duns",
    "Account.Industry": "industry",
    "Account.OtherIndustry": "other_industry",
    "Account.ParentCompanyName": "parent_company_name",
    "Account.Address.StreetAddress": "street_address",
    "Account.Address.City": "city",
    "Account.Address.StateOrRegion": "state_or_region",
    "Account.Address.PostalCode": "postal_code",
    "Account.Address.CountryCode": "country_code",
    "PartnerAccountIdentifier": "partner_account_identifier",
}
# Form field -> (member of Account or of Account.Address).
ACCOUNT = {
    "company_name": "CompanyName", "website_url": "WebsiteUrl", "domain": "Domain",
    "duns": "Duns", "industry": "Industry", "other_industry": "OtherIndustry",
    "parent_company_name": "ParentCompanyName",
}  # fmt: skip
ADDRESS = {
    "street_address": "StreetAddress", "city": "City", "state_or_region": "StateOrRegion",
    "postal_code": "PostalCode", "country_code": "CountryCode",
}  # fmt: skip


def _text(label: str, max_length: int, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=gettext_lazy(label), max_length=max_length, required=False, **kwargs
    )


class CustomerAccountForm(forms.Form):
    company_name = forms.CharField(label=gettext_lazy("Company name"), max_length=120)
    website_url = _text("Website URL", 255)
    domain = _text("Domain", 253, help_text=gettext_lazy("Such as example.com."))
    duns = _text(
        "DUNS number",
        9,
        validators=[RegexValidator(r"^[0-9]{9}$", gettext_lazy("A DUNS number is nine digits."))],
    )
    industry = _text("Industry", 255)
    other_industry = _text("Other industry", 255)
    parent_company_name = _text("Parent company name", 120)
    street_address = _text("Street address", 255)
    city = _text("City", 255)
    state_or_region = _text("State or region", 255)
    postal_code = _text("Postal code", 20)
    country_code = forms.ChoiceField(
        label=gettext_lazy("Country"),
        required=False,
        choices=[("", gettext_lazy("Choose a country"))] + [(c, c) for c in enum("CountryCode")],
    )
    partner_account_identifier = _text(
        "Partner account identifier",
        64,
        help_text=gettext_lazy("Your own identifier, such as the account ID in your CRM."),
    )

    def __init__(self, *args: Any, with_catalog: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if with_catalog:
            self.fields["catalog"] = forms.ChoiceField(
                label=gettext_lazy("Catalog"), choices=Catalog.choices, initial=Catalog.AWS
            )
            self.order_fields(["catalog"])

    def payload(self) -> dict[str, Any]:
        """The API's request members (blank fields left out)."""
        data = self.cleaned_data
        account = {member: data[name] for name, member in ACCOUNT.items() if data.get(name)}
        address = {member: data[name] for name, member in ADDRESS.items() if data.get(name)}
        if address:
            account["Address"] = address
        return {
            "Account": account,
            "PartnerAccountIdentifier": data.get("partner_account_identifier", ""),
        }

    @staticmethod
    def initial_of(account: CustomerAccount) -> dict[str, Any]:
        data = account.data
        initial = {name: data.get(member, "") for name, member in ACCOUNT.items()}
        address = data.get("Address") or {}
        initial.update({name: address.get(member, "") for name, member in ADDRESS.items()})
        initial["partner_account_identifier"] = account.partner_account_identifier
        return initial
