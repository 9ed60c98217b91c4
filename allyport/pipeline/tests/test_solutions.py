"""Solutions (offerings): the Offerings services and ListSolutions' filters and pages;
and GetAwsOpportunitySummary's service."""

from __future__ import annotations

from typing import Any

import pytest

from allyport.access.decisions import PermissionDenied
from allyport.core.errors import NotFound, RuleViolation
from allyport.pipeline import services
from allyport.pipeline.tests.conftest import complete, iam_actor, make_solution, member_actor
from allyport.shapes.selling import enum

pytestmark = pytest.mark.django_db


def ids(page: Any) -> list[str]:
    return [solution.public_id for solution in page.items]


def test_it_lets_offering_managers_create_and_deactivate_offerings(company: Any) -> None:
    _user, actor = member_actor(company, "marketing_staff")
    created = services.create_solution(
        actor, "AWS", {"name": "Octank Analytics", "category": "Software Product"}
    )
    assert created.public_id.startswith("S-") and len(created.public_id) == 9
    assert created.status == "Draft"
    active = services.update_solution(actor, "AWS", created.public_id, {"status": "Active"})
    assert (active.name, active.status) == ("Octank Analytics", "Active")


def test_it_refuses_offerings_to_members_without_the_right(company: Any) -> None:
    _user, actor = member_actor(company, "ace_user")
    with pytest.raises(PermissionDenied):
        services.create_solution(actor, "AWS", {"name": "X", "category": "Software Product"})


def test_it_lists_every_bad_offering_field(company: Any) -> None:
    _user, actor = member_actor(company, "technical_staff")
    with pytest.raises(RuleViolation) as caught:
        services.create_solution(actor, "AWS", {"name": "", "status": "Live"})
    assert {e.field for e in caught.value.errors} == {"Name", "Category", "Status"}


def test_it_lists_solutions_with_filters_and_pages(company: Any, api: Any) -> None:
    made = [make_solution(company, status=s) for s in ("Active", "Active", "Draft", "Inactive")]
    make_solution(company, "Sandbox")
    every = ids(services.list_solutions(api, "AWS", {}))
    assert every == sorted((s.public_id for s in made), reverse=True)
    active = services.list_solutions(api, "AWS", {"Status": ["Active"]})
    assert set(ids(active)) == {made[0].public_id, made[1].public_id}
    first = services.list_solutions(api, "AWS", {"MaxResults": 3})
    rest = services.list_solutions(api, "AWS", {"MaxResults": 3, "NextToken": first.next_token})
    assert ids(first) + ids(rest) == every and rest.next_token is None
    by_name = {"Sort": {"SortBy": "Name", "SortOrder": "ASCENDING"}}
    assert len(ids(services.list_solutions(api, "AWS", by_name))) == 4


def test_it_hides_another_companys_solutions(company: Any, outsider: Any) -> None:
    theirs = make_solution(outsider.company)
    with pytest.raises(NotFound):
        services.find_solution(iam_actor(company), "AWS", theirs.public_id)
    assert ids(services.list_solutions(iam_actor(company), "AWS", {})) == []


def test_it_has_no_aws_summary_before_submission(api: Any) -> None:
    opportunity = services.create_opportunity(api, "AWS", complete())
    with pytest.raises(NotFound):
        services.get_aws_opportunity_summary(api, "AWS", opportunity.public_id)


def test_it_summarises_what_aws_received(api: Any, company: Any) -> None:
    opportunity = services.create_opportunity(api, "AWS", complete())
    solution = make_solution(company)
    services.associate_opportunity(
        api, "AWS", opportunity.public_id, "Solutions", solution.public_id
    )
    services.submit_opportunity(api, "AWS", opportunity.public_id, "Co-Sell")
    summary = services.get_aws_opportunity_summary(api, "AWS", opportunity.public_id)
    assert summary["RelatedOpportunityId"] == opportunity.public_id
    assert (summary["InvolvementType"], summary["Visibility"]) == ("Co-Sell", "Full")
    assert summary["Origin"] == "Partner Referral"
    assert summary["LifeCycle"]["Stage"] == "Qualified"
    assert summary["RelatedEntityIds"] == {"Solutions": [solution.public_id]}
    assert summary["Customer"]["Contacts"][0]["Email"] == "buyer@example.com"
    assert summary["Project"]["ExpectedCustomerSpend"][0]["Amount"] == "2000"


def test_it_summarises_sandbox_aws_referrals_at_once(api: Any) -> None:
    referral = services.create_opportunity(api, "Sandbox", {"Origin": "AWS Referral"})
    summary = services.get_aws_opportunity_summary(api, "Sandbox", referral.public_id)
    assert summary["Origin"] == "AWS Referral"


@pytest.mark.parametrize(
    ("constant", "shape"),
    [("STAGES", "Stage"), ("REVIEW_STATUSES", "ReviewStatus"),
     ("INVOLVEMENT_TYPES", "SalesInvolvementType"), ("VISIBILITIES", "Visibility")],
)  # fmt: skip
def test_it_reads_the_enums_from_the_installed_model(constant: str, shape: str) -> None:
    from allyport.pipeline.opportunities import review
    from allyport.shapes import selling as shapes

    assert getattr(shapes, constant) == enum(shape)
    assert set(review.OUTCOMES) <= set(shapes.REVIEW_STATUSES)
    assert "Pending Submission" in shapes.REVIEW_STATUSES
