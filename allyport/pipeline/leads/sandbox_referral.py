"""The Sandbox's referral simulation: an opportunity a partner creates there with Origin
"AWS Referral" arrives as AWS would send it, an engagement invitation from AWS the
company can list, accept (StartEngagementByAcceptingInvitationTask, which hands back
this opportunity rather than a copy) or reject."""

from __future__ import annotations

from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.pipeline.engagements.invitation_payloads import (
    OPPORTUNITY,
    customer_project_context,
    invitation_payload,
)
from allyport.pipeline.engagements.invitation_sending import new_invitation
from allyport.pipeline.engagements.models import EngagementInvitation
from allyport.pipeline.engagements.services import new_engagement
from allyport.pipeline.enums import Catalog, Origin
from allyport.pipeline.opportunities.models import Opportunity


def simulates_referral(opportunity: Opportunity) -> bool:
    return (
        opportunity.catalog == Catalog.SANDBOX
        and opportunity.data.get("Origin") == Origin.AWS_REFERRAL
    )


def deliver_sandbox_referral(actor: Actor, opportunity: Opportunity) -> EngagementInvitation:
    """AWS's engagement and its invitation to the opportunity's company (in the caller's
    transaction), linked to the opportunity."""
    payload = invitation_payload(opportunity)
    engagement = new_engagement(
        opportunity.catalog,
        creator=None,
        title=opportunity.title,
        contexts=[customer_project_context(payload)],
        actor=actor,
    )
    invitation = new_invitation(
        engagement,
        sender=None,
        receiver=opportunity.company,
        payload_type=OPPORTUNITY,
        payload=payload,
        message=_("Referral for opportunity %(id)s") % {"id": opportunity.public_id},
        actor=actor,
    )
    invitation.opportunity = opportunity
    invitation.save(update_fields=["opportunity"])
    return invitation
