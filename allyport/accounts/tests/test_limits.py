"""Limits on codes and contact messages requested before signing in."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from allyport.accounts.models import EmailCode, LockoutContact
from allyport.accounts.tests.flows import field_errors, last_code, start, verify

pytestmark = pytest.mark.django_db
EMAIL = "ana@anycompany.example"


def test_it_stops_sending_codes_to_one_address_after_five_an_hour(client: Client) -> None:
    for _ in range(5):
        assert start(client, "company", EMAIL).status_code == 302
    response = start(client, "company", EMAIL)
    assert response.status_code == 200
    assert "Too many attempts" in field_errors(response, "email")[0]
    assert len(mail.outbox) == 5
    assert EmailCode.objects.filter(email=EMAIL).count() == 5


def test_it_counts_resend_against_the_same_limit(client: Client) -> None:
    assert start(client, "company", EMAIL).status_code == 302
    for _ in range(4):
        client.post("/register/company/verify/", {"action": "resend"})
    response = client.post("/register/company/verify/", {"action": "resend"})
    assert "Too many attempts" in response.content.decode()
    assert len(mail.outbox) == 5


def test_it_limits_code_guesses_per_address_across_codes(client: Client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.ALLYPORT_LIMITS = {**settings.ALLYPORT_LIMITS, "verify_code": (("email", "3/h"),)}
    assert start(client, "company", EMAIL).status_code == 302
    for _ in range(3):
        verify(client, "company", "000000")
    response = verify(client, "company", last_code())  # right, but over the limit
    assert response.status_code == 200
    assert "Too many attempts" in field_errors(response, "code")[0]


def test_it_limits_locked_out_messages_per_client_address(client: Client) -> None:
    data = {"name": "Ana", "email": EMAIL, "message": "I am locked out."}
    for _ in range(5):
        assert "Thank you" in client.post("/locked-out/", data).content.decode()
    response = client.post("/locked-out/", data)
    assert "Too many attempts" in response.content.decode()
    assert LockoutContact.objects.count() == 5
