"""ACE managers hear by email when a referral or lead is shared with their company and
when an opportunity enters Action Required — once, after the change commits."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.db import transaction

from allyport.access.actor import system
from allyport.accounts.models import User
from allyport.pipeline import services
from allyport.pipeline.leads.referrals import record_review
from allyport.pipeline.tests.conftest import complete, iam_actor, make_solution
from allyport.pipeline.tests.engagement_fixtures import LEAD, share
from allyport.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def managers(company: Any) -> list[User]:
    active = [make_user(company, "ace_manager") for _ in range(2)]
    gone = make_user(company, "ace_manager")
    gone.is_active = False
    gone.save()
    make_user(company, "ace_user")
    return active


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_ace_managers_hear_of_a_shared_referral(
    company: Any, managers: list[User], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        invitation = share(company)
    assert recipients() == sorted(user.email for user in managers)
    message = mail.outbox[0]
    assert "AWS shared an opportunity referral with you" in message.subject
    assert "Example Corp" in message.body and "Data lake migration" in message.body
    assert f"/market/leads/{invitation.public_id}/" in message.body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        share(company, LEAD, catalog="Sandbox")
    assert "shared a lead" in mail.outbox[0].subject
    assert "?catalog=Sandbox" in mail.outbox[0].body


def test_nothing_is_sent_for_a_referral_that_rolls_back(
    company: Any, managers: list[User], django_capture_on_commit_callbacks: Any
) -> None:
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        share(company)
        raise RuntimeError("rolled back")
    assert mail.outbox == []


def test_another_companys_managers_hear_nothing(
    company: Any, outsider: Any, managers: list[User], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        share(outsider.company)
    assert mail.outbox == []


def _submitted(company: Any, catalog: str = "AWS") -> Any:
    api = iam_actor(company)
    opportunity = services.create_opportunity(api, catalog, complete())
    services.associate_opportunity(
        api, catalog, opportunity.public_id, "Solutions", make_solution(company, catalog).public_id
    )
    return services.submit_opportunity(api, catalog, opportunity.public_id, "Co-Sell")


def test_ace_managers_hear_once_when_an_opportunity_needs_action(
    company: Any, managers: list[User], django_capture_on_commit_callbacks: Any
) -> None:
    opportunity = _submitted(company)
    with django_capture_on_commit_callbacks(execute=True):
        services.set_review_status(system(), opportunity, "In review")
        assert mail.outbox == []
        record_review(
            system(), opportunity, "Action Required",
            reason="Customer website is missing", comments="Add the website.",
        )  # fmt: skip
    assert recipients() == sorted(user.email for user in managers)
    message = mail.outbox[0]
    assert f"Opportunity {opportunity.public_id} needs action" in message.subject
    assert "Customer website is missing" in message.body and "Add the website." in message.body
    mail.outbox.clear()
    # Still Action Required after another change (an association): no second email.
    with django_capture_on_commit_callbacks(execute=True):
        services.associate_opportunity(
            iam_actor(company), "AWS", opportunity.public_id, "AwsProducts", "AmazonS3"
        )
    assert mail.outbox == []


def test_a_sandbox_simulation_of_action_required_notifies_too(
    company: Any, managers: list[User], django_capture_on_commit_callbacks: Any
) -> None:
    opportunity = _submitted(company, "Sandbox")
    payload = {key: value for key, value in opportunity.data.items() if key != "Origin"}
    payload["LifeCycle"] = {
        **payload["LifeCycle"],
        "ReviewStatus": "Action Required",
        "ReviewStatusReason": "Simulated",
    }
    with django_capture_on_commit_callbacks(execute=True):
        services.update_opportunity(
            iam_actor(company), "Sandbox", opportunity.public_id, payload,
            last_modified_date=opportunity.last_modified_date,
        )  # fmt: skip
    assert len(mail.outbox) == len(managers)
