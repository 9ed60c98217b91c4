"""The trio for every User Management endpoint: sign-in required, another company's
id answers 404 like a missing one, a member whose role lacks the right gets 403 with
the reason from authorize."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from allyport.access import actor as actors
from allyport.accounts.models import Company, Invitation, User
from allyport.accounts.services.invitations import InviteRow, invite_users
from allyport.testing import make_user


@dataclass(frozen=True)
class Endpoint:
    name: str
    method: str
    target: str = ""  # "user" or "invitation": the URL names one
    data: tuple[tuple[str, str], ...] = ()


ENDPOINTS = [
    Endpoint("users:list", "get"),
    Endpoint("users:access_review", "get"),
    Endpoint("users:manage_roles", "get"),
    Endpoint("users:manage_roles", "post", data=(("action", "start"),)),
    Endpoint("users:reassign_lead", "get"),
    Endpoint("users:reassign_lead", "post", data=(("confirm", "confirm"),)),
    Endpoint("users:security", "get"),
    Endpoint("users:security", "post", data=(("mfa", "on"),)),
    Endpoint("users:roles", "get"),
    Endpoint("users:invite", "get"),
    Endpoint("users:invite", "post"),
    Endpoint("users:revoke_invitation", "post", target="invitation"),
    Endpoint("users:remove", "get", target="user"),
    Endpoint("users:remove", "post", target="user", data=(("confirm", "confirm"),)),
    Endpoint("users:deactivate", "post", target="user"),
    Endpoint("users:reactivate", "post", target="user"),
]
IDS = [f"{e.method.upper()} {e.name}" for e in ENDPOINTS]
WITH_TARGET = [e for e in ENDPOINTS if e.target]

# Roles that see User Management but lack the endpoint's action right.
MISSING_RIGHT = {
    ("users:invite", "get"): "cloud_admin",
    ("users:invite", "post"): "cloud_admin",
    ("users:revoke_invitation", "post"): "cloud_admin",
    ("users:reassign_lead", "get"): "alliance_team",
    ("users:reassign_lead", "post"): "alliance_team",
    ("users:reactivate", "post"): "alliance_team",
    ("users:security", "post"): "alliance_team",
}


def _invitation(company: Company, lead: User, email: str) -> Invitation:
    return invite_users(actors.for_user(lead), [InviteRow(email, ["ace_user"])])[0]


def _call(client: Client, endpoint: Endpoint, user: User, invitation: Invitation):  # type: ignore[no-untyped-def]
    args = []
    if endpoint.target == "user":
        args = [user.public_id]
    elif endpoint.target == "invitation":
        args = [invitation.public_id]
    url = reverse(endpoint.name, args=args)
    data = dict(endpoint.data)
    if endpoint.name == "users:manage_roles" and endpoint.method == "post":
        data["users"] = user.public_id
    return (
        getattr(client, endpoint.method)(url, data)
        if data
        else getattr(client, endpoint.method)(url)
    )


@pytest.fixture
def target(company: Company) -> User:
    return make_user(company, "ace_user", email="target@octank.example")


@pytest.fixture
def invitation(company: Company, lead: User) -> Invitation:
    return _invitation(company, lead, "invitee@octank.example")


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=IDS)
def test_it_requires_sign_in(endpoint: Endpoint, target: User, invitation: Invitation) -> None:
    response = _call(Client(), endpoint, target, invitation)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(
    "endpoint", WITH_TARGET, ids=[f"{e.method.upper()} {e.name}" for e in WITH_TARGET]
)
def test_it_answers_404_for_another_companys_id(
    endpoint: Endpoint, lead: User, outsider: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    stranger = make_user(outsider.company, "standard_user")
    foreign_invitation = _invitation(outsider.company, outsider, "x@northwind.example")
    response = _call(client_for(lead), endpoint, stranger, foreign_invitation)
    assert response.status_code == 404
    stranger.refresh_from_db()
    foreign_invitation.refresh_from_db()
    assert stranger.status == User.Status.ACTIVE
    assert foreign_invitation.revoked_at is None


def test_it_answers_404_for_another_companys_id_in_manage_roles(
    lead: User, outsider: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    stranger = make_user(outsider.company, "standard_user")
    response = client_for(lead).post(
        reverse("users:manage_roles"),
        {"users": stranger.public_id, f"role:{stranger.public_id}": "ace_user", "action": "update"},
    )
    assert response.status_code == 404
    assert not stranger.role_assignments.filter(role="ace_user").exists()


@pytest.mark.parametrize("role", ["standard_user", "ace_user"])
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=IDS)
def test_it_forbids_a_role_without_user_management(
    endpoint: Endpoint,
    role: str,
    company: Company,
    target: User,
    invitation: Invitation,
    client_for,
) -> None:  # type: ignore[no-untyped-def]
    someone = make_user(company, role)
    response = _call(client_for(someone), endpoint, target, invitation)
    assert response.status_code == 403
    assert b"needs the alliance lead, alliance team or cloud admin role" in response.content


@pytest.mark.parametrize(
    "key, role",
    sorted(MISSING_RIGHT.items()),
    ids=[f"{k[1]} {k[0]}" for k in sorted(MISSING_RIGHT)],
)
def test_it_forbids_a_role_lacking_the_action_right(
    key: tuple[str, str],
    role: str,
    company: Company,
    target: User,
    invitation: Invitation,
    client_for,
) -> None:  # type: ignore[no-untyped-def]
    endpoint = next(e for e in ENDPOINTS if (e.name, e.method) == key)
    someone = make_user(company, role)
    response = _call(client_for(someone), endpoint, target, invitation)
    assert response.status_code == 403
    assert b"needs the" in response.content
    company.refresh_from_db()
    invitation.refresh_from_db()
    assert not company.mfa_enabled
    assert invitation.revoked_at is None


def test_it_shows_an_outsider_none_of_the_companys_users(
    outsider: User, target: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    client = client_for(outsider)
    assert target.email not in client.get(reverse("users:list")).content.decode()
    csv_body = b"".join(client.get(reverse("users:access_review")).streaming_content).decode()
    assert target.email not in csv_body
    assert outsider.email in csv_body
