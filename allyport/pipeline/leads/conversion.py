"""Create opportunity on Leads Management's Leads tab: only a qualified lead becomes
an opportunity there, as the page says (StartOpportunityFromEngagementTask through
the API refuses only a disqualified one, as the service does)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.core.errors import refuse
from allyport.pipeline.engagements.contexts import LEAD
from allyport.pipeline.engagements.opportunity_from_engagement import (
    start_opportunity_from_engagement,
)
from allyport.pipeline.engagements.selectors import find_engagement
from allyport.pipeline.leads.models import OpportunityFromEngagementTask
from allyport.pipeline.shared.lead_rules import is_qualified


def _lead(actor: Actor, catalog: str, identifier: str, context_id: str) -> dict[str, Any]:
    engagement = find_engagement(actor, catalog, identifier)
    for context in engagement.contexts or []:
        if str(context.get("Id")) == context_id and context.get("Type") == LEAD:
            return dict((context.get("Payload") or {}).get(LEAD) or {})
    return {}


def create_opportunity_from_lead(
    actor: Actor, catalog: str, identifier: str, context_id: str
) -> OpportunityFromEngagementTask:
    """The lead's opportunity task; a RuleViolation when the lead is not qualified."""
    if not is_qualified(_lead(actor, catalog, identifier, context_id)):
        raise refuse(
            "QualificationStatus",
            _(
                "Only a qualified lead becomes an opportunity: set its qualification "
                "status to Qualified first."
            ),
        )
    return start_opportunity_from_engagement(actor, catalog, identifier, context_id)
