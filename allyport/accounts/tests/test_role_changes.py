"""apply_role_changes and reassign_alliance_lead: grant rules, limits, audit records."""

from __future__ import annotations

import pytest

from allyport.access import actor as actors
from allyport.access.decisions import PermissionDenied
from allyport.access.models import RoleAssignment
from allyport.accounts.models import User
from allyport.accounts.services.roles import RoleChange, apply_role_changes, reassign_alliance_lead
from allyport.audit.models import AuditEvent
from allyport.core.errors import ChangeRefused
from allyport.testing import make_user

pytestmark = pytest.mark.django_db


def roles_of(user: User) -> set[str]:
    return set(RoleAssignment.objects.filter(user=user).values_list("role", flat=True))


def add(user: User, *roles: str) -> RoleChange:
    return RoleChange(user.public_id, add=roles)


def remove(user: User, *roles: str) -> RoleChange:
    return RoleChange(user.public_id, remove=roles)


def test_it_lets_the_lead_grant_cloud_admin(company, lead, member) -> None:  # type: ignore[no-untyped-def]
    [result] = apply_role_changes(actors.for_user(lead), [add(member, "cloud_admin")])
    assert result.ok and result.email == member.email and result.op == "add"
    assert roles_of(member) == {"standard_user", "cloud_admin"}
    event = AuditEvent.objects.get(event_name="AssignPartnerRole")
    assert event.record["requestParameters"]["role"] == "cloud_admin"
    assert event.company == company


def test_it_refuses_cloud_admin_from_the_alliance_team(company, member) -> None:  # type: ignore[no-untyped-def]
    team = make_user(company, "alliance_team")
    [result] = apply_role_changes(actors.for_user(team), [add(member, "cloud_admin")])
    assert not result.ok and "cloud admin" in result.reason
    assert roles_of(member) == {"standard_user"}
    (refused,) = AuditEvent.objects.filter(event_name="AssignPartnerRole")
    assert (
        refused.error_code == "ValidationException"
        and "cloud admin" in refused.record["errorMessage"]
    )


@pytest.mark.parametrize(
    ("role", "ok"),
    [("ace_manager", True), ("ace_user", True), ("marketing_staff", True),
     ("technical_staff", True), ("alliance_team", False), ("channel_user", False),
     ("standard_user", False), ("cloud_admin", False)],
)  # fmt: skip
def test_it_lets_a_cloud_admin_grant_only_its_roles(company, role, ok) -> None:  # type: ignore[no-untyped-def]
    admin = make_user(company, "cloud_admin")
    target = make_user(company, "ace_user" if role != "ace_user" else "ace_manager")
    [result] = apply_role_changes(actors.for_user(admin), [add(target, role)])
    assert result.ok == ok
    assert (role in roles_of(target)) == ok


def test_it_lets_a_cloud_admin_move_cloud_admin(company, member) -> None:  # type: ignore[no-untyped-def]
    admin = make_user(company, "cloud_admin")
    other = make_user(company, "cloud_admin", "ace_user")
    changes = [remove(other, "cloud_admin"), add(member, "cloud_admin")]
    results = apply_role_changes(actors.for_user(admin), changes)
    assert [r.ok for r in results] == [True, True]
    assert roles_of(other) == {"ace_user"}
    assert "cloud_admin" in roles_of(member)


def test_it_refuses_a_cloud_admin_a_move_without_a_removal(company, member) -> None:  # type: ignore[no-untyped-def]
    admin = make_user(company, "cloud_admin")
    other = make_user(company, "ace_user")
    changes = [remove(other, "cloud_admin"), add(member, "cloud_admin")]  # other lacks it
    results = apply_role_changes(actors.for_user(admin), changes)
    assert [r.ok for r in results] == [False, False]
    assert "cloud_admin" not in roles_of(member)


@pytest.mark.parametrize("maker", ["alliance_lead", "alliance_team", "cloud_admin"])
def test_it_never_grants_or_removes_alliance_lead(company, lead, member, maker) -> None:  # type: ignore[no-untyped-def]
    actor = actors.for_user(lead if maker == "alliance_lead" else make_user(company, maker))
    results = apply_role_changes(
        actor, [add(member, "alliance_lead"), remove(lead, "alliance_lead")]
    )
    assert [r.ok for r in results] == [False, False]
    assert all("reassignment" in r.reason for r in results)
    assert RoleAssignment.objects.get(company=company, role="alliance_lead").user == lead


def test_it_refuses_without_the_assign_roles_right(company, member) -> None:  # type: ignore[no-untyped-def]
    ace = make_user(company, "ace_manager")
    with pytest.raises(PermissionDenied):
        apply_role_changes(actors.for_user(ace), [add(member, "ace_user")])
    assert roles_of(member) == {"standard_user"}


def test_it_refuses_more_than_ten_users(company, lead) -> None:  # type: ignore[no-untyped-def]
    users = [make_user(company) for _ in range(11)]
    with pytest.raises(ChangeRefused) as refused:
        apply_role_changes(actors.for_user(lead), [add(u, "ace_user") for u in users])
    assert refused.value.field == "users"
    assert not RoleAssignment.objects.filter(role="ace_user").exists()


@pytest.mark.parametrize(("role", "name"), [("alliance_team", "Alliance team"),
                                            ("ace_manager", "ACE manager")])  # fmt: skip
def test_it_keeps_the_limit_of_20_and_applies_the_other_changes(company, lead, role, name) -> None:  # type: ignore[no-untyped-def]
    for _ in range(19):
        make_user(company, role)
    users = [make_user(company) for _ in range(3)]
    changes = [add(users[0], role), add(users[1], role, "ace_user"), add(users[2], "channel_user")]
    results = apply_role_changes(actors.for_user(lead), changes)
    assert [(r.role, r.ok) for r in results] == [
        (role, True), (role, False), ("ace_user", True), ("channel_user", True)
    ]  # fmt: skip
    assert results[1].reason == f"{name} is limited to 20 users per company"
    assert RoleAssignment.objects.filter(company=company, role=role).count() == 20
    assert roles_of(users[1]) == {"standard_user", "ace_user"}
    assert AuditEvent.objects.filter(event_name="AssignPartnerRole", error_code="").count() == 3
    refused = AuditEvent.objects.get(
        event_name="AssignPartnerRole", error_code="ValidationException"
    )
    assert refused.record["errorMessage"] == f"{name} is limited to 20 users per company"


def test_it_leaves_standard_user_when_the_last_role_goes(company, lead) -> None:  # type: ignore[no-untyped-def]
    user = make_user(company, "ace_user")
    [result] = apply_role_changes(actors.for_user(lead), [remove(user, "ace_user")])
    assert result.ok and result.op == "remove"
    assert roles_of(user) == {"standard_user"}
    names = set(AuditEvent.objects.values_list("event_name", flat=True))
    assert {"UnassignPartnerRole", "AssignPartnerRole"} <= names


def test_it_replaces_a_role_in_one_change(company, lead) -> None:  # type: ignore[no-untyped-def]
    user = make_user(company, "ace_user")
    change = RoleChange(user.public_id, add=("ace_manager",), remove=("ace_user",))
    results = apply_role_changes(actors.for_user(lead), [change])
    assert [r.ok for r in results] == [True, True]
    assert roles_of(user) == {"ace_manager"}


def test_it_reports_another_companys_user_as_not_found(company, lead, outsider) -> None:  # type: ignore[no-untyped-def]
    [result] = apply_role_changes(actors.for_user(lead), [add(outsider, "ace_user")])
    assert (result.ok, result.reason, result.email) == (False, "not found", "")
    assert roles_of(outsider) == {"alliance_lead"}


def test_it_reports_a_removed_user_as_not_found(company, lead, member) -> None:  # type: ignore[no-untyped-def]
    User.objects.filter(pk=member.pk).update(status=User.Status.REMOVED, is_active=False)
    [result] = apply_role_changes(actors.for_user(lead), [add(member, "ace_user")])
    assert result.reason == "not found"


def test_it_refuses_a_role_already_held_or_not_held(company, lead, member) -> None:  # type: ignore[no-untyped-def]
    results = apply_role_changes(
        actors.for_user(lead), [add(member, "standard_user"), remove(member, "ace_user")]
    )
    assert [r.ok for r in results] == [False, False]
    assert "already" in results[0].reason and "does not have" in results[1].reason


def test_it_reassigns_the_alliance_lead(company, lead, member) -> None:  # type: ignore[no-untyped-def]
    reassign_alliance_lead(actors.for_user(lead), member.public_id, "confirm")
    leads = RoleAssignment.objects.filter(company=company, role="alliance_lead")
    assert [a.user for a in leads] == [member]
    assert roles_of(lead) == {"alliance_team"}
    event = AuditEvent.objects.get(event_name="ReassignAllianceLead")
    assert event.record["requestParameters"]["newLeadId"] == member.public_id


def test_it_makes_the_old_lead_standard_user_when_the_team_is_full(company, lead, member) -> None:  # type: ignore[no-untyped-def]
    for _ in range(20):
        make_user(company, "alliance_team")
    reassign_alliance_lead(actors.for_user(lead), member.public_id, "confirm")
    assert roles_of(lead) == {"standard_user"}


def test_it_requires_confirm_to_reassign(company, lead, member) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ChangeRefused) as refused:
        reassign_alliance_lead(actors.for_user(lead), member.public_id, "yes")
    assert refused.value.field == "confirm"
    assert roles_of(lead) == {"alliance_lead"}


def test_it_lets_only_the_lead_reassign(company, lead, member) -> None:  # type: ignore[no-untyped-def]
    team = make_user(company, "alliance_team", "cloud_admin")
    with pytest.raises(PermissionDenied):
        reassign_alliance_lead(actors.for_user(team), member.public_id, "confirm")
    assert roles_of(lead) == {"alliance_lead"}


def test_it_refuses_a_former_lead_with_a_stale_actor(company, lead, member) -> None:  # type: ignore[no-untyped-def]
    stale = actors.for_user(lead)
    reassign_alliance_lead(stale, member.public_id, "confirm")
    with pytest.raises(PermissionDenied):
        reassign_alliance_lead(stale, lead.public_id, "confirm")
    assert RoleAssignment.objects.get(company=company, role="alliance_lead").user == member


@pytest.mark.parametrize("state", ["other_company", "deactivated", "removed", "self"])
def test_it_refuses_an_unfit_new_lead(company, lead, member, outsider, state) -> None:  # type: ignore[no-untyped-def]
    target = {"other_company": outsider, "self": lead}.get(state, member)
    if state in ("deactivated", "removed"):
        User.objects.filter(pk=member.pk).update(status=state, is_active=False)
    with pytest.raises(ChangeRefused) as refused:
        reassign_alliance_lead(actors.for_user(lead), target.public_id, "confirm")
    assert refused.value.field == "new_lead"
    assert RoleAssignment.objects.get(company=company, role="alliance_lead").user == lead
    assert roles_of(outsider) == {"alliance_lead"}
