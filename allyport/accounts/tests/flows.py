"""Helpers that walk the registration flows through the Django test client."""

from __future__ import annotations

import re
from typing import Any

from django.core import mail
from django.test import Client

from allyport.accounts.models import Company, CompanyDomain, User

STRONG = "Str0ng!Pass"
CODE_RE = re.compile(r"\b(\d{6})\b")


def last_code() -> str:
    """The six-digit code in the latest email."""
    found = CODE_RE.search(mail.outbox[-1].body)
    assert found, mail.outbox[-1].body
    return found.group(1)


def start(client: Client, kind: str, email: str, **extra: Any) -> Any:
    data = {"first_name": "Ana", "last_name": "Silva", "email": email}
    if kind == "company":
        data["accept_lead"] = "on"
    data.update(extra)
    return client.post(f"/register/{kind}/", {k: v for k, v in data.items() if v is not None})


def verify(client: Client, kind: str, code: str | None = None) -> Any:
    return client.post(f"/register/{kind}/verify/", {"code": code or last_code()})


def company_details(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "password1": STRONG,
        "password2": STRONG,
        "job_title": "Partner manager",
        "phone": "+1 555 0100",
        "legal_name": "Anycompany Ltd",
        "primary_solution_type": "SOFTWARE_PRODUCTS",
        "website": "https://anycompany.example",
        "country_code": "US",
        "city": "Seattle",
        "employee_count": "11-50",
        "industry_segment": "COMPUTER_SOFTWARE",
        "customer_segments": ["ENTERPRISE", "SMB"],
    }
    data.update(overrides)
    return data


def user_details(**overrides: Any) -> dict[str, Any]:
    data = {"password1": STRONG, "password2": STRONG, "job_title": "Engineer", "phone": "123"}
    data.update(overrides)
    return data


def verified(client: Client, kind: str, email: str) -> None:
    """Walk the start and code steps, so the details step is next."""
    assert start(client, kind, email).status_code == 302
    assert verify(client, kind).status_code == 302


def counts() -> tuple[int, int, int]:
    return Company.objects.count(), User.objects.count(), CompanyDomain.objects.count()


def field_errors(response: Any, field: str) -> list[str]:
    form = response.context["form"]
    return [str(e) for e in form.errors.get(field, [])]
