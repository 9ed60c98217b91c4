"""authorize(): roles, paths, stages, membership and tenancy, with reasons for people."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from allyport.access.actor import Actor, anonymous
from allyport.access.decisions import PermissionDenied, authorize, require


def member(*roles: str, paths: tuple[str, ...] = ("Software",), stage: str = "Registered",
           company_pk: int = 1) -> Actor:  # fmt: skip
    company = SimpleNamespace(pk=company_pk)
    return Actor(kind="user", company=company, roles=frozenset(roles),  # type: ignore[arg-type]
                 paths=frozenset(paths), stage=stage)  # fmt: skip


def test_it_allows_an_action_to_a_role_that_holds_it() -> None:
    assert authorize(member("alliance_lead"), "invite_users")
    assert authorize(member("alliance_team"), "invite_users")


def test_it_refuses_with_the_roles_needed() -> None:
    decision = authorize(member("standard_user"), "invite_users")
    assert not decision
    assert decision.reason == "needs the alliance lead or alliance team role"


def test_it_unites_the_rights_of_several_roles() -> None:
    actor = member("standard_user", "channel_user")
    assert authorize(actor, "access_channel_management")
    assert not authorize(member("standard_user"), "access_channel_management")


def test_it_refuses_anyone_who_is_not_a_member() -> None:
    for actor in (anonymous(), Actor(kind="staff"), Actor(kind="user")):
        decision = authorize(actor, "dismiss_task")
        assert not decision and decision.reason == "sign in as a member of a partner company"


def test_it_allows_everyone_an_action_for_all() -> None:
    assert authorize(member("standard_user"), "request_alliance_lead_change")


def test_it_refuses_an_unknown_action() -> None:
    with pytest.raises(ValueError, match="unknown action"):
        authorize(member("alliance_lead"), "launch_rockets")


def test_it_refuses_a_target_of_another_company() -> None:
    actor = member("alliance_lead", company_pk=1)
    assert authorize(actor, "invite_users", SimpleNamespace(company_id=1))
    decision = authorize(actor, "invite_users", SimpleNamespace(company_id=2))
    assert not decision and decision.reason == "not found"


def test_it_limits_menu_items_by_path() -> None:
    item = "menu:Build/Well-Architected workloads"
    assert authorize(member("technical_staff", paths=("Services",), stage="Confirmed"), item)
    decision = authorize(member("technical_staff", paths=("Hardware",), stage="Confirmed"), item)
    assert not decision and decision.reason == "only for the Software or Services path"


def test_it_limits_menu_items_by_stage() -> None:
    item = "menu:Market/Badge Manager"
    decision = authorize(member("alliance_lead", stage="Confirmed"), item)
    assert not decision and decision.reason == "your company must be Validated or higher"
    assert authorize(member("alliance_lead", stage="Differentiated"), item)


def test_it_shows_a_menu_item_to_holders_of_its_rights() -> None:
    assert authorize(member("cloud_admin"), "menu:My Company/User Management")
    assert not authorize(member("standard_user"), "menu:My Company/User Management")


def test_it_raises_from_require_with_the_reason() -> None:
    require(member("alliance_lead"), "invite_users")
    with pytest.raises(PermissionDenied) as raised:
        require(member("ace_user"), "invite_users")
    assert raised.value.decision.reason == "needs the alliance lead or alliance team role"
