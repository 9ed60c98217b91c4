"""The company's own leads: engagements with a Lead context that it is a member of
(imported, or created through the API with CreateEngagement/CreateEngagementContext),
listed on Leads Management's Leads tab and turned into opportunities there.

Lead import writes one engagement per row, titled after the customer, with one
Lead context built from the row's columns (`LEAD_COLUMNS`, the import template).
A row is checked as the API checks CreateEngagement (lengths, patterns, required
members), and a refusal names the row's column, not the API's path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from allyport.access.actor import Actor
from allyport.awsapi.registry import Validation
from allyport.awsapi.validation import validate
from allyport.core.errors import REQUEST, FieldError, RuleViolation
from allyport.core.keyset import Page, SortKey, paginate
from allyport.pipeline.engagements import services as engagements
from allyport.pipeline.engagements.models import Engagement
from allyport.pipeline.leads.models import OpportunityFromEngagementTask
from allyport.pipeline.shapes import service_model

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
    try:
        # As the API takes it: the checked request, timestamps parsed.
        checked = validate(service_model().operation_model("CreateEngagement").input_shape, request)
    except Validation as refused:
        named = {error.field for error in errors}
        errors += [
            FieldError(_column_of(field), message)
            for field, message, _code in refused.errors
            if _column_of(field) not in named
        ]
    if errors:
        raise RuleViolation(errors, reason=REQUEST)
    return checked


def create_lead(actor: Actor, catalog: str, values: Mapping[str, str], **source: str) -> Engagement:
    """One imported row as a new engagement with its Lead context."""
    lead = lead_from_row(values, **source)
    request = check_lead(catalog, lead, values)
    return engagements.create_engagement(actor, catalog, request)


def lead_engagements(actor: Actor, catalog: str) -> Any:
    return engagements.engagements(actor, catalog).filter(context_types__contains=f",{LEAD},")


def list_leads(actor: Actor, catalog: str, token: str | None, size: int) -> Page:
    """The company's lead engagements, newest first, one keyset page at a time."""
    return paginate(
        lead_engagements(actor, catalog),
        SortKey("created_at", "datetime"),
        descending=True,
        size=size,
        token=token,
        query={"leads": catalog},
    )


@dataclass(frozen=True)
class LeadRow:
    """What the Leads tab shows of one lead context."""

    engagement: Engagement
    context_id: str
    lead: dict[str, Any]
    opportunity_id: str

    @property
    def customer(self) -> dict[str, Any]:
        return dict(self.lead.get("Customer") or {})

    @property
    def qualification(self) -> str:
        return str(self.lead.get("QualificationStatus") or "")

    @property
    def country(self) -> str:
        return str((self.customer.get("Address") or {}).get("CountryCode") or "")

    @property
    def contact(self) -> dict[str, Any]:
        interactions = self.lead.get("Interactions") or [{}]
        return dict(interactions[-1].get("Contact") or {})


def lead_rows(actor: Actor, catalog: str, page: Page) -> list[LeadRow]:
    """The page's lead contexts, each with the opportunity made from it (one query)."""
    ids = [engagement.public_id for engagement in page.items]
    converted = dict(
        (
            (task.engagement_identifier, task.context_identifier),
            task.opportunity_identifier,
        )
        for task in OpportunityFromEngagementTask.objects.filter(
            company=engagements.member_company(actor),
            catalog=catalog,
            engagement_identifier__in=ids,
            status=OpportunityFromEngagementTask.Status.COMPLETE,
        ).only("engagement_identifier", "context_identifier", "opportunity_identifier")
    )
    rows = []
    for engagement in page.items:
        for context in engagement.contexts or []:
            if context.get("Type") != LEAD:
                continue
            context_id = str(context.get("Id"))
            lead = dict((context.get("Payload") or {}).get(LEAD) or {})
            made = converted.get((engagement.public_id, context_id), "")
            rows.append(LeadRow(engagement, context_id, lead, made))
    return rows
