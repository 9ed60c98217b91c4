"""Manage roles: the group of users, Role(s), X, Manage another user, Remove, Update."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from allyport.access.models import RoleAssignment
from allyport.accounts.models import Company, User
from allyport.audit.models import AuditEvent
from allyport.testing import make_user

URL = "users:manage_roles"


def _roles(user: User) -> set[str]:
    return set(RoleAssignment.objects.filter(user=user).values_list("role", flat=True))


def _post(client: Client, users: list[User], action: str, **extra: object):  # type: ignore[no-untyped-def]
    data: dict[str, object] = {"users": [u.public_id for u in users], "action": action}
    data.update(extra)
    return client.post(reverse(URL), data)


def test_it_starts_with_the_users_selected_on_the_users_tab(
    company: Company, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    a = make_user(company, "ace_user", email="a@octank.example")
    b = make_user(company, "technical_staff", email="b@octank.example")
    response = _post(client_for(lead), [a, b], "start")
    assert [row.user for row in response.context["rows"]] == [a, b]
    body = response.content.decode()
    assert "Remove role ACE user from a@octank.example" in body
    assert f'name="role:{a.public_id}"' in body


def test_it_refuses_more_than_10_users(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    users = [make_user(company, "ace_user") for _ in range(11)]
    client = client_for(lead)
    response = _post(client, users, "start")
    assert response.status_code == 302
    assert "Select at most 10 users." in client.get(response["Location"]).content.decode()


def test_it_offers_only_roles_the_actor_may_grant(company: Company, client_for) -> None:  # type: ignore[no-untyped-def]
    admin = make_user(company, "cloud_admin")
    a = make_user(company, "standard_user")
    row = _post(client_for(admin), [a], "start").context["rows"][0]
    assert {key for key, _name in row.choices} == {
        "ace_manager", "ace_user", "marketing_staff", "technical_staff",
    }  # fmt: skip


def test_it_keeps_pending_changes_between_buttons_and_applies_them_on_update(
    company: Company, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    a = make_user(company, "ace_user", "technical_staff", email="a@octank.example")
    b = make_user(company, "standard_user", email="b@octank.example")
    client = client_for(lead)
    step = _post(client, [a, b], f"add:{a.public_id}", **{f"role:{a.public_id}": "ace_manager"})
    row_a = step.context["rows"][0]
    assert row_a.adding == [("ace_manager", "ACE manager")]
    assert _roles(a) == {"ace_user", "technical_staff"}  # nothing applied yet
    step = _post(
        client, [a, b], f"x:{a.public_id}:ace_user",
        **{f"add:{a.public_id}": "ace_manager", f"role:{b.public_id}": "marketing_staff"},
    )  # fmt: skip
    body = step.content.decode()
    assert f'name="remove:{a.public_id}" value="ace_user"' in body
    assert f'name="add:{b.public_id}" value="marketing_staff"' in body
    result = _post(
        client, [a, b], "update",
        **{f"add:{a.public_id}": "ace_manager", f"remove:{a.public_id}": "ace_user",
           f"add:{b.public_id}": "marketing_staff"},
    )  # fmt: skip
    assert "3 succeeded, 0 failed" in result.content.decode()
    assert _roles(a) == {"ace_manager", "technical_staff"}
    assert _roles(b) == {"standard_user", "marketing_staff"}
    assert AuditEvent.objects.filter(event_name="AssignPartnerRole").count() == 2
    assert AuditEvent.objects.filter(event_name="UnassignPartnerRole").count() == 1


def test_it_cancels_a_pending_addition_with_its_x(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    a = make_user(company, "ace_user")
    step = _post(
        client_for(lead),
        [a],
        f"x:{a.public_id}:ace_manager",
        **{f"add:{a.public_id}": "ace_manager"},
    )
    assert step.context["rows"][0].adding == []


def test_it_adds_another_user_and_removes_a_row_without_changing_it(
    company: Company, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    a = make_user(company, "ace_user")
    b = make_user(company, "ace_user")
    client = client_for(lead)
    step = _post(client, [a], "another", another=b.public_id)
    assert [row.user for row in step.context["rows"]] == [a, b]
    step = _post(client, [a, b], f"drop:{a.public_id}", **{f"add:{a.public_id}": "ace_manager"})
    assert [row.user for row in step.context["rows"]] == [b]
    assert f'name="add:{a.public_id}"' not in step.content.decode()
    assert _roles(a) == {"ace_user"}


def test_it_refuses_an_eleventh_user(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    users = [make_user(company, "ace_user") for _ in range(10)]
    extra = make_user(company, "ace_user")
    step = _post(client_for(lead), users, "another", another=extra.public_id)
    assert len(step.context["rows"]) == 10
    assert "Select at most 10 users." in step.content.decode()


def test_it_reports_each_failure_with_its_reason(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    for _ in range(19):
        make_user(company, "ace_manager")
    a, b = make_user(company, "ace_user"), make_user(company, "ace_user")
    result = _post(
        client_for(lead), [a, b], "update",
        **{f"role:{a.public_id}": "ace_manager", f"role:{b.public_id}": "ace_manager"},
    )  # fmt: skip
    body = result.content.decode()
    assert "1 succeeded, 1 failed" in body
    assert "ACE manager is limited to 20 users per company" in body
    assert RoleAssignment.objects.filter(company=company, role="ace_manager").count() == 20


def test_it_asks_for_a_change_before_update(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    a = make_user(company, "ace_user")
    step = _post(client_for(lead), [a], "update")
    assert "Choose a role to add or remove first." in step.content.decode()
    assert not AuditEvent.objects.filter(event_name="AssignPartnerRole").exists()


def test_it_links_manage_roles_from_the_users_tab(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    body = client_for(lead).get(reverse("users:list")).content.decode()
    assert f'action="{reverse(URL)}"' in body
    assert 'form="manage-roles"' in body
