"""SubmitOpportunity (complete details, once) and AssignOpportunity (transfers)."""

from __future__ import annotations

from typing import Any

import pytest

from allyport.accounts.models import User
from allyport.audit.models import AuditEvent
from allyport.core.errors import NotFound, RuleViolation
from allyport.pipeline import services
from allyport.pipeline.tests.conftest import complete, make_solution, member_actor

pytestmark = pytest.mark.django_db


def with_solution(api: Any, payload: dict[str, Any] | None = None) -> Any:
    opportunity = services.create_opportunity(
        api, "AWS", complete() if payload is None else payload
    )
    solution = make_solution(opportunity.company)
    services.associate_opportunity(
        api, "AWS", opportunity.public_id, "Solutions", solution.public_id
    )
    return opportunity


def fields(caught: Any) -> set[str]:
    return {error.field for error in caught.value.errors}


def test_it_submits_a_complete_opportunity(api: Any) -> None:
    opportunity = with_solution(api)
    submitted = services.submit_opportunity(api, "AWS", opportunity.public_id, "Co-Sell", "Limited")
    assert submitted.review_status == "Submitted"
    assert (submitted.involvement_type, submitted.visibility) == ("Co-Sell", "Limited")
    assert submitted.last_modified_date > opportunity.last_modified_date


def test_it_lists_everything_missing_for_submission(api: Any) -> None:
    opportunity = services.create_opportunity(
        api, "AWS", {"Customer": {"Account": {"CompanyName": "X"}}}
    )
    with pytest.raises(RuleViolation) as caught:
        services.submit_opportunity(api, "AWS", opportunity.public_id, "Co-Sell")
    assert {
        "Customer.Account.Industry",
        "Customer.Account.WebsiteUrl",
        "Customer.Account.Address.CountryCode",
        "Project.Title",
        "Project.CustomerBusinessProblem",
        "Project.ExpectedCustomerSpend",
        "Project.DeliveryModels",
        "Project.SalesActivities",
        "PrimaryNeedsFromAws",
        "LifeCycle.Stage",
        "LifeCycle.TargetCloseDate",
        "OpportunityType",
        "RelatedEntityIdentifiers.Solutions",
    } == fields(caught)
    assert {error.code for error in caught.value.errors} == {"REQUIRED_FIELD_MISSING"}


def test_it_needs_less_for_visibility_only(api: Any) -> None:
    payload = complete()
    del payload["PrimaryNeedsFromAws"], payload["Project"]["SalesActivities"]
    opportunity = with_solution(api, payload)
    services.submit_opportunity(api, "AWS", opportunity.public_id, "For Visibility Only")


def test_it_submits_only_once(api: Any) -> None:
    opportunity = with_solution(api)
    services.submit_opportunity(api, "AWS", opportunity.public_id, "Co-Sell")
    with pytest.raises(RuleViolation) as caught:
        services.submit_opportunity(api, "AWS", opportunity.public_id, "Co-Sell")
    assert caught.value.errors[0].code == "INVALID_RESOURCE_STATE"


def test_it_refuses_an_unknown_involvement_type(api: Any) -> None:
    opportunity = with_solution(api)
    with pytest.raises(RuleViolation):
        services.submit_opportunity(api, "AWS", opportunity.public_id, "Co-sell")


def test_it_transfers_ownership_to_an_active_ace_member(
    company: Any, ace: Any, manager: Any
) -> None:
    user, actor = ace
    colleague, colleague_actor = member_actor(company, "ace_user")
    opportunity = services.create_opportunity(actor, "AWS", complete())
    assignee = services.assignee_of(colleague)
    services.assign_opportunity(actor, "AWS", opportunity.public_id, assignee)
    opportunity.refresh_from_db()
    assert opportunity.owner == colleague
    team = opportunity.data["OpportunityTeam"]
    assert [member["Email"] for member in team] == [colleague.email]
    with pytest.raises(NotFound):
        services.get_opportunity(actor, "AWS", opportunity.public_id)
    assert services.get_opportunity(colleague_actor, "AWS", opportunity.public_id)
    assert AuditEvent.objects.filter(event_name="AssignOpportunity").count() == 1


def test_it_assigns_api_opportunities_by_email(api: Any, company: Any) -> None:
    colleague, _actor = member_actor(company, "ace_manager")
    opportunity = services.create_opportunity(api, "AWS", complete())
    assignee = {"Email": colleague.email.upper(), "FirstName": "A", "LastName": "B",
                "BusinessTitle": "PartnerAccountManager"}  # fmt: skip
    services.assign_opportunity(api, "AWS", opportunity.public_id, assignee)
    opportunity.refresh_from_db()
    assert opportunity.owner == colleague
    assert opportunity.data["OpportunityTeam"][0]["BusinessTitle"] == "PartnerAccountManager"


@pytest.mark.parametrize("case", ["unknown", "outsider", "deactivated", "no ace role"])
def test_it_refuses_assignees_who_cannot_own(
    api: Any, company: Any, outsider: Any, case: str
) -> None:
    opportunity = services.create_opportunity(api, "AWS", complete())
    emails = {"unknown": "nobody@octank.example", "outsider": outsider.email}
    if case == "deactivated":
        user, _ = member_actor(company, "ace_user")
        User.objects.filter(pk=user.pk).update(status=User.Status.DEACTIVATED, is_active=False)
        emails[case] = user.email
    if case == "no ace role":
        emails[case] = member_actor(company, "standard_user")[0].email
    assignee = {"Email": emails[case], "FirstName": "A", "LastName": "B", "BusinessTitle": "x"}
    with pytest.raises(RuleViolation) as caught:
        services.assign_opportunity(api, "AWS", opportunity.public_id, assignee)
    assert caught.value.errors[0].field == "Assignee.Email"
