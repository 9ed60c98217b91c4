"""Forgot password by emailed code, and changing the password in My Profile."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core import mail
from django.test import Client
from django.urls import reverse

from allyport.accounts.models import User
from allyport.accounts.tests.flows import last_code
from allyport.testing import PASSWORD

NEW = "N3w!Harbor7"  # "N3w!Password" was itself a guessable password
RESET = "/accounts/password/reset/"
RESET_CONFIRM = "/accounts/password/reset/confirm/"


def can_sign_in(email: str, password: str) -> bool:
    response = Client().post("/accounts/login/", {"login": email, "password": password})
    return response.status_code == 302


def reset_to_form(client: Client, email: str) -> Any:
    """Ask for a reset code and enter it; returns the response leading to the new-password form."""
    response = client.post(RESET, {"email": email})
    assert response.status_code == 302 and response["Location"] == RESET_CONFIRM
    response = client.post(RESET_CONFIRM, {"code": last_code()})
    assert response.status_code == 302, response.context and response.context["verify_form"].errors
    return response


def test_it_resets_a_forgotten_password_with_an_emailed_code(lead: User) -> None:
    assert reverse("account_confirm_password_reset_code") == RESET_CONFIRM
    client = Client()
    response = reset_to_form(client, lead.email)
    assert mail.outbox[0].to == [lead.email]
    form_url = response["Location"]
    response = client.post(form_url, {"password1": NEW, "password2": NEW})
    assert response.status_code == 302
    assert can_sign_in(lead.email, NEW)
    assert not can_sign_in(lead.email, PASSWORD)


def test_it_holds_the_new_password_to_the_policy(lead: User) -> None:
    client = Client()
    form_url = reset_to_form(client, lead.email)["Location"]
    response = client.post(form_url, {"password1": "alllowercase1!", "password2": "alllowercase1!"})
    assert response.status_code == 200
    assert "Include an upper-case letter." in response.context["form"].errors["password1"]
    assert can_sign_in(lead.email, PASSWORD)


def test_it_refuses_a_wrong_reset_code(lead: User) -> None:
    client = Client()
    client.post(RESET, {"email": lead.email})
    wrong = f"{(int(last_code()) + 1) % 1_000_000:06d}"
    response = client.post(RESET_CONFIRM, {"code": wrong})
    assert response.status_code == 200
    assert response.context["verify_form"].errors
    assert can_sign_in(lead.email, PASSWORD)


def test_it_points_an_unknown_address_to_registration(db: None) -> None:
    response = Client().post(RESET, {"email": "nobody@octank.example"})
    assert response.status_code == 302 and response["Location"] == RESET_CONFIRM
    body = mail.outbox[-1].body
    assert mail.outbox[-1].to == ["nobody@octank.example"]
    assert "http://testserver/register/" in body and "/accounts/signup/" not in body
    assert "Hello from Allyport!" in body


def test_it_changes_the_password_with_the_current_one(
    lead: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(lead)
    url = "/accounts/password/change/"
    wrong = client.post(url, {"oldpassword": "Wrong!Pass1", "password1": NEW, "password2": NEW})
    assert wrong.status_code == 200 and "oldpassword" in wrong.context["form"].errors
    weak = client.post(
        url, {"oldpassword": PASSWORD, "password1": "weakpass", "password2": "weakpass"}
    )
    assert "Include a number." in weak.context["form"].errors["password1"]
    assert can_sign_in(lead.email, PASSWORD)
    response = client.post(url, {"oldpassword": PASSWORD, "password1": NEW, "password2": NEW})
    assert response.status_code == 302
    assert can_sign_in(lead.email, NEW) and not can_sign_in(lead.email, PASSWORD)
