"""Fixtures of the profile's tests: actors of every kind for one company."""

from __future__ import annotations

from typing import Any

import pytest

from allyport.access import actor as actors
from allyport.access.actor import Actor
from allyport.accounts.models import Company, User
from allyport.testing import AllowingPrincipal, make_company, make_user

TASK_DETAILS = {
    "DisplayName": "Octank Cloud",
    "Description": "Migrations and data platforms on AWS.",
    "WebsiteUrl": "https://octank.example",
    "LogoUrl": "https://octank.example/logo.png",
    "PrimarySolutionType": "CONSULTING_SERVICES",
    "IndustrySegments": ["FINANCIAL_SERVICES", "HEALTHCARE"],
    "TranslationSourceLocale": "en-US",
}


def details(**changes: Any) -> dict[str, Any]:
    return {**TASK_DETAILS, **changes}


def member(company: Company, *roles: str) -> Actor:
    return actors.for_user(make_user(company, *roles))


def lead_actor(lead: User) -> Actor:
    return actors.for_user(lead)


def iam(company: Company) -> Actor:
    principal: Any = AllowingPrincipal()
    return Actor.for_iam(principal, company, source_ip="192.0.2.1")


def staff() -> Actor:
    user = User.objects.filter(email="staff@program.example").first() or User.objects.create_user(
        "staff@program.example", "x", is_staff=True
    )
    return Actor.for_staff(user)


@pytest.fixture
def validated() -> tuple[Company, User]:
    return make_company("Validated Partner", stage="Validated", paths=["Services"])
