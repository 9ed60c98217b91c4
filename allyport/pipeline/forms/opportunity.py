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
import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from allyport.core.errors import FieldError
from allyport.pipeline.enums import Catalog
from allyport.pipeline.forms.fields import LinesField, choice, choices, text
from allyport.pipeline.shared.payload import ACTION_REQUIRED_FIELDS, without_indexes
from allyport.shapes.selling import shape
from allyport.shapes.validation import InvalidRequest, validate

SPEND = "Project.ExpectedCustomerSpend[0]"
CONTACT = "Customer.Contacts[0]"

# Form field -> the request path it fills.
PATHS: dict[str, str] = {
    "customer_company_name": "Customer.Account.CompanyName",
    "customer_website_url": "Customer.Account.WebsiteUrl",
    "customer_industry": "Customer.Account.Industry",
    "customer_other_industry": "Customer.Account.OtherIndustry",
    "customer_country_code": "Customer.Account.Address.CountryCode",
    "customer_state_or_region": "Customer.Account.Address.StateOrRegion",
    "customer_city": "Customer.Account.Address.City",
    "customer_postal_code": "Customer.Account.Address.PostalCode",
    "customer_street_address": "Customer.Account.Address.StreetAddress",
    "contact_first_name": f"{CONTACT}.FirstName",
    "contact_last_name": f"{CONTACT}.LastName",
    "contact_email": f"{CONTACT}.Email",
    "contact_phone": f"{CONTACT}.Phone",
    "contact_business_title": f"{CONTACT}.BusinessTitle",
    "project_title": "Project.Title",
    "customer_business_problem": "Project.CustomerBusinessProblem",
    "customer_use_case": "Project.CustomerUseCase",
    "delivery_models": "Project.DeliveryModels",
    "spend_amount": f"{SPEND}.Amount",
    "spend_currency_code": f"{SPEND}.CurrencyCode",
    "spend_frequency": f"{SPEND}.Frequency",
    "spend_target_company": f"{SPEND}.TargetCompany",
    "sales_activities": "Project.SalesActivities",
    "competitor_name": "Project.CompetitorName",
    "other_competitor_names": "Project.OtherCompetitorNames",
    "other_solution_description": "Project.OtherSolutionDescription",
    "additional_comments": "Project.AdditionalComments",
    "apn_programs": "Project.ApnPrograms",
    "stage": "LifeCycle.Stage",
    "closed_lost_reason": "LifeCycle.ClosedLostReason",
    "next_steps": "LifeCycle.NextSteps",
    "target_close_date": "LifeCycle.TargetCloseDate",
    "marketing_source": "Marketing.Source",
    "campaign_name": "Marketing.CampaignName",
    "channels": "Marketing.Channels",
    "marketing_use_cases": "Marketing.UseCases",
    "aws_funding_used": "Marketing.AwsFundingUsed",
    "opportunity_type": "OpportunityType",
    "primary_needs_from_aws": "PrimaryNeedsFromAws",
    "national_security": "NationalSecurity",
    "partner_opportunity_identifier": "PartnerOpportunityIdentifier",
}
FIELDS_BY_PATH = {path: name for name, path in PATHS.items()}
# Paths that name a group rather than a leaf: their errors go to the group's first field.
GROUPS = {
    "Customer": "customer_company_name",
    "Customer.Account": "customer_company_name",
    "Customer.Account.Address": "customer_country_code",
    CONTACT: "contact_email",
    "Customer.Contacts": "contact_email",
    SPEND: "spend_amount",
    "Project.ExpectedCustomerSpend": "spend_amount",
    "LifeCycle": "stage",
    "Marketing": "marketing_source",
}
SECTIONS: tuple[tuple[StrOrPromise, tuple[str, ...]], ...] = (
    (gettext_lazy("Customer"), (
        "customer_company_name", "customer_website_url", "customer_industry",
        "customer_other_industry", "customer_country_code", "customer_state_or_region",
        "customer_city", "customer_postal_code", "customer_street_address",
    )),
    (gettext_lazy("Customer contact"), (
        "contact_first_name", "contact_last_name", "contact_email", "contact_phone",
        "contact_business_title",
    )),
    (gettext_lazy("Project"), (
        "partner_opportunity_identifier", "opportunity_type", "project_title",
        "customer_business_problem", "customer_use_case", "delivery_models",
        "sales_activities", "competitor_name", "other_competitor_names",
        "other_solution_description", "additional_comments", "apn_programs",
        "primary_needs_from_aws", "national_security",
    )),
    (gettext_lazy("Expected customer spend"), (
        "spend_amount", "spend_currency_code", "spend_frequency", "spend_target_company",
    )),
    (gettext_lazy("Life cycle"), (
        "stage", "closed_lost_reason", "next_steps", "target_close_date",
    )),
    (gettext_lazy("Marketing"), (
        "marketing_source", "campaign_name", "channels", "marketing_use_cases", "aws_funding_used",
    )),
)  # fmt: skip
_TRAILING_INDEX = re.compile(r"\[\d+\]$")
# What a new opportunity starts with.
DEFAULTS = {
    "spend_currency_code": "USD",
    "spend_frequency": "Monthly",
    "spend_target_company": "AWS",
}


def field_for(path: str) -> str | None:
    """The form field showing errors of an API path, or None (shown at the top)."""
    candidate = path
    while candidate:
        if candidate in FIELDS_BY_PATH:
            return FIELDS_BY_PATH[candidate]
        if candidate in GROUPS:
            return GROUPS[candidate]
        if _TRAILING_INDEX.search(candidate):  # an item of a list of values
            candidate = _TRAILING_INDEX.sub("", candidate)
            continue
        return None
    return None


def put(data: dict[str, Any], path: str, value: Any) -> None:
    """Set (or, for an empty value, remove) the member at `path`, creating the
    structures and list items on the way (`Customer.Contacts[0].Email`)."""
    parts = path.split(".")
    current: Any = data
    for part in parts[:-1]:
        name, index = _split(part)
        current = current.setdefault(name, [] if index is not None else {})
        if index is not None:
            while len(current) <= index:
                current.append({})
            current = current[index]
    if value in (None, "", []):
        current.pop(parts[-1], None)
    else:
        current[parts[-1]] = value


def _split(part: str) -> tuple[str, int | None]:
    match = _TRAILING_INDEX.search(part)
    if match is None:
        return part, None
    return part[: match.start()], int(match.group()[1:-1])


def _stored_value(data: Mapping[str, Any], path: str) -> Any:
    value: Any = data
    for part in path.split("."):
        name, index = _split(part)
        value = value.get(name) if isinstance(value, Mapping) else None
        if index is not None:
            value = value[index] if isinstance(value, list) and len(value) > index else None
    return value


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
            stored = _stored_value(self.stored, path)
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


def initial_from(stored: Mapping[str, Any]) -> dict[str, Any]:
    """Field values from a stored opportunity (`payload.editable` of its data)."""
    initial: dict[str, Any] = {}
    for name, path in PATHS.items():
        value = _stored_value(stored, path)
        if value not in (None, "", []):
            initial[name] = value
    return initial


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
