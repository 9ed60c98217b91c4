"""Common and easily guessed passwords are refused wherever a password is set, and the
field says so before anyone hits the rule."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from allyport.accounts.models import User
from allyport.accounts.tests import flows
from allyport.accounts.tests.test_invitations import accept_data, invite
from allyport.accounts.tests.test_passwords import reset_to_form
from allyport.testing import PASSWORD

COMMON = ["Passw0rd!", "Qwerty1!", "Welcome1!", "Summer2024!"]
GUESSABLE = "This password is too easy to guess"


@pytest.mark.parametrize("password", COMMON)
def test_it_refuses_common_passwords_that_meet_the_character_rules(password: str) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_password(password, User(email="ana@anycompany.example"))
    assert any(GUESSABLE in message for message in refused.value.messages)


@pytest.mark.parametrize("password", ["Demo!Pass1", PASSWORD, flows.STRONG])
def test_it_keeps_accepting_the_demo_and_test_passwords(password: str) -> None:
    validate_password(password, User(email="ana@anycompany.example"))


def test_registration_refuses_a_common_password_and_tells_the_rule_first(db: None) -> None:
    client = Client()
    flows.start(client, "company", "ana@anycompany.example")
    flows.verify(client, "company")
    page = client.get("/register/company/details/").content.decode()
    assert "must not be a common or easily guessed password" in page
    assert "not too similar to your name or email address" in page
    response = client.post(
        "/register/company/details/",
        flows.company_details(password1="Welcome1!", password2="Welcome1!"),
    )
    assert GUESSABLE in " ".join(response.context["form"].errors["password1"])
    assert not User.objects.filter(email="ana@anycompany.example").exists()


def test_reset_refuses_a_common_password(lead: User) -> None:
    client = Client()
    form_url = reset_to_form(client, lead.email)["Location"]
    response = client.post(form_url, {"password1": "Passw0rd!", "password2": "Passw0rd!"})
    assert GUESSABLE in " ".join(response.context["form"].errors["password1"])
    assert (
        Client().post("/accounts/login/", {"login": lead.email, "password": PASSWORD}).status_code
        == 302
    )


def test_change_refuses_a_common_password(lead: User, client_for: Callable[[User], Client]) -> None:
    response = client_for(lead).post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "Qwerty1!", "password2": "Qwerty1!"},
    )
    assert GUESSABLE in " ".join(response.context["form"].errors["password1"])


def test_invitation_acceptance_refuses_a_common_password(
    lead: User, client_for: Callable[[User], Client]
) -> None:
    token = invite(client_for(lead), f"ina@{lead.email.split('@')[1]}", ["standard_user"])
    response = Client().post(
        f"/invitations/{token}/", accept_data(password1="Summer2024!", password2="Summer2024!")
    )
    assert GUESSABLE in " ".join(response.context["form"].errors["password1"])
    page = Client().get(f"/invitations/{token}/").content.decode()
    assert "not too similar to your name or email address" in page
