"""Sending engagement invitations (spec §2.11): CreateEngagementInvitation (a member
invites a partner's linked AWS account, or AWS, to its engagement) and the
invitations the program and the engagement tasks send. A new invitation is
pending for 15 days; the receiving company's ACE managers hear of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.core.errors import REQUEST, Conflict, refuse
from allyport.marketplace.models import AccountLink
from allyport.pipeline import effects
from allyport.pipeline.engagements.invitation_payloads import check_payload
from allyport.pipeline.engagements.invitations import Status, record_call
from allyport.pipeline.engagements.models import (
    Engagement,
    EngagementInvitation,
    EngagementMember,
    invitation_id,
)
from allyport.pipeline.engagements.selectors import (
    PROGRAM_ACCOUNT_ID,
    PROGRAM_NAME,
    account_of,
    engagement_target,
    find_engagement,
    member_company,
)
from allyport.pipeline.engagements.services import insert_fresh
from allyport.pipeline.shared import notifications
from allyport.pipeline.shared.clock import now_ms
from allyport.pipeline.shared.permissions import CREATE_ENGAGEMENT_INVITATION

INVITATION_DAYS = 15


def new_invitation(
    engagement: Engagement,
    *,
    sender: Company | None,
    receiver: Company | None,
    payload_type: str,
    payload: dict[str, Any],
    message: str = "",
    receiver_alias: str = "",
    actor: Actor | None = None,
) -> EngagementInvitation:
    """Insert a pending invitation, expiring in 15 days; the receiving company's ACE
    managers hear of it once the transaction commits. Runs in the caller's transaction."""
    moment = now_ms()
    invitation = EngagementInvitation(
        catalog=engagement.catalog,
        engagement=engagement,
        sender_company=sender,
        sender_name=sender.legal_name if sender is not None else PROGRAM_NAME,
        sender_account_id=account_of(sender),
        sent_by=actor.user if actor is not None and actor.kind == "staff" else None,
        receiver_company=receiver,
        receiver_alias=(receiver_alias or (receiver.legal_name if receiver else PROGRAM_NAME))[:80],
        payload_type=payload_type,
        payload=payload,
        message=message[:255],
        invitation_date=moment,
        expiration_date=moment + timedelta(days=INVITATION_DAYS),
    )
    insert_fresh(invitation, invitation_id)
    effects.invitation_announced(invitation, "Created", actor)
    if receiver is not None:
        notifications.referral_shared(invitation)
    return invitation


def _receiver_company(account_id: str) -> Company | None:
    if account_id in (PROGRAM_ACCOUNT_ID, PROGRAM_NAME):
        return None
    link = AccountLink.objects.select_related("company").filter(account__account_id=account_id)
    found = link.first()
    if found is None:
        raise refuse(
            "Invitation.Receiver.Account.AwsAccountId",
            _("No partner has linked the AWS account %(id)s.") % {"id": account_id},
        )
    return found.company


def _single(union: Mapping[str, Any], field: str) -> tuple[str, Any]:
    if len(union) != 1:
        raise refuse(field, _("Give exactly one member."), reason=REQUEST)
    return next(iter(union.items()))


def create_engagement_invitation(
    actor: Actor, catalog: str, engagement_identifier: str, invitation: Mapping[str, Any]
) -> EngagementInvitation:
    """CreateEngagementInvitation: a member invites one receiver (a partner's linked AWS
    account, or AWS) to the engagement."""
    company = member_company(
        actor, CREATE_ENGAGEMENT_INVITATION, engagement_target(catalog, engagement_identifier)
    )
    _kind, receiver = _single(invitation.get("Receiver") or {}, "Invitation.Receiver")
    payload_type, payload = _single(invitation.get("Payload") or {}, "Invitation.Payload")
    checked = check_payload(payload_type, payload)
    with transaction.atomic():
        engagement = find_engagement(actor, catalog, engagement_identifier)
        target = _receiver_company(str(receiver.get("AwsAccountId", "")))
        field = "Invitation.Receiver.Account.AwsAccountId"
        if target == company:
            raise refuse(field, _("You cannot invite your own company."))
        if EngagementMember.objects.filter(engagement=engagement, company=target).exists():
            raise Conflict(
                _("The receiver is a member already."), "Engagement", engagement.public_id
            )
        pending = engagement.invitations.filter(receiver_company=target, status=Status.PENDING)
        if pending.filter(expiration_date__gt=timezone.now()).exists():
            raise Conflict(
                _("The receiver has a pending invitation to this engagement."),
                "Engagement",
                engagement.public_id,
            )
        created = new_invitation(
            engagement,
            sender=company,
            receiver=target,
            payload_type=payload_type,
            payload=checked,
            message=str(invitation.get("Message") or ""),
            receiver_alias=str(receiver.get("Alias") or ""),
            actor=actor,
        )
        record_call(actor, "CreateEngagementInvitation", created)
    return created
