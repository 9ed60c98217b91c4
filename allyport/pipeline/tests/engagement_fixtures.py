"""Referral and lead payloads, and sending them as AWS, for the engagement tests."""

from __future__ import annotations

import copy
from datetime import timedelta
from typing import Any

from django.utils import timezone

from allyport.access.actor import Actor, system
from allyport.accounts.models import Company, User
from allyport.pipeline.engagements.models import EngagementInvitation
from allyport.pipeline.leads.referrals import send_referral
from allyport.pipeline.tests.conftest import future

OPPORTUNITY = "OpportunityInvitation"
LEAD = "LeadInvitation"

REFERRAL: dict[str, Any] = {
    "Customer": {
        "Industry": "Software and Internet",
        "CompanyName": "Example Corp",
        "WebsiteUrl": "https://example.com",
        "CountryCode": "US",
    },
    "Project": {
        "BusinessProblem": "The customer needs to move analytics off premises.",
        "Title": "Data lake migration",
        "ExpectedCustomerSpend": [
            {
                "Amount": "2000",
                "CurrencyCode": "USD",
                "Frequency": "Monthly",
                "TargetCompany": "AWS",
            }
        ],
    },
    "ReceiverResponsibilities": ["Co-Sell Facilitator"],
    "SenderContacts": [{"Email": "rep@amazon.example", "FirstName": "Sam", "LastName": "Rep"}],
    "OpportunityType": "Net New Business",
}

LEAD_PAYLOAD: dict[str, Any] = {
    "Customer": {"CompanyName": "Lead Corp", "Industry": "Retail", "CountryCode": "DE"},
    "Interaction": {
        "SourceType": "Event",
        "SourceName": "Summit",
        "Usecase": "Analytics",
        "ContactBusinessTitle": "CTO",
    },
}


def referral(**project: Any) -> dict[str, Any]:
    payload = copy.deepcopy(REFERRAL)
    payload["Project"]["TargetCompletionDate"] = future()
    payload["Project"].update(project)
    return payload


def lead() -> dict[str, Any]:
    return copy.deepcopy(LEAD_PAYLOAD)


def staff_actor(user: User) -> Actor:
    return Actor(kind="staff", user=user, source_ip="192.0.2.9")


def share(
    company: Company,
    payload_type: str = OPPORTUNITY,
    catalog: str = "AWS",
    payload: dict[str, Any] | None = None,
    actor: Actor | None = None,
) -> EngagementInvitation:
    """A referral (or lead) AWS shares with `company`."""
    body = payload or (referral() if payload_type == OPPORTUNITY else lead())
    return send_referral(
        actor or system(), company, catalog, payload_type, body, message="Please take a look."
    )


def age(invitation: EngagementInvitation, days: int) -> None:
    """Pretend the invitation was sent `days` ago."""
    sent = timezone.now() - timedelta(days=days)
    EngagementInvitation.objects.filter(pk=invitation.pk).update(
        invitation_date=sent, expiration_date=sent + timedelta(days=15)
    )
