"""Inviting colleagues by email with roles; the link registers them once."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from allyport.access.models import RoleAssignment
from allyport.accounts.models import Company, Invitation, User
from allyport.accounts.tests.flows import STRONG
from allyport.testing import make_user

URL = "/company/users/roles/invite/"
LINK_RE = re.compile(r"/invitations/([^/\s]+)/")


def rows(*entries: tuple[str, list[str]], action: str = "invite") -> dict[str, Any]:
    data: dict[str, Any] = {
        "invite-TOTAL_FORMS": str(len(entries)),
        "invite-INITIAL_FORMS": "0",
        "invite-MIN_NUM_FORMS": "1",
        "invite-MAX_NUM_FORMS": "20",
        "action": action,
    }
    for n, (email, roles) in enumerate(entries):
        data[f"invite-{n}-email"] = email
        data[f"invite-{n}-roles"] = roles
    return data


def row_errors(response: Any, n: int, field: str) -> str:
    return " ".join(response.context["formset"].forms[n].errors.get(field, []))


def invite(client: Client, email: str, roles: list[str]) -> str:
    """Invite one person and return the token from the emailed link."""
    response = client.post(URL, rows((email, roles)))
    assert response.status_code == 302, response.context and response.context["formset"].errors
    found = LINK_RE.search(mail.outbox[-1].body)
    assert found, mail.outbox[-1].body
    return found.group(1)


def accept_data(**overrides: str) -> dict[str, str]:
    data = {"first_name": "Ina", "last_name": "Vite", "job_title": "Dev", "phone": "1",
            "password1": STRONG, "password2": STRONG}  # fmt: skip
    data.update(overrides)
    return data


Build = Callable[[User], Client]


def test_it_refuses_a_standard_user(member: User, client_for: Build) -> None:
    client = client_for(member)
    assert client.get(URL).status_code == 403
    assert client.post(URL, rows(("x@octank.example", ["ace_user"]))).status_code == 403
    assert not Invitation.objects.exists() and mail.outbox == []


def test_it_requires_sign_in(db: None) -> None:
    response = Client().get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", ["alliance_lead", "alliance_team"])
def test_it_lets_lead_and_team_invite(company: Company, role: str, client_for: Build) -> None:
    inviter = make_user(company, role) if role != "alliance_lead" else company.users.get()
    client = client_for(inviter)
    assert client.get(URL).status_code == 200
    invite(client, "new@octank.example", ["ace_user", "technical_staff"])
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.roles) == (
        "new@octank.example",
        ["ace_user", "technical_staff"],
    )
    assert invitation.invited_by == inviter
    assert mail.outbox[-1].to == ["new@octank.example"]


def test_it_adds_a_row_without_sending(lead: User, client_for: Build) -> None:
    response = client_for(lead).post(URL, rows(("a@octank.example", ["ace_user"]), action="add"))
    assert response.status_code == 200
    assert len(response.context["formset"].forms) == 2
    assert not Invitation.objects.exists() and mail.outbox == []


def test_it_flags_a_bad_row_and_sends_nothing(lead: User, client_for: Build) -> None:
    response = client_for(lead).post(
        URL, rows(("good@octank.example", ["ace_user"]), ("not-an-email", ["ace_user"]))
    )
    assert response.status_code == 200
    assert row_errors(response, 1, "email")
    assert not row_errors(response, 0, "email")
    assert not Invitation.objects.exists() and mail.outbox == []


def test_it_refuses_addresses_outside_the_company_domains(lead: User, client_for: Build) -> None:
    response = client_for(lead).post(
        URL, rows(("ok@octank.example", ["ace_user"]), ("x@elsewhere.example", ["ace_user"]))
    )
    assert "octank.example" in row_errors(response, 1, "email")
    assert not Invitation.objects.exists() and mail.outbox == []


def test_it_refuses_registered_and_repeated_addresses(lead: User, client_for: Build) -> None:
    response = client_for(lead).post(
        URL,
        rows(("lead@octank.example", ["ace_user"]), ("d@octank.example", ["ace_user"]),
             ("D@octank.example", ["ace_user"])),
    )  # fmt: skip
    assert "already registered" in row_errors(response, 0, "email")
    assert "another row" in row_errors(response, 2, "email")
    assert not Invitation.objects.exists() and mail.outbox == []


def test_it_refuses_roles_the_inviter_cannot_grant(company: Company, client_for: Build) -> None:
    team = client_for(make_user(company, "alliance_team"))
    response = team.post(URL, rows(("x@octank.example", ["cloud_admin"])))
    assert row_errors(response, 0, "roles")
    lead = client_for(company.users.get(email="lead@octank.example"))
    response = lead.post(URL, rows(("y@octank.example", ["alliance_lead"])))
    assert row_errors(response, 0, "roles")
    response = lead.post(URL, rows(("z@octank.example", [])))
    assert row_errors(response, 0, "roles")
    assert not Invitation.objects.exists() and mail.outbox == []


def test_it_lets_the_lead_grant_cloud_admin(lead: User, client_for: Build) -> None:
    invite(client_for(lead), "admin@octank.example", ["cloud_admin"])
    assert Invitation.objects.get().roles == ["cloud_admin"]


def test_it_refuses_ungrantable_roles_in_the_service(company: Company) -> None:
    from allyport.access import actor as actors
    from allyport.accounts.services.invitations import InviteRow, row_problems

    team = actors.for_user(make_user(company, "alliance_team"))
    assert "roles" in row_problems(team, InviteRow("a@octank.example", ["cloud_admin"]))
    assert "roles" in row_problems(team, InviteRow("a@octank.example", ["alliance_lead"]))
    assert row_problems(team, InviteRow("a@octank.example", ["ace_user"])) == {}


def test_it_registers_the_invited_person_with_the_roles(lead: User, client_for: Build) -> None:
    token = invite(client_for(lead), "ina@octank.example", ["ace_manager", "ace_user"])
    visitor = Client()
    page = visitor.get(f"/invitations/{token}/")
    assert page.status_code == 200 and "ina@octank.example" in page.content.decode()
    response = visitor.post(f"/invitations/{token}/", accept_data())
    assert response.status_code == 302 and response["Location"] == "/"
    user = User.objects.get(email="ina@octank.example")
    assert user.company == lead.company and user.first_name == "Ina"
    roles = set(RoleAssignment.objects.filter(user=user).values_list("role", flat=True))
    assert roles == {"ace_manager", "ace_user"}
    assert visitor.get("/").wsgi_request.user == user
    assert Invitation.objects.get().accepted_by == user


def test_it_accepts_a_link_once(lead: User, client_for: Build) -> None:
    token = invite(client_for(lead), "once@octank.example", ["ace_user"])
    assert Client().post(f"/invitations/{token}/", accept_data()).status_code == 302
    again = Client().post(f"/invitations/{token}/", accept_data(password1="X"))
    assert again.status_code == 410
    assert "already been used" in again.content.decode()
    assert Client().get(f"/invitations/{token}/").status_code == 410
    assert User.objects.filter(email="once@octank.example").count() == 1


def test_it_refuses_an_expired_invitation(lead: User, client_for: Build) -> None:
    token = invite(client_for(lead), "late@octank.example", ["ace_user"])
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = Client().post(f"/invitations/{token}/", accept_data())
    assert response.status_code == 410 and "expired" in response.content.decode()
    assert not User.objects.filter(email="late@octank.example").exists()


def test_it_refuses_a_token_older_than_the_invitation_days(
    lead: User, client_for: Build, settings: Any
) -> None:
    token = invite(client_for(lead), "old@octank.example", ["ace_user"])
    Invitation.objects.update(expires_at=timezone.now() + timedelta(days=365))
    later = timezone.now().timestamp() + (settings.ALLYPORT_INVITATION_DAYS + 1) * 86400
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = Client().get(f"/invitations/{token}/")
    assert response.status_code == 410 and "expired" in response.content.decode()


def test_it_refuses_a_tampered_token(lead: User, client_for: Build) -> None:
    token = invite(client_for(lead), "t@octank.example", ["ace_user"])
    tampered = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    response = Client().post(f"/invitations/{tampered}/", accept_data())
    assert response.status_code == 410 and "not valid" in response.content.decode()
    assert Client().get("/invitations/garbage/").status_code == 410
    assert not User.objects.filter(email="t@octank.example").exists()


def test_it_withdraws_an_earlier_invitation_to_the_same_address(
    lead: User, client_for: Build
) -> None:
    client = client_for(lead)
    first = invite(client, "twice@octank.example", ["ace_user"])
    invite(client, "twice@octank.example", ["technical_staff"])
    assert Client().get(f"/invitations/{first}/").status_code == 410


def test_it_creates_nothing_when_acceptance_input_is_bad(lead: User, client_for: Build) -> None:
    token = invite(client_for(lead), "bad@octank.example", ["ace_user"])
    visitor = Client()
    weak = visitor.post(f"/invitations/{token}/", accept_data(password1="weak", password2="weak"))
    assert weak.status_code == 200
    assert "Use at least 8 characters." in weak.context["form"].errors["password1"]
    missing = visitor.post(
        f"/invitations/{token}/", accept_data(first_name="", password2="Nope!123")
    )
    assert {"first_name", "password2"} <= set(missing.context["form"].errors)
    assert not User.objects.filter(email="bad@octank.example").exists()
    assert Invitation.objects.get().accepted_at is None
    assert visitor.post(f"/invitations/{token}/", accept_data()).status_code == 302
