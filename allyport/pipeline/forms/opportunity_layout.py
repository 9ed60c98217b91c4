"""Where each field of the opportunity form lives in the selling API's request: the
path it fills, the groups whose errors it shows, the sections it is laid out in, and
how values are read from and written to a request by path."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

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


def stored_value(data: Mapping[str, Any], path: str) -> Any:
    value: Any = data
    for part in path.split("."):
        name, index = _split(part)
        value = value.get(name) if isinstance(value, Mapping) else None
        if index is not None:
            value = value[index] if isinstance(value, list) and len(value) > index else None
    return value


def initial_from(stored: Mapping[str, Any]) -> dict[str, Any]:
    """Field values from a stored opportunity (`payload.editable` of its data)."""
    initial: dict[str, Any] = {}
    for name, path in PATHS.items():
        value = stored_value(stored, path)
        if value not in (None, "", []):
            initial[name] = value
    return initial
