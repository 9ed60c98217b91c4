"""Invitation payloads (spec §2.11): checked against the model's shapes and the
business rules, and carried to and from opportunities.

An OpportunityInvitation becomes the partner's opportunity when it is accepted;
a partner opportunity becomes the OpportunityInvitation it sends AWS when it
starts an engagement. Both directions live here so they stay each other's
inverse.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.core.errors import REQUEST, FieldError, RuleViolation, refuse
from allyport.pipeline.engagements.models import EngagementInvitation
from allyport.pipeline.enums import Origin, ReviewStatus
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.opportunities.rules import consistency, normalize, parse_date
from allyport.pipeline.shared.payload import clean
from allyport.shapes.selling import shape
from allyport.shapes.validation import InvalidRequest, validate

OPPORTUNITY = EngagementInvitation.PayloadType.OPPORTUNITY
LEAD = EngagementInvitation.PayloadType.LEAD
SUPPORTED = (OPPORTUNITY.value, LEAD.value)
FIRST_STAGE = "Prospect"
AWS_RESPONSIBILITY = "Co-Sell Facilitator"
SENDER_CONTACT_LIMIT = 3
# Opportunity paths that come from an invitation path of another name.
_BACK = {
    "LifeCycle.TargetCloseDate": "Project.TargetCompletionDate",
    "Customer.Account.Industry": "Customer.Industry",
    "Customer.Account.WebsiteUrl": "Customer.WebsiteUrl",
    "Customer.Account.CompanyName": "Customer.CompanyName",
    "Project.CustomerBusinessProblem": "Project.BusinessProblem",
}
_SPEND = re.compile(r"Project\.ExpectedCustomerSpend\[\d+\]\.\w+")


def check_payload(payload_type: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    """The payload as the model shapes it; RuleViolation naming each field otherwise
    (paths like `OpportunityInvitation.Project.Title`)."""
    if payload_type not in SUPPORTED:
        raise refuse(
            "PayloadType",
            _("Send an opportunity referral (OpportunityInvitation) or a lead (LeadInvitation)."),
            reason=REQUEST,
        )
    try:
        checked = validate(shape("Payload"), {payload_type: dict(payload)})  # type: ignore[arg-type]
    except InvalidRequest as error:
        raise RuleViolation(error.errors, REQUEST) from None
    value: dict[str, Any] = clean(checked[payload_type])
    if payload_type == OPPORTUNITY:
        # Required lists may be empty; `clean` drops empties, so they come back here.
        value.setdefault("ReceiverResponsibilities", [])
        value.setdefault("Project", {}).setdefault("ExpectedCustomerSpend", [])
        _check_opportunity(value)
    return value


def _check_opportunity(payload: dict[str, Any]) -> None:
    """What the partner's opportunity will need: a target date ahead, USD or EUR."""
    errors = []
    target = parse_date((payload.get("Project") or {}).get("TargetCompletionDate"))
    if target is not None and target < timezone.localdate():
        errors.append(
            FieldError(
                f"{OPPORTUNITY}.Project.TargetCompletionDate",
                _("The target completion date cannot be in the past."),
            )
        )
    for error in consistency(opportunity_data(payload), {}, before=None):
        if error.field == "LifeCycle.TargetCloseDate":
            continue  # reported above, in the invitation's words
        field = _BACK.get(error.field, error.field if _SPEND.fullmatch(error.field) else "")
        errors.append(FieldError(f"{OPPORTUNITY}.{field or 'Customer'}", error.message, error.code))
    if errors:
        raise RuleViolation(errors)


def opportunity_data(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The partner opportunity an accepted OpportunityInvitation becomes: an AWS
    referral, approved, at the first stage."""
    customer = payload.get("Customer") or {}
    project = payload.get("Project") or {}
    industry = customer.get("Industry")
    account = {
        "CompanyName": customer.get("CompanyName"),
        # "Other" would need the industry's name, which referrals do not carry.
        "Industry": industry if industry != "Other" else None,
        "WebsiteUrl": customer.get("WebsiteUrl"),
        "Address": {"CountryCode": customer.get("CountryCode")},
    }
    data = {
        "Customer": {"Account": account},
        "Project": {
            "Title": project.get("Title"),
            "CustomerBusinessProblem": project.get("BusinessProblem"),
            "ExpectedCustomerSpend": [dict(s) for s in project.get("ExpectedCustomerSpend") or []],
        },
        "LifeCycle": {
            "Stage": FIRST_STAGE,
            "TargetCloseDate": project.get("TargetCompletionDate"),
            "ReviewStatus": ReviewStatus.APPROVED,
        },
        "OpportunityType": payload.get("OpportunityType"),
        "Origin": Origin.AWS_REFERRAL,
    }
    return clean(normalize(data))  # type: ignore[no-any-return]


def _contacts(opportunity: Opportunity) -> list[dict[str, Any]]:
    team = opportunity.data.get("OpportunityTeam") or []
    keys = ("Email", "FirstName", "LastName", "BusinessTitle", "Phone")
    return [{k: m.get(k) for k in keys} for m in team if m.get("Email")][:SENDER_CONTACT_LIMIT]


def invitation_payload(opportunity: Opportunity) -> dict[str, Any]:
    """The OpportunityInvitation a partner opportunity sends AWS (StartEngagement…)."""
    data = opportunity.data
    account = (data.get("Customer") or {}).get("Account") or {}
    project = data.get("Project") or {}
    return clean(  # type: ignore[no-any-return]
        {
            "SenderContacts": _contacts(opportunity),
            "ReceiverResponsibilities": [AWS_RESPONSIBILITY],
            "Customer": {
                "Industry": account.get("Industry"),
                "CompanyName": account.get("CompanyName"),
                "WebsiteUrl": account.get("WebsiteUrl"),
                "CountryCode": (account.get("Address") or {}).get("CountryCode"),
            },
            "Project": {
                "BusinessProblem": project.get("CustomerBusinessProblem"),
                "Title": project.get("Title"),
                "TargetCompletionDate": opportunity.life_cycle.get("TargetCloseDate"),
                "ExpectedCustomerSpend": project.get("ExpectedCustomerSpend"),
            },
            "OpportunityType": data.get("OpportunityType"),
        }
    )


def customer_project_context(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The CustomerProject context of an engagement about this referral's customer."""
    project = payload.get("Project") or {}
    return clean(  # type: ignore[no-any-return]
        {
            "Id": "1",
            "Type": "CustomerProject",
            "Payload": {
                "CustomerProject": {
                    "Customer": dict(payload.get("Customer") or {}),
                    "Project": {
                        "Title": project.get("Title"),
                        "BusinessProblem": project.get("BusinessProblem"),
                        "TargetCompletionDate": project.get("TargetCompletionDate"),
                    },
                }
            },
        }
    )
