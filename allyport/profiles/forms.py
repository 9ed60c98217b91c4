"""The Company Profile tabs' forms, the program fee's upgrade form, the finder's
search. Forms check shape; the services check the rules and their refusals are shown
next to the fields (`show_refusal`)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from allyport.accounts.choices import INDUSTRY_SEGMENT_CHOICES, CustomerSegment, EmployeeCount
from allyport.core.errors import RuleViolation
from allyport.profiles.enums import PrimarySolutionType, SolutionArea, Visibility
from allyport.profiles.widgets import QuickCheckboxes, QuickSelect, QuickSelectMultiple

PATH_CHOICES = [(p, _(p)) for p in ("Software", "Services", "Training", "Distribution", "Hardware")]


def show_refusal(form: forms.Form, refused: RuleViolation) -> None:
    """Each refusal next to its field (a field the form lacks: above the form)."""
    for error in refused.errors:
        field = error.field if error.field in form.fields else None
        form.add_error(field, error.message)


def _choice(form: forms.Form, name: str) -> forms.ChoiceField:
    return cast(forms.ChoiceField, form.fields[name])


def _select() -> list[tuple[str, Any]]:
    return [("", _("Select…"))]


class CompanyForm(forms.Form):
    display_name = forms.CharField(label=_("Company name shown on your listing"), max_length=80)
    description = forms.CharField(
        label=_("Description"), max_length=600, widget=forms.Textarea(attrs={"rows": 5})
    )
    website_url = forms.URLField(label=_("Website"), max_length=256, assume_scheme="https")
    phone = forms.CharField(label=_("Company phone"), max_length=40, required=False)
    employee_count = forms.ChoiceField(
        label=_("Number of employees"),
        choices=[],
        required=False,
        widget=QuickSelect(kept_as="employee_count"),
    )
    industry_segments = forms.MultipleChoiceField(
        label=_("Industries you serve (up to 3)"),
        choices=INDUSTRY_SEGMENT_CHOICES,
        widget=QuickSelectMultiple(attrs={"size": 8}, kept_as="industry_segments"),
    )
    customer_segments = forms.MultipleChoiceField(
        label=_("Customer segments you serve"),
        choices=CustomerSegment.choices,
        widget=QuickCheckboxes(kept_as="customer_segments"),
        required=False,
    )
    countries_served = forms.MultipleChoiceField(
        label=_("Countries you serve"),
        choices=lambda: list(countries),
        widget=QuickSelectMultiple(attrs={"size": 8}, kept_as="countries"),
        required=False,
    )
    logo = forms.FileField(
        label=_("Logo (PNG, JPEG or GIF, at most 1 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/gif"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice(self, "employee_count").choices = _select() + list(EmployeeCount.choices)

    def clean_industry_segments(self) -> list[str]:
        chosen: list[str] = self.cleaned_data["industry_segments"]
        if len(chosen) > 3:
            raise forms.ValidationError(_("Choose at most 3 industries."))
        return chosen


class SolutionTextForm(forms.Form):
    solution = forms.CharField(widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Description for your listing"),
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SolutionAreasForm(forms.Form):
    solution_areas = forms.MultipleChoiceField(
        label=_("Your solution areas"),
        choices=SolutionArea.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class LocationForm(forms.Form):
    name = forms.CharField(label=_("Office name"), max_length=80)
    street = forms.CharField(label=_("Street address"), max_length=120, required=False)
    city = forms.CharField(label=_("City"), max_length=80)
    subdivision_code = forms.CharField(
        label=_("State or region code"),
        max_length=3,
        required=False,
        help_text=_("The ISO 3166-2 code after the country, such as WA or NSW."),
    )
    postal_code = forms.CharField(label=_("Postal code"), max_length=20, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=[])
    is_headquarters = forms.BooleanField(label=_("Headquarters"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice(self, "country").choices = _select() + list(countries)


class OfferingTypesForm(forms.Form):
    offering_types = forms.MultipleChoiceField(
        label=_("Products and services you offer"),
        choices=PrimarySolutionType.choices,
        widget=forms.CheckboxSelectMultiple,
    )


class DomainEmailForm(forms.Form):
    email = forms.EmailField(
        label=_("An email address on the domain to add"),
        help_text=_("We send a code to this address; it works for 48 hours."),
    )


class DomainCodeForm(forms.Form):
    email = forms.EmailField(widget=forms.HiddenInput)
    code = forms.CharField(label=_("Verification code"), max_length=6, min_length=6)


class RemoveDomainForm(forms.Form):
    confirm = forms.CharField(label=_('Type "confirm" to remove this domain'), max_length=20)


class RemoveLocationForm(RemoveDomainForm):
    confirm = forms.CharField(label=_('Type "confirm" to delete this location'), max_length=20)


class FeeUpgradeForm(forms.Form):
    paying_account_id = forms.CharField(
        label=_("AWS account ID that pays the program fee"),
        max_length=12,
        help_text=_("Twelve digits. Keep a record of the account you use."),
    )


class VisibilityForm(forms.Form):
    visibility = forms.ChoiceField(
        label=_("Listing visibility"), choices=Visibility.choices, widget=forms.RadioSelect
    )


class BusinessVerificationForm(forms.Form):
    legal_name = forms.CharField(label=_("Legal name"), max_length=80)
    registration_id = forms.CharField(label=_("Business registration number"), max_length=80)
    country = forms.ChoiceField(label=_("Country of registration"), choices=[])
    jurisdiction = forms.CharField(
        label=_("Jurisdiction of incorporation (2 characters)"), max_length=2, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice(self, "country").choices = _select() + list(countries)

    def details(self) -> dict[str, Any]:
        data = self.cleaned_data
        found = {
            "LegalName": data["legal_name"],
            "RegistrationId": data["registration_id"],
            "CountryCode": data["country"],
        }
        if data.get("jurisdiction"):
            found["JurisdictionOfIncorporation"] = data["jurisdiction"].upper()
        return {"BusinessVerificationDetails": found}


class FinderSearchForm(forms.Form):
    q = forms.CharField(label=_("Partner or solution name"), max_length=80, required=False)
    solution = forms.ChoiceField(label=_("Solution area"), required=False, choices=[])
    industry = forms.ChoiceField(label=_("Industry"), required=False, choices=[])
    country = forms.ChoiceField(label=_("Location"), required=False, choices=[])
    qualification = forms.CharField(label=_("Qualification"), max_length=80, required=False)
    path = forms.ChoiceField(label=_("Path"), required=False, choices=[])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", _("Any"))]
        _choice(self, "solution").choices = anything + list(SolutionArea.choices)
        _choice(self, "industry").choices = anything + list(INDUSTRY_SEGMENT_CHOICES)
        _choice(self, "country").choices = anything + list(countries)
        _choice(self, "path").choices = anything + PATH_CHOICES
