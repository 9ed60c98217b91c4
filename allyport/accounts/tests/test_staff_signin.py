"""Staff sign-in to the admin has the partner sign-in's lockout and audit records, and
an emailed code when the deployment asks for one."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client, override_settings

from allyport.accounts.models import User
from allyport.accounts.tests.flows import last_code
from allyport.audit.models import AuditEvent

LOGIN = "/staff/admin/login/"
CODE = "/staff/admin/login/code/"
STAFF_PASSWORD = "Ops!Pass12"
LOCKED = "Sign-in is locked for a while"


@pytest.fixture
def staff(db: None) -> User:
    return User.objects.create_superuser("ops@staff.example", STAFF_PASSWORD)


def sign_in(client: Client, password: str, email: str = "ops@staff.example") -> object:
    return client.post(LOGIN, {"username": email, "password": password, "next": "/staff/admin/"})


def in_admin(client: Client) -> bool:
    return client.get("/staff/admin/").status_code == 200


def test_it_locks_staff_sign_in_after_failed_attempts_even_with_the_right_password(
    staff: User,
) -> None:
    client = Client()
    for _ in range(70):
        sign_in(client, "Wrong!Pass1")
    response = sign_in(client, STAFF_PASSWORD)
    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert not in_admin(client)
    records = AuditEvent.objects.filter(event_name="ConsoleLogin", username=staff.email)
    assert records.filter(error_code="FailedAuthentication").count() == 5
    assert records.filter(error_code="LockedOut").exists()


def test_it_records_a_staff_sign_in_naming_the_address(staff: User) -> None:
    client = Client()
    response = sign_in(client, STAFF_PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/staff/admin/"
    assert in_admin(client)
    (success,) = AuditEvent.objects.filter(event_name="ConsoleLogin", error_code="")
    assert success.username == staff.email
    assert success.record["responseElements"] == {"ConsoleLogin": "Success"}


def test_a_partner_member_cannot_sign_in_to_the_admin(lead: User) -> None:
    from allyport.testing import PASSWORD

    client = Client()
    response = sign_in(client, PASSWORD, lead.email)
    assert response.status_code == 200 and not in_admin(client)
    assert AuditEvent.objects.filter(username=lead.email, error_code="NotStaff").exists()


@override_settings(ALLYPORT_STAFF_LOGIN_CODE=True)
def test_it_asks_for_an_emailed_code_when_the_deployment_turns_it_on(staff: User) -> None:
    client = Client()
    response = sign_in(client, STAFF_PASSWORD)
    assert response.status_code == 302 and response["Location"] == CODE
    assert not in_admin(client)
    assert mail.outbox[-1].to == [staff.email] and "staff sign-in code" in mail.outbox[-1].body
    code = last_code()
    wrong = client.post(CODE, {"code": f"{(int(code) + 1) % 1_000_000:06d}"})
    assert "That code is not right" in wrong.content.decode() and not in_admin(client)
    response = client.post(CODE, {"code": code})
    assert response.status_code == 302 and response["Location"] == "/staff/admin/"
    assert in_admin(client)
    success = AuditEvent.objects.get(event_name="ConsoleLogin", error_code="")
    assert success.username == staff.email
    assert success.record["additionalEventData"] == {"MFAUsed": "Yes"}


def test_the_code_page_needs_the_password_step_first(staff: User) -> None:
    response = Client().get(CODE)
    assert response.status_code == 302 and response["Location"] == LOGIN


def test_the_sign_in_page_renders_and_an_unknown_address_is_refused(db: None) -> None:
    client = Client()
    assert client.get(LOGIN).status_code == 200
    response = sign_in(client, STAFF_PASSWORD, "nobody@staff.example")
    assert response.status_code == 200
    (error,) = response.context["form"].non_field_errors()
    assert "Please enter the correct" in error
    assert not in_admin(client)
