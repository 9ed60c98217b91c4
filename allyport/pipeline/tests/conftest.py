"""Pipeline personas and payloads: ACE members, an IAM caller, a complete opportunity."""

from __future__ import annotations

import copy
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from allyport.access import actor as actors
from allyport.access.actor import Actor
from allyport.accounts.models import Company, User
from allyport.pipeline.models import Solution
from allyport.pipeline.shared.clock import now_ms
from allyport.testing import AllowingPrincipal, make_user


def future(days: int = 60) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


COMPLETE: dict[str, Any] = {
    "Customer": {
        "Account": {
            "CompanyName": "Example Corp",
            "Industry": "Software and Internet",
            "WebsiteUrl": "https://example.com",
            "Address": {"CountryCode": "US", "StateOrRegion": "Washington", "City": "Seattle"},
        },
        "Contacts": [{"Email": "buyer@example.com", "FirstName": "Ana", "LastName": "Lee"}],
    },
    "Project": {
        "Title": "Data lake migration",
        "CustomerBusinessProblem": "The customer needs to move analytics off premises.",
        "DeliveryModels": ["SaaS or PaaS"],
        "ExpectedCustomerSpend": [
            {
                "Amount": "2000",
                "CurrencyCode": "USD",
                "Frequency": "Monthly",
                "TargetCompany": "AWS",
            }
        ],
        "SalesActivities": ["Conducted POC / Demo"],
    },
    "LifeCycle": {"Stage": "Qualified", "NextSteps": "Call the buyer"},
    "OpportunityType": "Net New Business",
    "PrimaryNeedsFromAws": ["Co-Sell - Technical Consultation"],
    "PartnerOpportunityIdentifier": "crm-1",
}


def complete(**changes: Any) -> dict[str, Any]:
    """A payload complete enough to submit (target close date in 60 days)."""
    payload = copy.deepcopy(COMPLETE)
    payload["LifeCycle"]["TargetCloseDate"] = future()
    payload.update(changes)
    return payload


def iam_actor(company: Company) -> Actor:
    """An API caller whose policies allow every operation."""
    principal: Any = AllowingPrincipal()
    return Actor.for_iam(principal, company, source_ip="192.0.2.1")


def member_actor(company: Company, *roles: str) -> tuple[User, Actor]:
    user = make_user(company, *roles)
    return user, actors.for_user(user)


def make_solution(
    company: Company, catalog: str = "AWS", status: str = "Active", **fields: Any
) -> Solution:
    values = {"name": "Analytics", "category": "Software Product", **fields}
    return Solution.objects.create(
        company=company, catalog=catalog, status=status, created_date=now_ms(), **values
    )


@pytest.fixture
def api(company: Company) -> Actor:
    return iam_actor(company)


@pytest.fixture
def manager(company: Company) -> Actor:
    return member_actor(company, "ace_manager")[1]


@pytest.fixture
def ace(company: Company) -> tuple[User, Actor]:
    return member_actor(company, "ace_user")
