"""A benefit application's status changes reach the company's webhooks as
EventBridge-shaped events of source aws.partnercentral-benefits."""

from __future__ import annotations

from typing import Any

import pytest

from allyport.access import actor as actors
from allyport.events.benefit_envelopes import SOURCE, STATUS_CHANGED
from allyport.events.models import Event
from allyport.events.tests.conftest import make_webhook
from allyport.funding.selectors import application_arn
from allyport.funding.services import lifecycle
from allyport.funding.tests.conftest import draft, make_benefit
from allyport.marketplace import testing as marketplace

pytestmark = pytest.mark.django_db


def test_each_status_change_is_delivered(
    lead: Any, receiver: Any, django_capture_on_commit_callbacks: Any
) -> None:
    account = marketplace.link(lead).account.account_id
    make_webhook(lead, receiver.url, STATUS_CHANGED)
    member = actors.for_user(lead)
    with django_capture_on_commit_callbacks(execute=True):
        made = draft(member, make_benefit())
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.submit_application(member, "AWS", made.public_id)
    first, second = (r.json for r in receiver.requests)
    assert (first["source"], first["detail-type"], first["account"]) == (
        SOURCE, STATUS_CHANGED, account,
    )  # fmt: skip
    assert first["resources"] == [application_arn(made)]
    assert first["detail"]["benefitApplication"]["status"] == "PENDING_SUBMISSION"
    assert first["detail"]["benefitApplication"]["previousStatus"] is None
    assert second["detail"] == {
        "schemaVersion": "1",
        "catalog": "AWS",
        "benefitApplication": {
            "id": made.public_id, "arn": application_arn(made),
            "benefitId": made.benefit.public_id, "status": "IN_REVIEW",
            "previousStatus": "PENDING_SUBMISSION", "stage": "Review",
        },
    }  # fmt: skip


def test_an_update_without_a_status_change_raises_nothing(
    lead: Any, receiver: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from allyport.funding.services import applications

    make_webhook(lead, receiver.url)
    member = actors.for_user(lead)
    made = draft(member, make_benefit())
    with django_capture_on_commit_callbacks(execute=True):
        applications.update_application(member, "AWS", made.public_id, "1", {"Name": "New"})
    assert not Event.objects.filter(envelope__source=SOURCE).exists()
    assert receiver.requests == []
