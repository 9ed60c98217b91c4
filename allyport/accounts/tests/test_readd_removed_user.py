"""Re-adding a removed user means a new invitation; self-registration stays refused."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from allyport.access.actor import for_user
from allyport.accounts.models import User
from allyport.accounts.services.members import remove_user
from allyport.testing import make_user

NEW_PASSWORD = "Back!Again2"


@pytest.fixture
def removed(lead) -> User:
    user = make_user(lead.company, "ace_user", email="gone@octank.example")
    remove_user(for_user(lead), user.public_id, "confirm")
    return User.objects.get(pk=user.pk)


def _invite(client, email: str, role: str) -> str:
    response = client.post(
        "/company/users/roles/invite/",
        {
            "invite-TOTAL_FORMS": "1",
            "invite-INITIAL_FORMS": "0",
            "invite-MIN_NUM_FORMS": "1",
            "invite-MAX_NUM_FORMS": "20",
            "invite-0-email": email,
            "invite-0-roles": [role],
            "action": "invite",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return re.search(r"/invitations/[^/\s]+/", mail.outbox[-1].body).group(0)


def test_it_brings_a_removed_user_back_through_a_new_invitation(client_for, lead, removed, client):
    link = _invite(client_for(lead), removed.email, "ace_manager")
    response = client.post(
        link,
        {"first_name": "Gone", "last_name": "Again", "job_title": "Seller", "phone": "1",
         "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )  # fmt: skip
    assert response.status_code == 302
    back = User.objects.get(pk=removed.pk)
    assert back.status == User.Status.ACTIVE and back.is_active
    assert back.public_id == removed.public_id
    assert set(back.role_assignments.values_list("role", flat=True)) == {"ace_manager"}
    assert client.login(email=removed.email, password=NEW_PASSWORD)


def test_it_refuses_self_registration_of_a_removed_user(client, removed):
    response = client.post(
        "/register/user/", {"first_name": "A", "last_name": "B", "email": removed.email}
    )
    assert response.status_code == 302  # the page says what it says for any address
    assert mail.outbox[-1].to == [removed.email]
    assert "ask your alliance lead for a new invitation" in mail.outbox[-1].body
    response = client.post("/register/user/verify/", {"code": "123456"})
    assert "That code is not right" in response.content.decode()
    assert User.objects.get(pk=removed.pk).status == User.Status.REMOVED
