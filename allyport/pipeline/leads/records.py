"""The lead record of every Lead context a company adds, whichever way it comes in (the
page, an import, CreateEngagement or CreateEngagementContext): its owner is the member
who added it (none for an API caller), its region the customer's country's."""

from __future__ import annotations

from django.utils import timezone

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.pipeline.engagements.models import Engagement
from allyport.pipeline.leads.models import LeadRecord
from allyport.pipeline.shared.lead_rules import region_of

LEAD = "Lead"


def note_leads(actor: Actor, company: Company, engagement: Engagement) -> None:
    """A record for each of the engagement's Lead contexts that has none yet."""
    known = set(
        engagement.lead_records.filter(company=company).values_list("context_id", flat=True)
    )
    owner = actor.user if actor.is_member else None
    for context in engagement.contexts or []:
        context_id = str(context.get("Id"))
        if context.get("Type") != LEAD or context_id in known:
            continue
        lead = dict((context.get("Payload") or {}).get(LEAD) or {})
        LeadRecord.objects.create(
            company=company, catalog=engagement.catalog, engagement=engagement,
            context_id=context_id, owner=owner, region=region_of(lead),
            updated_at=timezone.now(),
        )  # fmt: skip
