"""`authorize(actor, action, target)`: the one place that decides access.

Actions are the keys of the access model's `actions` table; menu visibility is
asked as `menu:<Menu>/<Item>`. Both are separate checks (see the resolutions
in the access model): a page is reachable when its item is visible, and each
change on it also needs the action right.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.model import MenuItem, access_model

MENU_PREFIX = "menu:"


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed


ALLOW = Decision(True)


class PermissionDenied(Exception):
    """Raised by `require`; carries the reason shown to people."""

    def __init__(self, decision: Decision) -> None:
        super().__init__(decision.reason)
        self.decision = decision


def _join_or(words: list[str]) -> str:
    if len(words) == 1:
        return words[0]
    return _("%(head)s or %(last)s") % {"head": ", ".join(words[:-1]), "last": words[-1]}


def _needs_roles(role_keys: frozenset[str]) -> Decision:
    model = access_model()
    ordered = [role.name.lower() for key, role in model.roles.items() if key in role_keys]
    return Decision(False, _("needs the %(roles)s role") % {"roles": _join_or(ordered)})


def _not_member() -> Decision:
    return Decision(False, _("sign in as a member of a partner company"))


def _roles_for_item(item: MenuItem) -> frozenset[str] | None:
    """The roles that see an item: its own list plus holders of `also_for` rights."""
    if item.roles is None:
        return None
    roles = set(item.roles)
    for action in item.also_for:
        holders = access_model().actions[action]
        if holders is None:
            return None
        roles |= holders
    return frozenset(roles)


def menu_decision(actor: Actor, item: MenuItem) -> Decision:
    if not actor.is_member:
        return _not_member()
    roles = _roles_for_item(item)
    if roles is not None and not (actor.roles & roles):
        return _needs_roles(roles)
    if item.paths is not None and not (actor.paths & item.paths):
        ordered = [path for path in access_model().paths if path in item.paths]
        return Decision(False, _("only for the %(paths)s path") % {"paths": _join_or(ordered)})
    if item.min_stage is not None:
        model = access_model()
        if actor.stage is None or model.stage_rank(actor.stage) < model.stage_rank(item.min_stage):
            return Decision(
                False,
                _("your company must be %(stage)s or higher") % {"stage": item.min_stage},
            )
    return ALLOW


def action_decision(actor: Actor, action: str) -> Decision:
    holders = access_model().actions[action]
    if not actor.is_member:
        return _not_member()
    if holders is None or actor.roles & holders:
        return ALLOW
    return _needs_roles(holders)


def authorize(actor: Actor, action: str, target: Any = None) -> Decision:
    """Decide whether `actor` may do `action` (to `target`, when given).

    A target of another company is refused; callers reach targets through
    selectors scoped to the actor's company, so this is a second line.
    """
    if action.startswith(MENU_PREFIX):
        return menu_decision(actor, access_model().menu_item(action[len(MENU_PREFIX) :]))
    if action not in access_model().actions:
        raise ValueError(f"unknown action {action!r}")
    decision = action_decision(actor, action)
    if decision and target is not None:
        company_id = getattr(target, "company_id", None)
        if actor.company is None or company_id != actor.company.pk:
            return Decision(False, _("not found"))
    return decision


def require(actor: Actor, action: str, target: Any = None) -> None:
    decision = authorize(actor, action, target)
    if not decision:
        raise PermissionDenied(decision)
