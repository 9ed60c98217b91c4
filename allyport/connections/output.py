"""The Account API's views of invitations, connections and preferences, as the caller's
side sees them (the endpoint serializes these by the output shapes)."""

from __future__ import annotations

from typing import Any

from allyport.accounts.models import Company
from allyport.connections.models import (
    Connection,
    ConnectionInvitation,
    ConnectionPreferences,
    ConnectionTypeDetail,
)
from allyport.connections.services.scope import (
    account_id_of,
    connection_arn,
    invitation_arn,
    preferences_arn,
)


def invitation_summary(invitation: ConnectionInvitation, company: Company) -> dict[str, Any]:
    sent = invitation.sender_id == company.pk
    other = invitation.receiver if sent else invitation.sender
    view: dict[str, Any] = {
        "Catalog": invitation.catalog,
        "Id": invitation.public_id,
        "Arn": invitation_arn(invitation.catalog, invitation.public_id),
        "ConnectionType": invitation.connection_type,
        "CreatedAt": invitation.created_at,
        "UpdatedAt": invitation.updated_at,
        "ExpiresAt": invitation.expires_at,
        "OtherParticipantIdentifier": other.public_id,
        "ParticipantType": "SENDER" if sent else "RECEIVER",
        "Status": invitation.current_status,
    }
    if invitation.connection is not None:
        view["ConnectionId"] = invitation.connection.public_id
    return view


def invitation_view(invitation: ConnectionInvitation, company: Company) -> dict[str, Any]:
    return {
        **invitation_summary(invitation, company),
        "InvitationMessage": invitation.message,
        "InviterEmail": invitation.inviter_email,
        "InviterName": invitation.inviter_name,
    }


def _participant(other: Company) -> dict[str, Any]:
    return {"Account": {"Name": other.legal_name[:80]}}


def _detail(detail: ConnectionTypeDetail, other: Company) -> dict[str, Any]:
    view: dict[str, Any] = {
        "CreatedAt": detail.created_at,
        "InviterEmail": detail.inviter_email,
        "InviterName": detail.inviter_name,
        "Status": detail.status,
        "OtherParticipant": _participant(other),
    }
    if detail.canceled_at is not None:
        view["CanceledAt"] = detail.canceled_at
    if detail.canceled_by is not None and account_id_of(detail.canceled_by):
        view["CanceledBy"] = account_id_of(detail.canceled_by)
    return view


def _head(connection: Connection, other: Company) -> dict[str, Any]:
    return {
        "Catalog": connection.catalog,
        "Id": connection.public_id,
        "Arn": connection_arn(connection.catalog, connection.public_id),
        "OtherParticipantAccountId": account_id_of(other),
        "UpdatedAt": connection.updated_at,
    }


def connection_view(connection: Connection, company: Company) -> dict[str, Any]:
    other = connection.other(company)
    types = {d.connection_type: _detail(d, other) for d in connection.types.all()}
    return {**_head(connection, other), "ConnectionTypes": types}


def connection_summary(connection: Connection, company: Company) -> dict[str, Any]:
    other = connection.other(company)
    types = {
        d.connection_type: {"Status": d.status, "OtherParticipant": _participant(other)}
        for d in connection.types.all()
    }
    return {**_head(connection, other), "ConnectionTypes": types}


def preferences_view(prefs: ConnectionPreferences, account_id: str) -> dict[str, Any]:
    view: dict[str, Any] = {
        "Catalog": prefs.catalog,
        "Arn": preferences_arn(prefs.catalog, account_id),
        "AccessType": prefs.access_type,
        "UpdatedAt": prefs.updated_at,
        "Revision": prefs.revision,
    }
    if prefs.excluded:
        view["ExcludedParticipantIds"] = list(prefs.excluded)
    return view
