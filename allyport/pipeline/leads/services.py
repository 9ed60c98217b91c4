"""The company's own leads: engagements with a Lead context that it is a member of
(imported, or created through the API with CreateEngagement/CreateEngagementContext),
listed on Leads Management's Leads tab and turned into opportunities there.

Lead import writes one engagement per row, titled after the customer, with one
Lead context built from the row's columns (`LEAD_COLUMNS`, the import template).
A row is checked as the API checks CreateEngagement (lengths, patterns, required
members, and the pipeline's lead rules: country codes, email format), every
problem of the row is reported, and each names the row's column, not the API's path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from allyport.access.actor import Actor
from allyport.core.errors import REQUEST, FieldError, RuleViolation
from allyport.pipeline.engagements import services as engagements
from allyport.pipeline.engagements.models import Engagement
from allyport.pipeline.shared import lead_rules
from allyport.shapes.selling import service_model
from allyport.shapes.validation import InvalidRequest, validate

LEAD = "Lead"
CONTACT = "Interactions[0].Contact"
SOURCE_TYPE = "Lead import"


@dataclass(frozen=True)
class LeadColumn:
    header: str  # as the template names it
    path: str  # within LeadContext
    required: bool = False


LEAD_COLUMNS = (
    LeadColumn("Company Name", "Customer.CompanyName", True),
    LeadColumn("Country", "Customer.Address.CountryCode", True),
    LeadColumn("Industry", "Customer.Industry"),
    LeadColumn("Website", "Customer.WebsiteUrl"),
    LeadColumn("City", "Customer.Address.City"),
    LeadColumn("State or Region", "Customer.Address.StateOrRegion"),
    LeadColumn("Postal Code", "Customer.Address.PostalCode"),
    LeadColumn("Market Segment", "Customer.MarketSegment"),
    LeadColumn("AWS Maturity", "Customer.AwsMaturity"),
    LeadColumn("Qualification Status", "QualificationStatus"),
    LeadColumn("Contact Business Title", f"{CONTACT}.BusinessTitle", True),
    LeadColumn("Contact First Name", f"{CONTACT}.FirstName", True),
    LeadColumn("Contact Last Name", f"{CONTACT}.LastName", True),
    LeadColumn("Contact Email", f"{CONTACT}.Email", True),
    LeadColumn("Contact Phone", f"{CONTACT}.Phone"),
    LeadColumn("Use Case", "Interactions[0].Usecase"),
    LeadColumn("Business Problem", "Interactions[0].BusinessProblem"),
)
BY_PATH = {column.path: column for column in LEAD_COLUMNS}
# What a row must fill, beyond what the API requires (the template's yellow columns).
REQUIRED_MESSAGE = gettext_lazy("This column is required.")


def _set(target: dict[str, Any], path: str, value: str) -> None:
    *parents, leaf = path.split(".")
    for part in parents:
        if part.endswith("[0]"):
            items = target.setdefault(part[:-3], [{}])
            target = items[0]
        else:
            target = target.setdefault(part, {})
    target[leaf] = value


def lead_from_row(values: Mapping[str, str], *, source_name: str, source_id: str) -> dict[str, Any]:
    """The LeadContext of a template row (`values` by header; blank cells left out).
    Its interaction says where it came from: the file and the row."""
    lead: dict[str, Any] = {}
    for column in LEAD_COLUMNS:
        text = (values.get(column.header) or "").strip()
        if text:
            _set(lead, column.path, text)
    interaction = lead.setdefault("Interactions", [{}])[0]
    interaction.update(
        {
            "SourceType": SOURCE_TYPE,
            "SourceName": source_name[:255],
            "SourceId": source_id,
            "InteractionDate": timezone.now().isoformat(),
            "CustomerAction": "Imported",
        }
    )
    return lead


def _column_of(api_field: str) -> str:
    """`Contexts[0].Payload.Lead.Customer.CompanyName` -> the template's header."""
    prefix = "Contexts[0].Payload.Lead."
    path = api_field[len(prefix) :] if api_field.startswith(prefix) else api_field
    column = BY_PATH.get(path)
    return column.header if column is not None else path


def _missing(values: Mapping[str, str]) -> list[FieldError]:
    return [
        FieldError(column.header, str(REQUIRED_MESSAGE))
        for column in LEAD_COLUMNS
        if column.required and not (values.get(column.header) or "").strip()
    ]


def check_lead(catalog: str, lead: dict[str, Any], values: Mapping[str, str]) -> dict[str, Any]:
    """The CreateEngagement request of a lead; RuleViolation naming the row's columns."""
    request = {
        "Catalog": catalog,
        "ClientToken": "lead-import",
        "Title": str(lead.get("Customer", {}).get("CompanyName", ""))[:40],
        "Description": _("Imported lead"),
        "Contexts": [{"Type": LEAD, "Payload": {LEAD: lead}}],
    }
    errors = _missing(values)
    checked: dict[str, Any] = {}
    try:
        # As the API takes it: the checked request, timestamps parsed.
        checked = validate(service_model().operation_model("CreateEngagement").input_shape, request)
    except InvalidRequest as refused:
        named = {error.field for error in errors}
        errors += [
            FieldError(_column_of(field), message)
            for field, message, _code in refused.errors
            if _column_of(field) not in named
        ]
    named = {error.field for error in errors}
    errors += [
        error._replace(field=_column_of(error.field))
        for error in lead_rules.lead_problems(lead)
        if _column_of(error.field) not in named
    ]
    if errors:
        raise RuleViolation(errors, reason=REQUEST)
    return checked


def create_lead(actor: Actor, catalog: str, values: Mapping[str, str], **source: str) -> Engagement:
    """One imported row as a new engagement with its Lead context."""
    lead = lead_from_row(values, **source)
    request = check_lead(catalog, lead, values)
    return engagements.create_engagement(actor, catalog, request)
