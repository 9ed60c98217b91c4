"""UpdateOpportunity's service: full replacement, optimistic concurrency, what each
review status lets partners change, and Sandbox review simulation."""

from __future__ import annotations

import copy
from datetime import timedelta
from typing import Any

import pytest

from allyport.access.actor import system
from allyport.core.errors import Conflict, RuleViolation
from allyport.pipeline import services
from allyport.pipeline.models import Opportunity
from allyport.pipeline.tests.conftest import complete, make_solution

pytestmark = pytest.mark.django_db


def editable_view(opportunity: Opportunity) -> dict[str, Any]:
    """What a client sends back after GetOpportunity."""
    view = services.opportunity_view(opportunity, "123456789012")
    for key in ("Id", "Arn", "CreatedDate", "RelatedEntityIdentifiers", "OpportunityTeam"):
        view.pop(key, None)
    return view


def update(actor: Any, opportunity: Opportunity, payload: dict[str, Any]) -> Opportunity:
    return services.update_opportunity(
        actor,
        opportunity.catalog,
        opportunity.public_id,
        payload,
        last_modified_date=opportunity.last_modified_date,
    )


def submitted(api: Any, catalog: str = "AWS") -> Opportunity:
    opportunity = services.create_opportunity(api, catalog, complete())
    solution = make_solution(opportunity.company, catalog)
    services.associate_opportunity(
        api, catalog, opportunity.public_id, "Solutions", solution.public_id
    )
    return services.submit_opportunity(api, catalog, opportunity.public_id, "Co-Sell")


def test_it_replaces_the_whole_record_keeping_origin_and_team(api: Any) -> None:
    payload = complete(OpportunityTeam=[{"Email": "rep@company.example", "FirstName": "Rep"}])
    opportunity = services.create_opportunity(api, "AWS", payload)
    updated = update(api, opportunity, {"Customer": {"Account": {"CompanyName": "New Corp"}}})
    assert updated.data["Customer"] == {"Account": {"CompanyName": "New Corp"}}
    assert "Project" not in updated.data
    assert updated.stage == ""
    assert updated.data["Origin"] == "Partner Referral"
    assert updated.data["OpportunityTeam"][0]["Email"] == "rep@company.example"
    assert updated.review_status == "Pending Submission"
    assert updated.customer_company_name == "New Corp"


def test_it_refuses_a_stale_last_modified_date(api: Any) -> None:
    opportunity = services.create_opportunity(api, "AWS", complete())
    stale = opportunity.last_modified_date
    update(api, opportunity, complete())
    with pytest.raises(Conflict):
        services.update_opportunity(
            api, "AWS", opportunity.public_id, complete(), last_modified_date=stale
        )
    with pytest.raises(Conflict):
        services.update_opportunity(
            api, "AWS", opportunity.public_id, complete(), last_modified_date=stale + timedelta(1)
        )


def test_it_moves_last_modified_date_strictly_forward(api: Any) -> None:
    opportunity = services.create_opportunity(api, "AWS", complete())
    first = opportunity.last_modified_date
    for _ in range(3):
        opportunity = update(api, opportunity, complete())
    assert opportunity.last_modified_date >= first + timedelta(milliseconds=3)


def test_it_accepts_what_get_returned_unchanged(api: Any) -> None:
    opportunity = services.create_opportunity(api, "AWS", complete())
    updated = update(api, opportunity, editable_view(opportunity))
    assert updated.data == opportunity.data


def test_it_appends_changed_next_steps_to_the_history(api: Any) -> None:
    opportunity = services.create_opportunity(api, "AWS", complete())
    payload = complete()
    payload["LifeCycle"]["NextSteps"] = "Send the proposal"
    updated = update(api, opportunity, payload)
    history = updated.life_cycle["NextStepsHistory"]
    assert [entry["Value"] for entry in history] == ["Call the buyer", "Send the proposal"]
    again = update(api, updated, payload)
    assert len(again.life_cycle["NextStepsHistory"]) == 2


def test_it_keeps_a_past_target_close_date_that_did_not_change(api: Any) -> None:
    opportunity = services.create_opportunity(api, "AWS", complete())
    Opportunity.objects.filter(pk=opportunity.pk).update(
        data={**opportunity.data, "LifeCycle": {"TargetCloseDate": "2020-01-01"}}
    )
    opportunity.refresh_from_db()
    update(api, opportunity, {"LifeCycle": {"TargetCloseDate": "2020-01-01"}})


def test_it_keeps_submitted_opportunities_read_only(api: Any) -> None:
    opportunity = submitted(api)
    with pytest.raises(RuleViolation) as caught:
        update(api, opportunity, editable_view(opportunity))
    assert caught.value.errors[0].code == "INVALID_RESOURCE_STATE"


def test_it_refuses_partners_setting_the_review_status_in_aws(api: Any) -> None:
    opportunity = submitted(api)
    payload = editable_view(opportunity)
    payload["LifeCycle"]["ReviewStatus"] = "Approved"
    with pytest.raises(RuleViolation) as caught:
        update(api, opportunity, payload)
    assert caught.value.errors[0].code == "ACTION_NOT_PERMITTED"


def test_it_lets_sandbox_callers_simulate_the_review(api: Any) -> None:
    opportunity = submitted(api, "Sandbox")
    payload = editable_view(opportunity)
    payload["LifeCycle"]["ReviewStatus"] = "Approved"
    approved = update(api, opportunity, payload)
    assert approved.review_status == "Approved"
    payload = copy.deepcopy(editable_view(approved))
    payload["LifeCycle"]["Stage"] = "Committed"
    assert update(api, approved, payload).stage == "Committed"


def test_it_refuses_field_changes_with_a_simulated_outcome_while_read_only(api: Any) -> None:
    opportunity = submitted(api, "Sandbox")
    payload = editable_view(opportunity)
    payload["LifeCycle"].update(ReviewStatus="Approved", Stage="Committed")
    with pytest.raises(RuleViolation) as caught:
        update(api, opportunity, payload)
    assert [error.field for error in caught.value.errors] == ["LifeCycle.Stage"]


def test_it_needs_a_reason_for_action_required(api: Any) -> None:
    opportunity = submitted(api, "Sandbox")
    payload = editable_view(opportunity)
    payload["LifeCycle"]["ReviewStatus"] = "Action Required"
    with pytest.raises(RuleViolation):
        update(api, opportunity, payload)


def action_required(api: Any) -> Opportunity:
    opportunity = submitted(api)
    return services.set_review_status(
        system(), opportunity, "Action Required", reason="Missing details", comments="Fix it"
    )


def test_it_allows_only_the_listed_fields_while_action_is_required(api: Any) -> None:
    opportunity = action_required(api)
    payload = editable_view(opportunity)
    payload["Project"]["Title"] = "Another title"
    payload["Project"]["CustomerBusinessProblem"] = "A clearer business problem, now."
    payload["Customer"]["Account"]["Address"]["City"] = "Portland"
    with pytest.raises(RuleViolation) as caught:
        update(api, opportunity, payload)
    assert [error.field for error in caught.value.errors] == ["Project.Title"]


def test_it_returns_to_review_after_action_required_is_answered(api: Any) -> None:
    opportunity = action_required(api)
    payload = editable_view(opportunity)
    payload["Project"]["ExpectedCustomerSpend"][0]["Amount"] = "3000"
    payload["PartnerOpportunityIdentifier"] = "crm-2"
    updated = update(api, opportunity, payload)
    assert updated.review_status == "Submitted"
    assert updated.partner_opportunity_identifier == "crm-2"


def test_it_keeps_rejected_opportunities_read_only(api: Any) -> None:
    opportunity = submitted(api)
    rejected = services.set_review_status(system(), opportunity, "Rejected", reason="Duplicate")
    with pytest.raises(RuleViolation):
        update(api, rejected, editable_view(rejected))


def test_it_lets_approved_opportunities_change_freely(api: Any) -> None:
    opportunity = services.set_review_status(system(), submitted(api), "Approved")
    payload = editable_view(opportunity)
    payload["Project"]["Title"] = "Phase two"
    assert update(api, opportunity, payload).title == "Phase two"


def test_it_lets_only_staff_record_reviews(api: Any, manager: Any) -> None:
    from allyport.access.decisions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.set_review_status(manager, submitted(api), "Approved")
