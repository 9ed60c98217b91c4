"""Which roles a user may grant (the access model's resolutions, as data)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.model import access_model

LEAD = "alliance_lead"
CLOUD_ADMIN = "cloud_admin"

_TEAM_GRANTS = frozenset(
    {"alliance_team", "ace_manager", "ace_user", "technical_staff", "marketing_staff",
     "channel_user", "standard_user"}
)  # fmt: skip
GRANTABLE_BY: dict[str, frozenset[str]] = {
    "alliance_lead": _TEAM_GRANTS | {"cloud_admin"},
    "alliance_team": _TEAM_GRANTS,
    "cloud_admin": frozenset({"ace_manager", "ace_user", "marketing_staff", "technical_staff"}),
}


def grantable_roles(actor: Actor) -> frozenset[str]:
    """Roles the actor may give or take away; the alliance lead role is never among them
    (it only moves by reassignment)."""
    granted: set[str] = set()
    for role in actor.roles:
        granted |= GRANTABLE_BY.get(role, frozenset())
    return frozenset(granted)


def may_move_cloud_admin(actor: Actor) -> bool:
    """A cloud admin may move the cloud admin role (take it from one user, give it to
    another in the same update), though only the alliance lead grants it outright."""
    return CLOUD_ADMIN in actor.roles


def grant_refusal(actor: Actor, role: str, *, moving_cloud_admin: bool = False) -> str:
    """Why `actor` may not give or take `role`: a reason for people, or "" when allowed.

    `moving_cloud_admin` tells that the update moves the cloud admin role (as many
    removals of it as additions), which a cloud admin may do.
    """
    if role not in access_model().roles:
        return _("unknown role")
    if role == LEAD:
        return _("the alliance lead role changes only by reassignment")
    if role in grantable_roles(actor):
        return ""
    if role == CLOUD_ADMIN and moving_cloud_admin and may_move_cloud_admin(actor):
        return ""
    if role == CLOUD_ADMIN:
        return _(
            "only the alliance lead grants the cloud admin role; a cloud admin may move it "
            "from one user to another"
        )
    return _("you cannot grant or remove the %(role)s role") % {
        "role": access_model().role_name(role)
    }
