"""Operator commands print JSON and refuse bad input with CommandError."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from allyport.accounts.models import Company, User
from allyport.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def run(name: str, *args: str) -> Any:
    out = io.StringIO()
    call_command(name, *args, stdout=out)
    return json.loads(out.getvalue())


def create_company(*extra: str, domain: str = "acme.example") -> Any:
    return run(
        "create_company", "--domain", domain, "--name", "Acme",
        "--lead-email", f"boss@{domain}", "--password", "Boss!Pass1", *extra,
    )  # fmt: skip


def test_it_creates_a_company_and_prints_json() -> None:
    data = create_company("--stage", "Validated", "--paths", "Software,Services", "--mfa", "on")
    company = Company.objects.get()
    assert data["CompanyId"] == company.public_id
    assert data["Domains"] == ["acme.example"]
    assert (data["Stage"], data["Paths"], data["MfaEnabled"]) == (
        "Validated", ["Software", "Services"], True,
    )  # fmt: skip
    assert data["AllianceLead"]["Email"] == "boss@acme.example"
    assert data["AllianceLead"]["Roles"] == ["alliance_lead"]
    assert User.objects.get().check_password("Boss!Pass1")
    assert AuditEvent.objects.filter(event_name="CreatePartner", company=company).exists()


def test_it_creates_a_user_and_prints_json() -> None:
    create_company()
    data = run("create_user", "--email", "Dev@Acme.example", "--password", "Dev!Pass12",
               "--roles", "ace_manager,ace_user", "--first-name", "Dee")  # fmt: skip
    assert data["Email"] == "dev@acme.example"
    assert data["Roles"] == ["ace_manager", "ace_user"]
    assert User.objects.get(email="dev@acme.example").first_name == "Dee"


def test_it_changes_a_company_and_prints_json() -> None:
    create_company()
    data = run("set_company", "--domain", "acme.example", "--stage", "Enrolled", "--mfa", "on")
    assert (data["Stage"], data["MfaEnabled"]) == ("Enrolled", True)
    company = Company.objects.get()
    assert (company.stage, company.mfa_enabled) == ("Enrolled", True)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--stage", "Platinum"], "stage must be one of"),
        (["--paths", "Software,Nope"], "paths must be some of"),
    ],
)
def test_it_refuses_bad_company_options(args: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        create_company(*args)
    assert not Company.objects.exists() and not User.objects.exists()


def test_it_refuses_a_personal_domain() -> None:
    with pytest.raises(CommandError, match="personal or education"):
        create_company(domain="gmail.com")
    with pytest.raises(CommandError, match="personal or education"):
        create_company(domain="cs.stanford.edu")
    assert not Company.objects.exists()


def test_it_refuses_a_duplicate_domain() -> None:
    create_company()
    with pytest.raises(CommandError, match="already registered for acme.example"):
        run("create_company", "--domain", "ACME.example", "--name", "Acme 2",
            "--lead-email", "other@acme.example", "--password", "Boss!Pass1")  # fmt: skip
    assert Company.objects.count() == 1


def test_it_refuses_a_lead_outside_the_domain() -> None:
    with pytest.raises(CommandError, match="in the company's domain"):
        run("create_company", "--domain", "acme.example", "--name", "Acme",
            "--lead-email", "boss@other.example", "--password", "Boss!Pass1")  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--email", "x@acme.example", "--roles", "wizard"], "unknown roles: wizard"),
        (["--email", "x@nowhere.example"], "no company is registered for nowhere.example"),
        (["--email", "x@gmail.com"], "personal or education"),
        (["--email", "boss@acme.example"], "already registered"),
        (["--email", "not-an-email"], "valid email"),
    ],
)
def test_it_refuses_bad_user_input(args: list[str], message: str) -> None:
    create_company()
    with pytest.raises(CommandError, match=message):
        run("create_user", "--password", "Dev!Pass12", *args)
    assert User.objects.count() == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--domain", "acme.example", "--stage", "Gold"], "stage must be one of"),
        (["--domain", "nowhere.example", "--stage", "Enrolled"], "no company is registered"),
        (["--domain", "acme.example", "--paths", "Nope"], "paths must be some of"),
    ],
)
def test_it_refuses_bad_set_company_input(args: list[str], message: str) -> None:
    create_company()
    with pytest.raises(CommandError, match=message):
        run("set_company", *args)
    assert Company.objects.get().stage == "Registered"


def test_it_applies_the_password_policy_to_commands() -> None:
    with pytest.raises(CommandError, match="Include a symbol"):
        run(
            "create_company", "--domain", "weak.example", "--name", "Weak",
            "--lead-email", "boss@weak.example", "--password", "NoSymbol1",
        )  # fmt: skip
    assert not Company.objects.filter(legal_name="Weak").exists()
    create_company()
    with pytest.raises(CommandError, match="at least 8"):
        run("create_user", "--email", "x@acme.example", "--password", "Sh!1a")
    assert not User.objects.filter(email="x@acme.example").exists()
