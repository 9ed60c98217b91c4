"""Who may do each connection operation, declared once (see
`allyport.pipeline.shared.permissions`): members need the connection rights of
`access/data/portal-actions.yaml` (the roles that see Market > Find Partners read,
the alliance lead and alliance team change), IAM principals the policy's allow of
`partnercentral:<Operation>`."""

from __future__ import annotations

from allyport.access.decisions import Permission

VIEW = "view_connections"
MANAGE = "manage_connections"


def _account(operation: str, member: str) -> Permission:
    return Permission(member=member, iam=f"partnercentral:{operation}")


CREATE_CONNECTION_INVITATION = _account("CreateConnectionInvitation", MANAGE)
GET_CONNECTION_INVITATION = _account("GetConnectionInvitation", VIEW)
LIST_CONNECTION_INVITATIONS = _account("ListConnectionInvitations", VIEW)
ACCEPT_CONNECTION_INVITATION = _account("AcceptConnectionInvitation", MANAGE)
REJECT_CONNECTION_INVITATION = _account("RejectConnectionInvitation", MANAGE)
CANCEL_CONNECTION_INVITATION = _account("CancelConnectionInvitation", MANAGE)
GET_CONNECTION = _account("GetConnection", VIEW)
LIST_CONNECTIONS = _account("ListConnections", VIEW)
CANCEL_CONNECTION = _account("CancelConnection", MANAGE)
GET_CONNECTION_PREFERENCES = _account("GetConnectionPreferences", VIEW)
UPDATE_CONNECTION_PREFERENCES = _account("UpdateConnectionPreferences", MANAGE)
TAG_RESOURCE = _account("TagResource", MANAGE)
UNTAG_RESOURCE = _account("UntagResource", MANAGE)
LIST_TAGS_FOR_RESOURCE = _account("ListTagsForResource", VIEW)
