"""Every action x role set decides as the oracle's `actions` table (with resolutions)."""

from __future__ import annotations

import pytest

from allyport.access import actor as actors
from allyport.access.decisions import authorize
from allyport.access.grants import grantable_roles
from allyport.access.tests import oracle
from allyport.accounts.models import Company

ACTIONS = list(oracle.raw()["actions"])


@pytest.mark.parametrize("action", ACTIONS)
def test_it_decides_action_as_the_oracle(action: str) -> None:
    holders = oracle.action_holders(action)
    mismatches = []
    for roles in oracle.role_sets():
        expected = holders is None or bool(roles & holders)
        decision = authorize(oracle.actor(roles), action)
        if decision.allowed != expected or (not expected and "needs the" not in decision.reason):
            mismatches.append((sorted(roles), decision))
    assert mismatches == []


def test_it_refuses_every_action_to_non_members_and_roleless_members() -> None:
    for action in ACTIONS:
        assert not authorize(actors.anonymous(), action)
        expected = oracle.action_holders(action) is None
        assert authorize(oracle.actor(frozenset()), action).allowed == expected


def test_it_gives_standard_users_only_the_rights_for_everyone() -> None:
    standard = oracle.actor(frozenset({"standard_user"}))
    allowed = {a for a in ACTIONS if authorize(standard, a)}
    assert allowed == {"dismiss_task", "request_alliance_lead_change"}


def test_it_refuses_a_target_of_another_company() -> None:
    actor = oracle.actor(frozenset({"alliance_lead"}))
    other = Company(pk=987654, legal_name="Other")
    target = type("Target", (), {"company_id": other.pk})()
    decision = authorize(actor, "remove_users", target)
    assert not decision.allowed
    assert decision.reason == "not found"


def test_it_rejects_unknown_actions() -> None:
    with pytest.raises(ValueError):
        authorize(oracle.actor(frozenset({"alliance_lead"})), "fly_to_the_moon")


def test_it_refers_only_to_known_roles_and_actions() -> None:
    roles = set(oracle.role_keys())
    for action in ACTIONS:
        assert (oracle.action_holders(action) or set()) <= roles
    for _key, entry in oracle.menu_entries():
        assert set(entry.get("also_for", [])) <= set(ACTIONS)


# The grant rules of the resolutions, as written there.
GRANTS = {
    "alliance_lead": {"alliance_team", "ace_manager", "ace_user", "technical_staff",
                      "marketing_staff", "channel_user", "standard_user", "cloud_admin"},
    "alliance_team": {"alliance_team", "ace_manager", "ace_user", "technical_staff",
                      "marketing_staff", "channel_user", "standard_user"},
    "cloud_admin": {"ace_manager", "ace_user", "marketing_staff", "technical_staff"},
}  # fmt: skip


def test_it_grants_roles_as_the_resolutions_say() -> None:
    for roles in oracle.role_sets():
        expected = set().union(*(GRANTS.get(role, set()) for role in roles))
        assert grantable_roles(oracle.actor(roles)) == expected
        assert "alliance_lead" not in grantable_roles(oracle.actor(roles))
