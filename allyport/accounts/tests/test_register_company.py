"""Registering a company end to end: start, code, details; the registrant leads it."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from allyport.access.models import RoleAssignment
from allyport.accounts.models import Company, CompanyDomain, User
from allyport.accounts.tests.flows import (
    company_details,
    last_code,
    start,
    verified,
    verify,
)

pytestmark = pytest.mark.django_db


def test_it_registers_a_company_end_to_end() -> None:
    client = Client()
    response = start(client, "company", "Ana@AnyCompany.example")
    assert response.status_code == 302 and response["Location"] == "/register/company/verify/"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ana@anycompany.example"]
    response = verify(client, "company")
    assert response["Location"] == "/register/company/details/"

    response = client.post("/register/company/details/", company_details())

    assert response.status_code == 302 and response["Location"] == "/"
    company = Company.objects.get()
    assert company.stage == "Registered"
    assert company.paths == ["Software"]
    assert company.legal_name == "Anycompany Ltd"
    assert company.customer_segments == ["ENTERPRISE", "SMB"]
    assert list(CompanyDomain.objects.values_list("domain", flat=True)) == ["anycompany.example"]
    user = User.objects.get()
    assert (user.email, user.first_name, user.job_title) == (
        "ana@anycompany.example", "Ana", "Partner manager",
    )  # fmt: skip
    assert user.company == company
    roles = set(RoleAssignment.objects.filter(user=user).values_list("role", flat=True))
    assert roles == {"alliance_lead"}
    home = client.get("/")
    assert home.status_code == 200
    assert home.wsgi_request.user == user


@pytest.mark.parametrize(
    ("offering", "paths"),
    [
        ("SOFTWARE_PRODUCTS", ["Software"]),
        ("CONSULTING_SERVICES", ["Services"]),
        ("TRAINING_SERVICES", ["Training"]),
        ("VALUE_ADDED_RESALE_AWS_SERVICES", ["Distribution"]),
        ("HARDWARE_PRODUCTS", ["Hardware"]),
    ],
)
def test_it_sets_paths_from_the_primary_offering(offering: str, paths: list[str]) -> None:
    client = Client()
    verified(client, "company", "lead@paths.example")
    response = client.post(
        "/register/company/details/", company_details(primary_solution_type=offering)
    )
    assert response.status_code == 302
    assert Company.objects.get().paths == paths


def test_it_sends_a_new_code_on_resend_and_the_old_one_stops_working() -> None:
    client = Client()
    start(client, "company", "lead@resend.example")
    old = last_code()
    response = client.post("/register/company/verify/", {"action": "resend"})
    assert response.status_code == 200 and len(mail.outbox) == 2
    assert "A new code is on its way" in response.content.decode()
    new = last_code()
    while new == old:  # one in a million: the fresh code repeated the old one
        client.post("/register/company/verify/", {"action": "resend"})
        new = last_code()
    response = verify(client, "company", old)
    assert response.status_code == 200
    assert "not right" in str(response.context["form"].errors["code"])
    assert verify(client, "company", new)["Location"] == "/register/company/details/"


def test_it_redirects_to_the_start_when_steps_are_skipped() -> None:
    client = Client()
    assert client.get("/register/company/details/")["Location"] == "/register/company/"
    assert client.get("/register/company/verify/")["Location"] == "/register/company/"
    start(client, "company", "lead@skip.example")
    # The email was given but not verified: details still sends back to the start.
    assert client.get("/register/company/details/")["Location"] == "/register/company/"
    assert client.post("/register/company/details/", company_details()).status_code == 302
    assert not Company.objects.exists()


def test_it_forgets_the_registration_after_success() -> None:
    client = Client()
    verified(client, "company", "lead@once.example")
    client.post("/register/company/details/", company_details())
    client.logout()
    assert client.get("/register/company/details/")["Location"] == "/register/company/"


def test_it_forgets_the_verification_when_the_email_changes() -> None:
    client = Client()
    verified(client, "company", "first@switch.example")
    start(client, "company", "second@other-switch.example")
    response = client.post("/register/company/details/", company_details())
    assert response["Location"] == "/register/company/"
    assert not Company.objects.exists()
