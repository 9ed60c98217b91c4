"""Which roles a user may grant (the access model's resolutions, as data)."""

from __future__ import annotations

from allyport.access.actor import Actor

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
