"""Every menu item x role set x path set x stage decides as the oracle's table says."""

from __future__ import annotations

import pytest

from allyport.access import actor as actors
from allyport.access.decisions import authorize
from allyport.access.tests import oracle

# Words of the reason for each rule that hides an item (see decisions.menu_decision).
REASON_WORDS = {"role": "needs the", "path": "only for the", "stage": "or higher"}
ENTRIES = oracle.menu_entries()


@pytest.mark.parametrize(("key", "entry"), ENTRIES, ids=[key for key, _entry in ENTRIES])
def test_it_decides_menu_item_as_the_oracle(key: str, entry: dict) -> None:
    mismatches = []
    for roles in oracle.role_sets():
        for company_paths in oracle.path_sets():
            for stage in oracle.stages():
                expected = oracle.menu_expectation(entry, roles, company_paths, stage)
                decision = authorize(oracle.actor(roles, company_paths, stage), "menu:" + key)
                if decision.allowed != (not expected) or (
                    expected and REASON_WORDS[expected] not in decision.reason
                ):
                    mismatches.append((sorted(roles), sorted(company_paths), stage, decision))
    assert mismatches == [], f"{len(mismatches)} mismatches, first: {mismatches[:3]}"


def test_it_covers_both_visible_and_hidden_cases_for_every_rule() -> None:
    """Guards the oracle itself: each rule hides something and something is visible."""
    seen = set()
    for _key, entry in ENTRIES:
        for roles in oracle.role_sets()[:9]:
            for stage in oracle.stages():
                seen.add(oracle.menu_expectation(entry, roles, frozenset({"Hardware"}), stage))
    assert seen == {"", "role", "path", "stage"}


def test_it_names_the_needed_roles_in_the_reason() -> None:
    actor = oracle.actor(frozenset({"standard_user"}))
    decision = authorize(actor, "menu:My Company/User Management")
    assert decision.reason == "needs the alliance lead, alliance team or cloud admin role"


def test_it_shows_the_cloud_admin_user_management_through_also_for() -> None:
    actor = oracle.actor(frozenset({"cloud_admin"}))
    assert authorize(actor, "menu:My Company/User Management")
    assert authorize(actor, "menu:My Company/Company Profile")
    assert not authorize(actor, "menu:My Company/Job Board")


def test_it_hides_every_item_from_non_members() -> None:
    for nobody in (actors.anonymous(), actors.system()):
        for key, _entry in ENTRIES:
            decision = authorize(nobody, "menu:" + key)
            assert not decision.allowed
            assert "sign in" in decision.reason
