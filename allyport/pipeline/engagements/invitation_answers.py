"""Answering engagement invitations (spec §2.11): a receiving member accepts
(AcceptEngagementInvitation: its company joins the engagement) or rejects one
with a documented reason; AWS's review answers the ones a partner sent AWS.
Only a pending invitation that has not expired is answered (Conflict otherwise).
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.core.errors import refuse
from allyport.pipeline import effects
from allyport.pipeline.engagements.invitations import (
    Status,
    check_pending,
    find_invitation,
    record_call,
)
from allyport.pipeline.engagements.models import EngagementInvitation
from allyport.pipeline.engagements.services import add_member
from allyport.pipeline.enums import ReviewStatus
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.shared.clock import now_ms
from allyport.pipeline.shared.console_audit import record_console
from allyport.pipeline.shared.permissions import (
    ACCEPT_ENGAGEMENT_INVITATION,
    REJECT_ENGAGEMENT_INVITATION,
)

# RejectEngagementInvitation's documented reasons.
REJECTION_REASONS = (
    "Customer problem unclear",
    "Next steps unclear",
    "Unable to support",
    "Duplicate of partner referral",
    "Other",
)


def accept_in_place(actor: Actor, invitation: EngagementInvitation) -> None:
    """Accept a locked, pending invitation: its receiver joins the engagement."""
    invitation.status = Status.ACCEPTED
    invitation.responded_at = now_ms()
    invitation.save(update_fields=["status", "responded_at"])
    add_member(invitation.engagement, invitation.receiver_company, actor)
    effects.invitation_announced(invitation, "Accepted", actor)


def accept_invitation(actor: Actor, catalog: str, identifier: str) -> EngagementInvitation:
    """AcceptEngagementInvitation: join the engagement (no opportunity is created)."""
    with transaction.atomic():
        invitation = find_invitation(
            actor,
            catalog,
            identifier,
            received=True,
            lock=True,
            permission=ACCEPT_ENGAGEMENT_INVITATION,
        )
        check_pending(invitation)
        accept_in_place(actor, invitation)
        record_call(actor, "AcceptEngagementInvitation", invitation)
    return invitation


def reject_invitation(
    actor: Actor, catalog: str, identifier: str, reason: str | None = None
) -> EngagementInvitation:
    """RejectEngagementInvitation, with one of the documented reasons (or none)."""
    if reason is not None and reason not in REJECTION_REASONS:
        raise refuse(
            "RejectionReason",
            _("Give one of: %(reasons)s.") % {"reasons": ", ".join(REJECTION_REASONS)},
        )
    with transaction.atomic():
        invitation = find_invitation(
            actor,
            catalog,
            identifier,
            received=True,
            lock=True,
            permission=REJECT_ENGAGEMENT_INVITATION,
        )
        check_pending(invitation)
        invitation.status = Status.REJECTED
        invitation.rejection_reason = reason or ""
        invitation.responded_at = now_ms()
        invitation.save(update_fields=["status", "rejection_reason", "responded_at"])
        record_call(actor, "RejectEngagementInvitation", invitation, rejectionReason=reason)
        effects.invitation_announced(invitation, "Rejected", actor)
    return invitation


def answer_for_aws(actor: Actor, opportunity: Opportunity, review_status: str) -> None:
    """AWS's review answers the invitation a partner sent it with this opportunity
    (StartEngagementFromOpportunityTask): Approved accepts it — AWS joins the
    engagement — and Rejected rejects it. Runs in the caller's transaction."""
    if review_status not in (ReviewStatus.APPROVED, ReviewStatus.REJECTED):
        return
    pending = EngagementInvitation.objects.select_for_update().filter(
        receiver_company=None, status=Status.PENDING, engagement__opportunity=opportunity
    )
    for invitation in pending:
        if review_status == ReviewStatus.APPROVED:
            accept_in_place(actor, invitation)
            event = "AcceptEngagementInvitation"
        else:
            invitation.status = Status.REJECTED
            invitation.responded_at = now_ms()
            invitation.save(update_fields=["status", "responded_at"])
            effects.invitation_announced(invitation, "Rejected", actor)
            event = "RejectEngagementInvitation"
        record_console(
            actor,
            event,
            company=opportunity.company,
            request={"catalog": invitation.catalog, "identifier": invitation.public_id},
        )
