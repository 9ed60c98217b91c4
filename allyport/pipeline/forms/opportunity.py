"""The opportunity form: the fields a person fills, each tied to its path in the
selling API's CreateOpportunity/UpdateOpportunity request.

The form builds the request member by member on top of the stored version, so
what the API set and the form does not show (more contacts, software revenue,
the contract duration, …) is kept by the full-replace update. Errors come from
three places and are all shown at once, by field: the form's own checks (the
model's enums, lengths and patterns), the API's validation of the assembled
request, and the service's business rules (`FieldError` paths mapped back to
fields; paths without a field go to the top of the form).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from allyport.core.errors import FieldError
from allyport.pipeline.enums import Catalog
from allyport.pipeline.forms.fields import LinesField, choice, choices, text
from allyport.pipeline.forms.opportunity_layout import (
    CONTACT,
    PATHS,
    SECTIONS,
    SPEND,
    field_for,
    initial_from,
    put,
    stored_value,
)
from allyport.pipeline.shared.payload import ACTION_REQUIRED_FIELDS, without_indexes
from allyport.shapes.selling import shape
from allyport.shapes.validation import InvalidRequest, validate

# What a new opportunity starts with.
DEFAULTS = {
    "spend_currency_code": "USD",
    "spend_frequency": "Monthly",
    "spend_target_company": "AWS",
}


class LowercaseEmailField(forms.EmailField):
    """The API's email pattern accepts lowercase addresses only."""

    def to_python(self, value: Any) -> str:
        return str(super().to_python(value)).lower()


class OpportunityForm(forms.Form):
    """Create (with a catalog) or edit an opportunity. `locked` disables fields the
    service will not accept changes to (Action Required: all but the allow-list)."""

    customer_company_name = text(
        "Customer.Account.CompanyName", gettext_lazy("Customer company name"), required=True
    )
    customer_website_url = text(
        "Customer.Account.WebsiteUrl",
        gettext_lazy("Customer website URL"),
        help_text=gettext_lazy("Required to submit, unless it is a national security case."),
    )
    customer_industry = choice("Customer.Account.Industry", gettext_lazy("Industry"))
    customer_other_industry = text(
        "Customer.Account.OtherIndustry",
        gettext_lazy("Other industry"),
        help_text=gettext_lazy('Name the industry when you chose "Other".'),
    )
    customer_country_code = choice("Customer.Account.Address.CountryCode", gettext_lazy("Country"))
    customer_state_or_region = text(
        "Customer.Account.Address.StateOrRegion",
        gettext_lazy("State or region"),
        help_text=gettext_lazy("Required for customers in the United States."),
    )
    customer_city = text("Customer.Account.Address.City", gettext_lazy("City"))
    customer_postal_code = text("Customer.Account.Address.PostalCode", gettext_lazy("Postal code"))
    customer_street_address = text(
        "Customer.Account.Address.StreetAddress", gettext_lazy("Street address")
    )
    contact_first_name = text(f"{CONTACT}.FirstName", gettext_lazy("Contact first name"))
    contact_last_name = text(f"{CONTACT}.LastName", gettext_lazy("Contact last name"))
    contact_email = LowercaseEmailField(
        label=gettext_lazy("Contact email"), required=False, max_length=80
    )
    contact_phone = text(
        f"{CONTACT}.Phone",
        gettext_lazy("Contact phone"),
        message=gettext_lazy("Enter the number in international format, such as +14155550100."),
    )
    contact_business_title = text(f"{CONTACT}.BusinessTitle", gettext_lazy("Contact job title"))
    partner_opportunity_identifier = text(
        "PartnerOpportunityIdentifier",
        gettext_lazy("Partner CRM ID"),
        help_text=gettext_lazy("Your own identifier for this opportunity."),
    )
    opportunity_type = choice("OpportunityType", gettext_lazy("Opportunity type"))
    project_title = text("Project.Title", gettext_lazy("Partner project title"))
    customer_business_problem = text(
        "Project.CustomerBusinessProblem",
        gettext_lazy("Customer business problem"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    customer_use_case = text("Project.CustomerUseCase", gettext_lazy("Customer use case"))
    delivery_models = choices("Project.DeliveryModels", gettext_lazy("Delivery models"))
    sales_activities = choices("Project.SalesActivities", gettext_lazy("Sales activities"))
    competitor_name = choice("Project.CompetitorName", gettext_lazy("Competitor name"))
    other_competitor_names = text(
        "Project.OtherCompetitorNames",
        gettext_lazy("Other competitors"),
        help_text=gettext_lazy('Only when the competitor is "*Other".'),
    )
    other_solution_description = text(
        "Project.OtherSolutionDescription",
        gettext_lazy("Other solution description"),
        help_text=gettext_lazy('Describe the solution when you associate "Other".'),
    )
    additional_comments = text(
        "Project.AdditionalComments",
        gettext_lazy("Additional comments"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    apn_programs = LinesField(
        label=gettext_lazy("APN programs"),
        required=False,
        help_text=gettext_lazy("One program per line."),
    )
    primary_needs_from_aws = choices("PrimaryNeedsFromAws", gettext_lazy("Primary needs from AWS"))
    national_security = choice("NationalSecurity", gettext_lazy("National security"))
    spend_amount = text(
        f"{SPEND}.Amount",
        gettext_lazy("Amount"),
        message=gettext_lazy("Enter an amount such as 2000 or 2000.50."),
    )
    spend_currency_code = choice(f"{SPEND}.CurrencyCode", gettext_lazy("Currency"))
    spend_frequency = choice(f"{SPEND}.Frequency", gettext_lazy("Frequency"), required=True)
    spend_target_company = text(f"{SPEND}.TargetCompany", gettext_lazy("Target company"))
    stage = choice("LifeCycle.Stage", gettext_lazy("Stage"))
    closed_lost_reason = choice("LifeCycle.ClosedLostReason", gettext_lazy("Closed lost reason"))
    next_steps = text(
        "LifeCycle.NextSteps", gettext_lazy("Next steps"), widget=forms.Textarea(attrs={"rows": 2})
    )
    target_close_date = forms.DateField(
        label=gettext_lazy("Target close date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    marketing_source = choice("Marketing.Source", gettext_lazy("Marketing source"))
    campaign_name = text("Marketing.CampaignName", gettext_lazy("Campaign name"))
    channels = choices("Marketing.Channels", gettext_lazy("Marketing channels"))
    marketing_use_cases = LinesField(
        label=gettext_lazy("Marketing use cases"),
        required=False,
        help_text=gettext_lazy("One per line; only when AWS funding was used."),
    )
    aws_funding_used = choice("Marketing.AwsFundingUsed", gettext_lazy("AWS funding used"))

    def __init__(
        self,
        *args: Any,
        stored: Mapping[str, Any] | None = None,
        locked: bool = False,
        with_catalog: bool = False,
        **kwargs: Any,
    ) -> None:
        """`stored`: the editable part of the stored opportunity (`payload.editable`),
        which fills the fields and is the base of the request."""
        self.stored: dict[str, Any] = copy.deepcopy(dict(stored or {}))
        kwargs.setdefault("initial", {**DEFAULTS, **initial_from(self.stored)})
        super().__init__(*args, **kwargs)
        if with_catalog:
            self.fields["catalog"] = forms.ChoiceField(
                label=gettext_lazy("Catalog"), choices=Catalog.choices, initial=Catalog.AWS
            )
        if locked:
            for name, path in PATHS.items():
                if without_indexes(path) not in ACTION_REQUIRED_FIELDS:
                    self.fields[name].disabled = True
        self._keep_stored_choices()

    def _keep_stored_choices(self) -> None:
        """A stored value a select does not offer (a country code such as `USA` from
        before the rules took it) stays selected, marked as not valid: submitted
        unchanged, the model's check refuses it by its field, and it is never
        blanked silently."""
        for name, path in PATHS.items():
            field = self.fields[name]
            if not isinstance(field, forms.ChoiceField):
                continue
            stored = stored_value(self.stored, path)
            values = stored if isinstance(stored, list) else [stored]
            offered_choices: list[tuple[Any, Any]] = list(field.choices)  # type: ignore[arg-type]
            offered = {str(value) for value, _label in offered_choices}
            unknown = [str(v) for v in values if v not in (None, "") and str(v) not in offered]
            if unknown:
                field.choices = [
                    *offered_choices,
                    *((value, NOT_OFFERED % {"value": value}) for value in unknown),
                ]

    @property
    def sections(self) -> list[tuple[StrOrPromise, list[forms.BoundField]]]:
        return [(title, [self[name] for name in names]) for title, names in SECTIONS]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("spend_amount") and not data.get("spend_currency_code"):
            self.add_error("spend_currency_code", gettext_lazy("Choose the currency."))
        return data

    # --- the request ---------------------------------------------------------------

    def payload(self) -> dict[str, Any]:
        """The request members: the stored version with every valid, enabled field
        written over it (fields with errors keep the stored value)."""
        data = copy.deepcopy(self.stored)
        values = getattr(self, "cleaned_data", {})
        spend_given = bool(values.get("spend_amount")) or "spend_amount" in self.errors
        for name, path in PATHS.items():
            if self.fields[name].disabled or name not in values or name in self.errors:
                continue
            value = values[name]
            if path.startswith(SPEND + ".") and not spend_given:
                continue
            put(data, path, value.isoformat() if isinstance(value, date) else value)
        if not spend_given and not self.fields["spend_amount"].disabled:
            _drop_first(data, "Project", "ExpectedCustomerSpend")
        return data

    def check_model(self, catalog: str, payload: Mapping[str, Any]) -> None:
        """The API's own validation of the request (its enums, patterns and list sizes),
        for anything the fields did not catch."""
        try:
            validate(
                shape("CreateOpportunityRequest"),  # type: ignore[arg-type]
                {"Catalog": catalog, "ClientToken": "portal", **payload},
            )
        except InvalidRequest as invalid:
            self.add_field_errors(invalid.errors)

    def add_field_errors(self, errors: Iterable[FieldError]) -> None:
        """Service or API errors, by the field their path names; a field that already
        shows an error of its own keeps just that one."""
        had_errors = set(self.errors)
        for error in errors:
            name = field_for(error.field)
            if name in had_errors:
                continue
            shown = [str(item) for item in self.errors.get(name or "__all__", [])]
            if error.message not in shown:
                self.add_error(name, error.message)


NOT_OFFERED = gettext_lazy("%(value)s (stored, not a valid choice)")


def _drop_first(data: dict[str, Any], group: str, member: str) -> None:
    items = (data.get(group) or {}).get(member)
    if isinstance(items, list) and items:
        items.pop(0)


# Paths the form has no field for, named for people.
OTHER_LABELS: dict[str, StrOrPromise] = {
    "LifeCycle.ReviewStatus": gettext_lazy("Review status"),
    "RelatedEntityIdentifiers.Solutions": gettext_lazy("Offerings"),
    "Origin": gettext_lazy("Origin"),
}


def label_of(path: str) -> StrOrPromise:
    name = field_for(path)
    if name is None:
        return OTHER_LABELS.get(path, path)
    return OpportunityForm.base_fields[name].label or path
