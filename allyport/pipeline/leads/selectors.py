"""Reads of the company's own leads (the Your leads tab)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from allyport.access.actor import Actor
from allyport.core.keyset import Page, SortKey, paginate
from allyport.pipeline.engagements import selectors as engagements_selectors
from allyport.pipeline.engagements.models import Engagement
from allyport.pipeline.leads.models import OpportunityFromEngagementTask
from allyport.pipeline.leads.services import LEAD
from allyport.pipeline.shared.lead_rules import is_qualified


def lead_engagements(actor: Actor, catalog: str) -> Any:
    return engagements_selectors.engagements(actor, catalog).filter(
        context_types__contains=f",{LEAD},"
    )


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
    def qualified(self) -> bool:
        """Only a qualified lead may be made an opportunity on the Leads tab."""
        return is_qualified(self.lead)

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
            company=engagements_selectors.member_company(actor),
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
