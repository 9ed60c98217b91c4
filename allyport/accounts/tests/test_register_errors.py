"""Every bad input of registration: a clear error next to its field, nothing created."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.utils import timezone

from allyport.accounts.models import Company, EmailCode
from allyport.accounts.tests.flows import (
    company_details,
    counts,
    field_errors,
    last_code,
    start,
    verified,
    verify,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "email",
    ["ana@gmail.com", "ana@hotmail.com", "ana@outlook.com", "ana@cs.stanford.edu", "a@mit.edu"],
)
@pytest.mark.parametrize("kind", ["company", "user"])
def test_it_refuses_personal_and_education_domains(kind: str, email: str) -> None:
    response = start(Client(), kind, email)
    assert response.status_code == 200
    assert "personal or education email domain" in " ".join(field_errors(response, "email"))
    assert counts() == (0, 0, 0)
    assert mail.outbox == [] and not EmailCode.objects.exists()


@pytest.mark.parametrize("email", ["not-an-email", "ana@", "@example.com", "ana@@x.example"])
def test_it_refuses_a_malformed_email(email: str) -> None:
    response = start(Client(), "company", email)
    assert response.status_code == 200
    assert field_errors(response, "email")
    assert mail.outbox == []


def test_it_requires_yes_to_become_alliance_lead() -> None:
    response = start(Client(), "company", "lead@noyes.example", accept_lead=None)
    assert response.status_code == 200
    assert field_errors(response, "accept_lead") == ["Choose Yes to register your company."]
    assert mail.outbox == []


def test_it_shows_all_start_errors_at_once() -> None:
    response = Client().post("/register/company/", {"email": "x@gmail.com"})
    errors = response.context["form"].errors
    assert set(errors) == {"first_name", "last_name", "email", "accept_lead"}
    assert 'class="error-summary"' in response.content.decode()


@pytest.mark.parametrize(
    ("password", "rule"),
    [
        ("Sh0rt!", "Use at least 8 characters."),
        ("nouppercase1!", "Include an upper-case letter."),
        ("NOLOWERCASE1!", "Include a lower-case letter."),
        ("NoDigitsHere!", "Include a number."),
        ("NoSymbols123", "Include a symbol from ! @ # $ % ^ _ = + : ."),
    ],
)
def test_it_names_each_failed_password_rule(password: str, rule: str) -> None:
    client = Client()
    verified(client, "company", "lead@pw.example")
    response = client.post(
        "/register/company/details/", company_details(password1=password, password2=password)
    )
    assert response.status_code == 200
    assert rule in field_errors(response, "password1")
    assert counts() == (0, 0, 0)


@pytest.mark.parametrize("symbol", list("!@#$%^_=+:."))
def test_it_accepts_each_listed_symbol(symbol: str) -> None:
    from allyport.accounts.passwords import failed_rules

    assert failed_rules(f"Abcdefg1{symbol}") == []
    assert failed_rules("Abcdefg1-") != []


def test_it_refuses_mismatched_passwords() -> None:
    client = Client()
    verified(client, "company", "lead@mismatch.example")
    response = client.post("/register/company/details/", company_details(password2="Other!Pass1"))
    assert field_errors(response, "password2") == ["The passwords do not match."]
    assert counts() == (0, 0, 0)


def test_it_refuses_missing_company_details_all_at_once() -> None:
    client = Client()
    verified(client, "company", "lead@missing.example")
    response = client.post(
        "/register/company/details/",
        company_details(legal_name="", website="", primary_solution_type="NOPE"),
    )
    errors = response.context["form"].errors
    assert {"legal_name", "website", "primary_solution_type"} <= set(errors)
    assert counts() == (0, 0, 0)


def test_it_refuses_a_wrong_code() -> None:
    client = Client()
    start(client, "company", "lead@wrong.example")
    wrong = f"{(int(last_code()) + 1) % 1_000_000:06d}"
    response = verify(client, "company", wrong)
    assert response.status_code == 200
    assert "not right" in " ".join(field_errors(response, "code"))
    assert client.get("/register/company/details/")["Location"] == "/register/company/"


def test_it_refuses_a_code_that_is_not_six_digits() -> None:
    client = Client()
    start(client, "company", "lead@shape.example")
    response = verify(client, "company", "12ab")
    assert field_errors(response, "code") == ["Enter the 6-digit code from the email."]


def test_it_refuses_an_expired_code() -> None:
    client = Client()
    start(client, "company", "lead@expired.example")
    code = last_code()
    later = timezone.now() + timedelta(hours=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        response = verify(client, "company", code)
    assert "expired" in " ".join(field_errors(response, "code"))
    EmailCode.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = verify(client, "company", code)
    assert "expired" in " ".join(field_errors(response, "code"))


def test_it_refuses_a_code_used_before() -> None:
    client = Client()
    start(client, "company", "lead@reuse.example")
    code = last_code()
    assert verify(client, "company", code).status_code == 302
    response = verify(client, "company", code)
    assert "already been used" in " ".join(field_errors(response, "code"))


@override_settings(ALLYPORT_CODE_MAX_ATTEMPTS=5)
def test_it_refuses_even_the_right_code_after_too_many_wrong_ones() -> None:
    client = Client()
    start(client, "company", "lead@attempts.example")
    code = last_code()
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(5):
        verify(client, "company", wrong)
    response = verify(client, "company", code)
    assert response.status_code == 200
    assert "Too many wrong codes" in " ".join(field_errors(response, "code"))
    # A fresh code works again.
    client.post("/register/company/verify/", {"action": "resend"})
    assert verify(client, "company")["Location"] == "/register/company/details/"


def test_it_tells_a_registrant_whose_domain_has_a_company_only_after_the_code(
    company: Company,
) -> None:
    client = Client()
    before = counts()
    assert start(client, "company", "someone@octank.example").status_code == 302
    response = verify(client, "company")
    assert response.status_code == 200
    page = response.content.decode()
    assert "already registered for octank.example" in page
    assert "/register/user/details/" in page  # goes on as a user, no second code
    assert counts() == before
    assert client.get("/register/user/details/").status_code == 200


@pytest.mark.parametrize("kind", ["company", "user"])
def test_it_mails_the_owner_of_a_registered_email_instead_of_saying_so(
    kind: str, company: Company
) -> None:
    client = Client()
    response = start(client, kind, "LEAD@octank.example")
    assert response.status_code == 302  # the same answer as for a new address
    notice = mail.outbox[-1]
    assert notice.to == ["lead@octank.example"]
    assert "Someone just tried to register" in notice.body
    assert "/accounts/login/" in notice.body and "/accounts/password/reset/" in notice.body
    assert "Your security code" not in notice.body
    wrong = verify(client, kind, "123456")
    assert "That code is not right" in " ".join(field_errors(wrong, "code"))


def test_it_refuses_a_domain_taken_between_verify_and_details() -> None:
    from allyport.testing import make_company

    client = Client()
    verified(client, "company", "second@race.example")
    make_company(domain="race.example")
    before = counts()
    response = client.post("/register/company/details/", company_details())
    assert response.status_code == 200
    assert "already registered for race.example" in str(response.context["form"].errors)
    assert counts() == before
