"""CreateOpportunity's service: ids, owner, defaults, consistency rules, audit, rights."""

from __future__ import annotations

import re
from typing import Any

import pytest

from allyport.access.decisions import PermissionDenied
from allyport.audit.models import AuditEvent
from allyport.core.errors import RuleViolation
from allyport.pipeline import services
from allyport.pipeline.tests.conftest import complete, member_actor

pytestmark = pytest.mark.django_db


def codes(caught: Any) -> dict[str, str]:
    return {error.field: error.code for error in caught.value.errors}


def test_it_creates_a_pending_partner_referral_with_an_api_id(api: Any) -> None:
    opportunity = services.create_opportunity(api, "AWS", complete())
    assert re.fullmatch(r"O[0-9]{10}", opportunity.public_id)
    assert opportunity.review_status == "Pending Submission"
    assert opportunity.origin == "Partner Referral"
    assert opportunity.last_modified_date == opportunity.created_date
    assert opportunity.last_modified_date.microsecond % 1000 == 0
    assert opportunity.customer_company_name == "Example Corp"
    assert opportunity.partner_opportunity_identifier == "crm-1"


def test_it_leaves_api_created_opportunities_without_owner(api: Any) -> None:
    assert services.create_opportunity(api, "AWS", {}).owner is None


def test_it_makes_the_portal_member_the_owner(ace: Any) -> None:
    user, actor = ace
    assert services.create_opportunity(actor, "AWS", complete()).owner == user


def test_it_refuses_members_without_pipeline_rights(company: Any) -> None:
    _user, actor = member_actor(company, "standard_user")
    with pytest.raises(PermissionDenied):
        services.create_opportunity(actor, "AWS", complete())


def test_it_refuses_an_unknown_catalog(api: Any) -> None:
    with pytest.raises(RuleViolation) as caught:
        services.create_opportunity(api, "Production", {})
    assert caught.value.reason == "REQUEST_VALIDATION_FAILED"


def test_it_creates_aws_referrals_only_in_sandbox(api: Any) -> None:
    with pytest.raises(RuleViolation):
        services.create_opportunity(api, "AWS", {"Origin": "AWS Referral"})
    referral = services.create_opportunity(api, "Sandbox", {"Origin": "AWS Referral"})
    assert referral.origin == "AWS Referral"
    assert referral.review_status == "Approved"


def test_it_reports_every_broken_rule_at_once(api: Any) -> None:
    payload = complete(NationalSecurity="Yes")
    payload["Customer"]["Account"]["Industry"] = "Other"
    payload["Project"]["OtherCompetitorNames"] = "Acme"
    payload["Project"]["ExpectedCustomerSpend"][0]["CurrencyCode"] = "GBP"
    payload["Marketing"] = {"AwsFundingUsed": "No", "UseCases": ["Analytics"]}
    payload["LifeCycle"]["TargetCloseDate"] = "2020-01-01"
    with pytest.raises(RuleViolation) as caught:
        services.create_opportunity(api, "AWS", payload)
    assert caught.value.reason == "BUSINESS_VALIDATION_FAILED"
    assert set(codes(caught)) == {
        "NationalSecurity",
        "Customer.Account.OtherIndustry",
        "Project.OtherCompetitorNames",
        "Project.ExpectedCustomerSpend[0].CurrencyCode",
        "Marketing.UseCases",
        "LifeCycle.TargetCloseDate",
    }


def test_it_needs_a_solution_before_committed(api: Any) -> None:
    payload = complete()
    payload["LifeCycle"]["Stage"] = "Committed"
    with pytest.raises(RuleViolation) as caught:
        services.create_opportunity(api, "AWS", payload)
    assert codes(caught) == {"LifeCycle.Stage": "ACTION_NOT_PERMITTED"}


def test_it_needs_a_reason_for_closed_lost(api: Any) -> None:
    payload = complete()
    payload["LifeCycle"]["Stage"] = "Closed Lost"
    with pytest.raises(RuleViolation) as caught:
        services.create_opportunity(api, "AWS", payload)
    assert codes(caught) == {"LifeCycle.ClosedLostReason": "REQUIRED_FIELD_MISSING"}


def test_it_refuses_review_fields_only_aws_sets(api: Any) -> None:
    payload = complete()
    payload["LifeCycle"]["ReviewStatus"] = "Approved"
    with pytest.raises(RuleViolation):
        services.create_opportunity(api, "AWS", payload)


def test_it_counts_spend_for_aws_without_a_contract_duration(api: Any) -> None:
    payload = complete()
    payload["Project"]["ExpectedCustomerSpend"][0]["TargetCompany"] = "Self"
    opportunity = services.create_opportunity(api, "AWS", payload)
    spend = opportunity.data["Project"]["ExpectedCustomerSpend"][0]
    assert spend["TargetCompany"] == "AWS"


def test_it_starts_the_next_steps_history(api: Any) -> None:
    opportunity = services.create_opportunity(api, "AWS", complete())
    history = opportunity.life_cycle["NextStepsHistory"]
    assert [entry["Value"] for entry in history] == ["Call the buyer"]


def test_it_records_console_creations_but_not_api_ones(api: Any, manager: Any) -> None:
    services.create_opportunity(api, "AWS", complete())
    console = AuditEvent.objects.filter(event_type="AwsConsoleAction")
    assert not console.filter(event_name="CreateOpportunity").exists()
    created = services.create_opportunity(manager, "Sandbox", complete())
    event = console.get(event_name="CreateOpportunity")
    assert event.event_source == "partnercentral-selling.amazonaws.com"
    assert event.event_type == "AwsConsoleAction"
    assert event.record["resources"][0]["ARN"].endswith(
        f":catalog/Sandbox/opportunity/{created.public_id}"
    )
