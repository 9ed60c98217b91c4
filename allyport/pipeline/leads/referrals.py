"""Referrals and leads from the program (the AWS side of spec §2.11).

Staff — standing in for AWS — share an opportunity referral or a lead with a
partner company: AWS creates an engagement and invites the company. When the
company accepts a referral, it gets its own opportunity, an "AWS Referral"
that AWS has approved already, as CreateOpportunity would store one in the
Sandbox catalog (where partners may create AWS referrals themselves).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import require
from allyport.accounts.models import Company
from allyport.core.errors import REQUEST, RuleViolation, refuse
from allyport.pipeline.effects import changed
from allyport.pipeline.engagements.invitation_answers import answer_for_aws
from allyport.pipeline.engagements.invitation_payloads import (
    OPPORTUNITY,
    check_payload,
    customer_project_context,
    opportunity_data,
)
from allyport.pipeline.engagements.invitation_sending import new_invitation
from allyport.pipeline.engagements.models import EngagementInvitation
from allyport.pipeline.engagements.services import insert_fresh, new_engagement
from allyport.pipeline.opportunities.models import Opportunity, opportunity_id
from allyport.pipeline.opportunities.review import set_review_status
from allyport.pipeline.opportunities.rules import consistency
from allyport.pipeline.opportunities.services import copy_columns
from allyport.pipeline.shared.clock import next_modified
from allyport.pipeline.shared.console_audit import record_console
from allyport.pipeline.shared.payload import clean
from allyport.pipeline.shared.permissions import SHARE_REFERRAL
from allyport.pipeline.shared.scope import check_catalog

MESSAGE_MAX = 255


def _engagement_title(payload_type: str, payload: Mapping[str, Any]) -> str:
    if payload_type == OPPORTUNITY:
        return str((payload.get("Project") or {}).get("Title") or "")
    return str((payload.get("Customer") or {}).get("CompanyName") or "")


def send_referral(
    actor: Actor,
    company: Company,
    catalog: str,
    payload_type: str,
    payload: Mapping[str, Any],
    *,
    message: str = "",
    description: str = "",
) -> EngagementInvitation:
    """Share an opportunity referral (OpportunityInvitation) or a lead (LeadInvitation)
    with a partner company, as AWS. Staff and the system only; the payload is checked
    against the model's shape and the rules its opportunity will need."""
    require(actor, SHARE_REFERRAL)
    check_catalog(catalog)
    if len(message) > MESSAGE_MAX:
        raise refuse("InvitationMessage", _("At most 255 characters."), reason=REQUEST)
    checked = check_payload(payload_type, payload)
    with transaction.atomic():
        engagement = new_engagement(
            catalog,
            creator=None,
            title=_engagement_title(payload_type, checked),
            description=description,
            contexts=[customer_project_context(checked)] if payload_type == OPPORTUNITY else [],
            actor=actor,
        )
        invitation = new_invitation(
            engagement,
            sender=None,
            receiver=company,
            payload_type=payload_type,
            payload=checked,
            message=message,
            actor=actor,
        )
        record_console(
            actor,
            "CreateEngagementInvitation",
            company=company,
            request={
                "catalog": catalog,
                "payloadType": payload_type,
                "receiver": company.public_id,
            },
            response={"id": invitation.public_id},
        )
    return invitation


def create_referral_opportunity(actor: Actor, invitation: EngagementInvitation) -> Opportunity:
    """The receiver's opportunity for an accepted referral (inside the caller's
    transaction). The dates AWS chose are kept even once passed, as an update keeps an
    unchanged date."""
    data = opportunity_data(invitation.payload)
    errors = consistency(data, {}, before=data)
    if errors:
        raise RuleViolation(errors)
    moment = next_modified(None)
    opportunity = Opportunity(
        company=invitation.receiver_company,
        catalog=invitation.catalog,
        owner=actor.user if actor.kind == "user" else None,
        data=clean(data),
        created_date=moment,
        last_modified_date=moment,
    )
    copy_columns(opportunity)
    insert_fresh(opportunity, opportunity_id)
    record_console(
        actor,
        "CreateOpportunity",
        opportunity,
        request={"catalog": opportunity.catalog, "engagementInvitationId": invitation.public_id},
        response={"id": opportunity.public_id},
    )
    changed(actor, opportunity, "Created")
    return opportunity


def record_review(
    actor: Actor, opportunity: Opportunity, status: str, *, reason: str = "", comments: str = ""
) -> Opportunity:
    """AWS's decision on a submitted opportunity (the staff review queue): its review
    status, and the answer to the invitation the partner sent AWS with it."""
    with transaction.atomic():
        reviewed = set_review_status(actor, opportunity, status, reason=reason, comments=comments)
        answer_for_aws(actor, reviewed, status)
    return reviewed
