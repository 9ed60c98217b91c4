"""Envelopes of the engagement events (spec Appendix A §1.9): Engagement Invitation
Created/Accepted/Rejected/Expired, Engagement Created/Updated, Engagement Member Added.

Engagements and invitations are shared, so one change raises one event for each
partner company taking part, with that company's view (`participantType`,
`account`).
"""

from __future__ import annotations

from typing import Any

from allyport.events.envelopes import SCHEMA_VERSION, envelope, iso
from allyport.pipeline.models import Engagement, EngagementInvitation, EngagementMember
from allyport.pipeline.selectors import (
    account_of,
    engagement_arn,
    invitation_arn,
    linked_account_id,
)

SENDER = "Sender"
RECEIVER = "Receiver"


def invitation_parties(invitation: EngagementInvitation) -> list[tuple[Any, str]]:
    """(company, participantType) for each partner company of the invitation; AWS,
    a party without a company, receives no webhook calls."""
    parties = [(invitation.receiver_company, RECEIVER), (invitation.sender_company, SENDER)]
    return [(company, role) for company, role in parties if company is not None]


def invitation_event(
    invitation: EngagementInvitation, change: str, company: Any, participant: str
) -> dict[str, Any]:
    arn = invitation_arn(invitation)  # as GetEngagementInvitation shows it
    info: dict[str, Any] = {
        "arn": arn,
        "id": invitation.public_id,
        "engagementId": invitation.engagement.public_id,
        "senderAccountId": invitation.sender_account_id or account_of(invitation.sender_company),
        "receiverAccountId": account_of(invitation.receiver_company),
        "participantType": participant,
        "payloadType": invitation.payload_type,
    }
    if change == "Created":
        info["senderCompanyName"] = invitation.sender_name
        info["expirationDate"] = iso(invitation.expiration_date)
    detail = {
        "schemaVersion": SCHEMA_VERSION,
        "catalog": invitation.catalog,
        "engagementInvitation": info,
    }
    return envelope(
        f"Engagement Invitation {change}",
        account=linked_account_id(company),
        resources=[arn],
        detail=detail,
    )


def engagement_parties(engagement: Engagement) -> list[Any]:
    members = engagement.members.filter(company__isnull=False).select_related("company")
    return [member.company for member in members]


def engagement_event(engagement: Engagement, change: str, company: Any) -> dict[str, Any]:
    """Engagement Created carries CreatedAt/CreatedBy, Engagement Updated
    LastModifiedAt/LastModifiedBy."""
    arn = engagement_arn(engagement.catalog, engagement.public_id)
    info: dict[str, Any] = {"engagementArn": arn, "engagementId": engagement.public_id}
    if change == "Created":
        info.update(CreatedAt=iso(engagement.created_at), CreatedBy=engagement.created_by)
    else:
        info.update(
            LastModifiedAt=iso(engagement.modified_at), LastModifiedBy=engagement.modified_by
        )
    info["ContextTypes"] = [kind for kind in engagement.context_types.split(",") if kind]
    detail = {"schemaVersion": SCHEMA_VERSION, "catalog": engagement.catalog, "engagement": info}
    return envelope(
        f"Engagement {change}",
        account=linked_account_id(company),
        resources=[arn],
        detail=detail,
    )


def member_added_event(
    engagement: Engagement, member: EngagementMember, company: Any
) -> dict[str, Any]:
    arn = engagement_arn(engagement.catalog, engagement.public_id)
    detail = {
        "schemaVersion": SCHEMA_VERSION,
        "catalog": engagement.catalog,
        "engagement": {"id": engagement.public_id},
        "engagementMember": {"accountId": member.account_id, "companyName": member.company_name},
    }
    return envelope(
        "Engagement Member Added",
        account=linked_account_id(company),
        resources=[arn],
        detail=detail,
    )
