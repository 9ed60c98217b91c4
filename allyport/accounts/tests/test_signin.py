"""Sign-in with allauth: password, per-company MFA code, lockout, sign-out."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from allyport.accounts.models import LockoutContact, User
from allyport.accounts.tests.flows import last_code
from allyport.audit.models import AuditEvent
from allyport.testing import PASSWORD, make_company

LOGIN = "/accounts/login/"
CONFIRM = "/accounts/login/code/confirm/"
LOCKED = "Sign-in is locked for a while"


def sign_in(client: Client, email: str, password: str = PASSWORD) -> Any:
    return client.post(LOGIN, {"login": email, "password": password})


def signed_in_user(client: Client) -> Any:
    return client.get("/").wsgi_request.user


def other_code(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_it_signs_in_with_the_right_password(lead: User) -> None:
    client = Client()
    response = sign_in(client, "LEAD@octank.example")
    assert response.status_code == 302 and response["Location"] == "/"
    assert signed_in_user(client) == lead
    assert mail.outbox == []  # no MFA: no code


def test_it_refuses_a_wrong_password(lead: User) -> None:
    client = Client()
    response = sign_in(client, lead.email, "Wrong!Pass1")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not signed_in_user(client).is_authenticated


def test_it_confirms_sign_in_with_an_emailed_code_when_mfa_is_on(db: None) -> None:
    _, lead = make_company(mfa=True)
    client = Client()
    response = sign_in(client, lead.email)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_confirm_login_code") == CONFIRM
    assert not signed_in_user(client).is_authenticated
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [lead.email]
    response = client.post(CONFIRM, {"code": last_code()})
    assert response.status_code == 302 and response["Location"] == "/"
    assert signed_in_user(client) == lead


def test_it_refuses_a_wrong_login_code(db: None) -> None:
    _, lead = make_company(mfa=True)
    client = Client()
    sign_in(client, lead.email)
    response = client.post(CONFIRM, {"code": other_code(last_code())})
    assert response.status_code == 200
    assert response.context["verify_form"].errors
    assert not signed_in_user(client).is_authenticated


def test_it_resends_the_login_code(db: None) -> None:
    _, lead = make_company(mfa=True)
    client = Client()
    sign_in(client, lead.email)
    first = last_code()
    response = client.post(CONFIRM, {"action": "resend"})
    assert response.status_code in (200, 302)
    assert len(mail.outbox) == 2
    second = last_code()
    if second != first:
        assert client.post(CONFIRM, {"code": first}).status_code == 200
    response = client.post(CONFIRM, {"code": second})
    assert response.status_code == 302 and signed_in_user(client) == lead


def test_it_locks_sign_in_after_five_failures(lead: User) -> None:
    client = Client()
    for _ in range(5):
        failed = sign_in(client, lead.email, "Wrong!Pass1")
        assert failed.status_code == 200 and LOCKED not in failed.content.decode()
    response = sign_in(client, lead.email)
    assert response.status_code == 200
    assert not signed_in_user(client).is_authenticated
    alert = response.content.decode().split(LOCKED, 1)[1].split("</div>", 1)[0]
    assert 'href="/locked-out/"' in alert
    event = AuditEvent.objects.filter(event_name="ConsoleLogin", error_code="LockedOut").get()
    assert event.company == lead.company


def test_it_locks_one_account_only(lead: User, member: User) -> None:
    client = Client()
    for _ in range(5):
        sign_in(client, lead.email, "Wrong!Pass1")
    assert sign_in(Client(), member.email).status_code == 302


def test_it_takes_a_message_from_someone_locked_out(db: None) -> None:
    client = Client()
    assert client.get("/locked-out/").status_code == 200
    response = client.post(
        "/locked-out/", {"name": "Ana", "email": "ana@octank.example", "message": "Help"}
    )
    assert response.status_code == 200
    contact = LockoutContact.objects.get()
    assert (contact.name, contact.email, contact.message) == ("Ana", "ana@octank.example", "Help")
    assert contact.source_ip == "127.0.0.1"
    bad = client.post("/locked-out/", {"name": "", "email": "nope", "message": ""})
    assert set(bad.context["form"].errors) == {"name", "email", "message"}
    assert LockoutContact.objects.count() == 1


def test_it_signs_out(lead: User) -> None:
    client = Client()
    sign_in(client, lead.email)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert not signed_in_user(client).is_authenticated


@pytest.mark.django_db
def test_it_sends_open_signup_to_registration() -> None:
    response = Client().get("/accounts/signup/")
    assert [t.name for t in response.templates][0] == "account/signup_closed.html"
    assert 'href="/register/"' in response.content.decode()
    assert Client().post("/accounts/signup/", {"email": "a@b.example"}).status_code == 200
    assert not User.objects.exists()
