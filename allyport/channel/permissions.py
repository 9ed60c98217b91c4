"""Who may do each Channel operation, declared once: members need the Channel
Management page (the channel user role, a Services or Distribution company, Enrolled
or higher: `services.scope.require_channel` asks the menu too), IAM principals their
policies' allow of `partnercentral:<Operation>`."""

from __future__ import annotations

from allyport.access.decisions import Permission

MEMBER_ACTION = "access_channel_management"
MENU = "menu:Channel/Channel Management"


def _channel(operation: str) -> Permission:
    return Permission(member=MEMBER_ACTION, iam=f"partnercentral:{operation}")


OPERATIONS = (
    "AcceptChannelHandshake", "CancelChannelContract", "CancelChannelHandshake",
    "CreateChannelContract", "CreateChannelHandshake", "CreateProgramManagementAccount",
    "CreateRelationship", "DeleteProgramManagementAccount", "DeleteRelationship",
    "GetChannelContract", "GetRelationship", "ListChannelContracts", "ListChannelHandshakes",
    "ListProgramManagementAccounts", "ListRelationships", "ListTagsForResource",
    "RejectChannelHandshake", "TagResource", "UntagResource", "UpdateProgramManagementAccount",
    "UpdateRelationship",
)  # fmt: skip
PERMISSIONS = {name: _channel(name) for name in OPERATIONS}
# The portal's End User Information and Partner Growth Rebate tabs (no API operation).
MANAGE_END_USERS = Permission(member=MEMBER_ACTION)
VIEW_REBATES = Permission(member=MEMBER_ACTION)
