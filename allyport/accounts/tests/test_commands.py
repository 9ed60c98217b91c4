"""Operator commands print JSON, and refuse bad input with {"error": ...} and exit status 1."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from allyport.accounts.models import Company, User
from allyport.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]


def run(name: str, *args: str) -> Any:
    out = io.StringIO()
    call_command(name, *args, stdout=out)
    return json.loads(out.getvalue())


def refused(name: str, *args: str) -> str:
    """The refusal's reason, after checking that it came as JSON with exit status 1."""
    out = io.StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command(name, *args, stdout=out)
    assert exited.value.code == 1
    answer = json.loads(out.getvalue())
    assert list(answer) == ["error"]
    return str(answer["error"])


def company_args(*extra: str, domain: str = "acme.example") -> tuple[str, ...]:
    return (
        "--domain", domain, "--name", "Acme",
        "--lead-email", f"boss@{domain}", "--password", "Boss!Pass1", *extra,
    )  # fmt: skip


def create_company(*extra: str, domain: str = "acme.example") -> Any:
    return run("create_company", *company_args(*extra, domain=domain))


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
    assert message in refused("create_company", *company_args(*args))
    assert not Company.objects.exists() and not User.objects.exists()


def test_it_refuses_a_personal_domain() -> None:
    assert "personal or education" in refused("create_company", *company_args(domain="gmail.com"))
    assert "personal or education" in refused(
        "create_company", *company_args(domain="cs.stanford.edu")
    )
    assert not Company.objects.exists()


def test_it_refuses_a_duplicate_domain() -> None:
    create_company()
    error = refused("create_company", "--domain", "ACME.example", "--name", "Acme 2",
                    "--lead-email", "other@acme.example", "--password", "Boss!Pass1")  # fmt: skip
    assert "already registered for acme.example" in error
    assert Company.objects.count() == 1


def test_it_refuses_a_lead_outside_the_domain() -> None:
    error = refused("create_company", "--domain", "acme.example", "--name", "Acme",
                    "--lead-email", "boss@other.example", "--password", "Boss!Pass1")  # fmt: skip
    assert "in the company's domain" in error


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
    assert message in refused("create_user", "--password", "Dev!Pass12", *args)
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
    assert message in refused("set_company", *args)
    assert Company.objects.get().stage == "Registered"


def test_it_applies_the_password_policy_to_commands() -> None:
    assert "Include a symbol" in refused(
            "create_company", "--domain", "weak.example", "--name", "Weak",
            "--lead-email", "boss@weak.example", "--password", "NoSymbol1",
        )  # fmt: skip
    assert not Company.objects.filter(legal_name="Weak").exists()
    create_company()
    assert "at least 8" in refused(
        "create_user", "--email", "x@acme.example", "--password", "Sh!1a"
    )
    assert not User.objects.filter(email="x@acme.example").exists()


def test_a_second_alliance_lead_is_refused_as_json_without_a_traceback() -> None:
    create_company()
    error = refused("create_user", "--email", "two@acme.example", "--password", "Dev!Pass12",
                    "--roles", "alliance_lead")  # fmt: skip
    assert "alliance lead" in error.lower()
    assert not User.objects.filter(email="two@acme.example").exists()


def test_it_answers_json_and_exit_status_1_from_the_command_line() -> None:
    """The way an operator runs it: stdout is JSON, stderr has no traceback."""
    env = {**os.environ, "DATABASE_URL": "sqlite:///:memory:"}  # refused before any query
    result = subprocess.run(
        [sys.executable, "manage.py", "set_company", "--domain", "acme.example",
         "--stage", "Platinum"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["error"].startswith("stage must be one of Registered")
    assert "Traceback" not in result.stderr


def test_it_records_a_user_made_by_an_operator_as_the_system() -> None:
    create_company()
    data = run("create_user", "--email", "dev@acme.example", "--password", "Dev!Pass12")
    event = AuditEvent.objects.get(
        event_name="CreatePartnerUser", record__requestParameters__email="dev@acme.example"
    )
    assert event.company == Company.objects.get()
    assert event.record["userIdentity"] == {"type": "AWSService", "invokedBy": "allyport"}
    assert event.record["requestParameters"]["email"] == "dev@acme.example"
    assert event.record["responseElements"] == {"partnerUserId": data["UserId"]}
