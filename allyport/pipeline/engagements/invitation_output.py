"""The Selling API's views of engagement invitations: ListEngagementInvitations'
items (from the viewing company's side) and the GetEngagementInvitation answer,
with the receivers' linked AWS accounts read in one query.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from allyport.accounts.models import Company
from allyport.marketplace.models import AccountLink
from allyport.pipeline.engagements.invitations import RECEIVER, SENDER, Status, invitation_arn
from allyport.pipeline.engagements.models import EngagementInvitation
from allyport.pipeline.engagements.selectors import PROGRAM_ACCOUNT_ID, PROGRAM_NAME

EXISTING_MEMBERS_LIMIT = 10


def receiver_accounts(rows: Iterable[EngagementInvitation]) -> dict[int, str]:
    """The linked AWS account of each receiving company, in one query."""
    ids = {row.receiver_company_id for row in rows if row.receiver_company_id is not None}
    links = AccountLink.objects.filter(company_id__in=ids)
    return dict(links.values_list("company_id", "account__account_id"))


def _receiver(invitation: EngagementInvitation, accounts: Mapping[int, str]) -> Any:
    if invitation.receiver_company_id is None:
        return {"Account": {"AwsAccountId": PROGRAM_ACCOUNT_ID, "Alias": PROGRAM_NAME}}
    account = accounts.get(invitation.receiver_company_id)
    if not account:
        return None
    alias = invitation.receiver_alias or None
    return {
        "Account": {"AwsAccountId": account, "Alias": alias} if alias else {"AwsAccountId": account}
    }


def _dropped_empty(value: dict[str, Any]) -> dict[str, Any]:
    return {key: item for key, item in value.items() if item not in (None, "")}


def _common(invitation: EngagementInvitation, accounts: Mapping[int, str]) -> dict[str, Any]:
    return {
        "Arn": invitation_arn(invitation),
        "PayloadType": invitation.payload_type,
        "Id": invitation.public_id,
        "EngagementId": invitation.engagement.public_id,
        "EngagementTitle": invitation.engagement.title,
        "Status": invitation.status,
        "InvitationDate": invitation.invitation_date,
        "ExpirationDate": invitation.expiration_date,
        "SenderAwsAccountId": invitation.sender_account_id,
        "SenderCompanyName": invitation.sender_name,
        "Receiver": _receiver(invitation, accounts),
        "Catalog": invitation.catalog,
    }


def invitation_summary(
    invitation: EngagementInvitation, company: Company, accounts: Mapping[int, str]
) -> dict[str, Any]:
    """A ListEngagementInvitations item, from the viewing company's side."""
    received = invitation.receiver_company_id == company.pk
    value = {**_common(invitation, accounts), "ParticipantType": RECEIVER if received else SENDER}
    return _dropped_empty(value)


def invitation_view(
    invitation: EngagementInvitation, accounts: Mapping[int, str]
) -> dict[str, Any]:
    """The GetEngagementInvitation answer. A rejected invitation's payload is no longer
    shared ("all related data will become inaccessible")."""
    members = invitation.engagement.members.order_by("pk")[:EXISTING_MEMBERS_LIMIT]
    shared = invitation.status != Status.REJECTED
    value = {
        **_common(invitation, accounts),
        "RejectionReason": invitation.rejection_reason,
        "Payload": {invitation.payload_type: invitation.payload} if shared else None,
        "InvitationMessage": invitation.message,
        "EngagementDescription": invitation.engagement.description,
        "ExistingMembers": [
            _dropped_empty({"CompanyName": m.company_name, "WebsiteUrl": m.website_url})
            for m in members
        ],
    }
    return _dropped_empty(value)
