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


def _value(row: Any, annotated: str, fallback: Any) -> Any:
    """A list's annotated value of the other party, or the relation's (one record)."""
    return getattr(row, annotated) if hasattr(row, annotated) else fallback()


def invitation_summary(invitation: ConnectionInvitation, company: Company) -> dict[str, Any]:
    sent = invitation.sender_id == company.pk

    def other_id() -> str:
        return str((invitation.receiver if sent else invitation.sender).public_id)

    connection_id = _value(
        invitation,
        "connection_public_id",
        lambda: invitation.connection.public_id if invitation.connection else None,
    )
    view: dict[str, Any] = {
        "Catalog": invitation.catalog,
        "Id": invitation.public_id,
        "Arn": invitation_arn(invitation.catalog, invitation.public_id),
        "ConnectionType": invitation.connection_type,
        "CreatedAt": invitation.created_at,
        "UpdatedAt": invitation.updated_at,
        "ExpiresAt": invitation.expires_at,
        "OtherParticipantIdentifier": _value(invitation, "other_public_id", other_id),
        "ParticipantType": "SENDER" if sent else "RECEIVER",
        "Status": invitation.current_status,
    }
    if connection_id:
        view["ConnectionId"] = connection_id
    return view


def invitation_view(invitation: ConnectionInvitation, company: Company) -> dict[str, Any]:
    return {
        **invitation_summary(invitation, company),
        "InvitationMessage": invitation.message,
        "InviterEmail": invitation.inviter_email,
        "InviterName": invitation.inviter_name,
    }


def _participant(name: str) -> dict[str, Any]:
    return {"Account": {"Name": name[:80]}}


def _detail(detail: ConnectionTypeDetail, name: str) -> dict[str, Any]:
    view: dict[str, Any] = {
        "CreatedAt": detail.created_at,
        "InviterEmail": detail.inviter_email,
        "InviterName": detail.inviter_name,
        "Status": detail.status,
        "OtherParticipant": _participant(name),
    }
    if detail.canceled_at is not None:
        view["CanceledAt"] = detail.canceled_at
    canceled_by = _value(
        detail,
        "canceled_by_account",
        lambda: account_id_of(detail.canceled_by) if detail.canceled_by else "",
    )
    if canceled_by:
        view["CanceledBy"] = canceled_by
    return view


def _other(connection: Connection, company: Company) -> tuple[str, str]:
    """The other party's (name, account id): annotated by the selectors' reads."""
    if hasattr(connection, "other_name"):
        return str(connection.other_name), str(getattr(connection, "other_account", "") or "")
    other = connection.other(company)
    return other.legal_name, account_id_of(other)


def _head(connection: Connection, account: str) -> dict[str, Any]:
    return {
        "Catalog": connection.catalog,
        "Id": connection.public_id,
        "Arn": connection_arn(connection.catalog, connection.public_id),
        "OtherParticipantAccountId": account,
        "UpdatedAt": connection.updated_at,
    }


def connection_view(connection: Connection, company: Company) -> dict[str, Any]:
    name, account = _other(connection, company)
    types = {d.connection_type: _detail(d, name) for d in connection.types.all()}
    return {**_head(connection, account), "ConnectionTypes": types}


def connection_summary(connection: Connection, company: Company) -> dict[str, Any]:
    name, account = _other(connection, company)
    types = {
        d.connection_type: {"Status": d.status, "OtherParticipant": _participant(name)}
        for d in connection.types.all()
    }
    return {**_head(connection, account), "ConnectionTypes": types}


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
