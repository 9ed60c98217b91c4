"""Manage roles never offers removing the alliance lead role (it moves by reassignment),
and a role the page does not offer, posted by editing the page, is refused aloud."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from allyport.access.models import RoleAssignment
from allyport.accounts.models import Company, User
from allyport.audit.models import AuditEvent
from allyport.testing import make_user

URL = "users:manage_roles"
LEAD_REFUSAL = "The alliance lead role is not added or removed here"


def _roles(user: User) -> set[str]:
    return set(RoleAssignment.objects.filter(user=user).values_list("role", flat=True))


def _post(client: Client, users: list[User], action: str, **extra: object):  # type: ignore[no-untyped-def]
    data: dict[str, object] = {"users": [u.public_id for u in users], "action": action}
    data.update(extra)
    return client.post(reverse(URL), data)


def test_it_offers_no_x_for_the_alliance_lead_role_and_links_reassign(
    company: Company, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    body = _post(client_for(lead), [lead], "start").content.decode()
    assert f"Remove role Alliance lead from {lead.email}" not in body
    assert "(changes by reassignment)" in body
    assert f'<a href="{reverse("users:reassign_lead")}">Reassign</a>' in body


def test_only_those_who_may_reassign_see_the_reassign_link(
    company: Company, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    admin = make_user(company, "cloud_admin")
    body = _post(client_for(admin), [lead], "start").content.decode()
    assert "(changes by reassignment)" in body
    assert reverse("users:reassign_lead") not in body


def test_a_forged_removal_of_the_lead_role_is_refused_with_a_message(
    company: Company, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    client = client_for(lead)
    x = _post(client, [lead], f"x:{lead.public_id}:alliance_lead")
    assert LEAD_REFUSAL in x.content.decode()
    assert "(to be removed)" not in x.content.decode()
    update = _post(client, [lead], "update", **{f"remove:{lead.public_id}": "alliance_lead"})
    assert LEAD_REFUSAL in update.content.decode()
    assert "alliance_lead" in _roles(lead)


@pytest.mark.parametrize(
    ("role", "message"),
    [
        ("alliance_lead", LEAD_REFUSAL),
        ("cloud_admin", "You cannot give the role Cloud admin."),
        ("root", "There is no role named root; nothing was changed for it."),
    ],
)
def test_a_role_the_page_does_not_offer_is_refused_with_a_message(
    company: Company, client_for, role: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    admin = make_user(company, "cloud_admin")
    a = make_user(company, "standard_user")
    client = client_for(admin)
    by_select = _post(client, [a], "update", **{f"role:{a.public_id}": role})
    assert message in by_select.content.decode()
    by_hidden_field = _post(client, [a], "update", **{f"add:{a.public_id}": role})
    assert message in by_hidden_field.content.decode()
    assert _roles(a) == {"standard_user"}
    assert not AuditEvent.objects.filter(event_name="AssignPartnerRole").exists()


def test_a_forged_role_beside_real_changes_is_refused_and_the_rest_waits(
    company: Company, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    a = make_user(company, "standard_user")
    response = _post(
        client_for(lead), [a], "add:" + a.public_id,
        **{f"role:{a.public_id}": "ace_user", f"add:{a.public_id}": "root"},
    )  # fmt: skip
    body = response.content.decode()
    assert "There is no role named root" in body
    assert [key for key, _name in response.context["rows"][0].adding] == ["ace_user"]


def test_a_limit_of_one_user_is_singular() -> None:
    from allyport.accounts.services.roles import _limit_message

    assert _limit_message("alliance_lead", 1) == "Alliance lead is limited to 1 user per company"
    assert _limit_message("ace_manager", 20).endswith("limited to 20 users per company")
