"""Opportunity Created/Updated become EventBridge envelopes delivered to webhooks."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest

from allyport.access.actor import for_user
from allyport.events import services as events
from allyport.events.envelopes import ENVELOPE_KEYS
from allyport.events.models import Delivery, Event
from allyport.events.tests.conftest import make_webhook
from allyport.marketplace import testing as marketplace
from allyport.pipeline import services as pipeline
from allyport.pipeline.tests.conftest import complete, iam_actor

pytestmark = pytest.mark.django_db


def create(company: Any, catalog: str = "AWS") -> Any:
    return pipeline.create_opportunity(iam_actor(company), catalog, complete())


def test_it_sends_opportunity_created_in_the_eventbridge_envelope(
    lead, receiver, django_capture_on_commit_callbacks
) -> None:
    make_webhook(lead, receiver.url)
    with django_capture_on_commit_callbacks(execute=True):
        opportunity = create(lead.company)
    event = Event.objects.get()
    envelope = event.envelope
    assert set(envelope) == {
        "version", "id", "detail-type", "source", "account", "time", "region", "resources",
        "detail",
    }  # fmt: skip
    assert envelope["version"] == "0"
    assert uuid.UUID(envelope["id"]).version == 4
    assert envelope["detail-type"] == "Opportunity Created"
    assert envelope["source"] == "aws.partnercentral-selling"
    assert envelope["region"] == "us-east-1"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", envelope["time"])
    moment = datetime.strptime(envelope["time"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert abs((datetime.now(UTC) - moment).total_seconds()) < 60
    assert envelope["resources"] == [
        f"arn:aws:partnercentral:us-east-1::catalog/AWS/opportunity/{opportunity.public_id}"
    ]
    assert envelope["detail"] == {
        "schemaVersion": "1",
        "catalog": "AWS",
        "opportunity": {"identifier": opportunity.public_id},
    }
    (received,) = receiver.requests
    assert received.path == "/hooks/allyport"
    assert received.json == envelope
    assert tuple(received.json) == ENVELOPE_KEYS  # EventBridge's order, on PostgreSQL too
    assert received.headers["Content-Type"] == "application/json"
    assert received.headers["X-Allyport-Event-Id"] == envelope["id"]
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("succeeded", 1, 204)


def test_it_sends_opportunity_updated_with_the_linked_account(
    lead, receiver, django_capture_on_commit_callbacks
) -> None:
    link = marketplace.link(lead)
    account = link.account.account_id
    opportunity = create(lead.company, "Sandbox")
    make_webhook(lead, receiver.url)
    with django_capture_on_commit_callbacks(execute=True):
        pipeline.update_opportunity(
            iam_actor(lead.company), "Sandbox", opportunity.public_id, complete(),
            last_modified_date=opportunity.last_modified_date,
        )  # fmt: skip
    (received,) = receiver.requests
    envelope = received.json
    assert envelope["detail-type"] == "Opportunity Updated"
    assert envelope["account"] == account
    assert envelope["resources"] == [
        f"arn:aws:partnercentral:us-east-1:{account}:catalog/Sandbox/opportunity/"
        f"{opportunity.public_id}"
    ]
    assert envelope["detail"]["catalog"] == "Sandbox"
    assert Event.objects.get().catalog == "Sandbox"


def test_it_sends_only_the_event_types_a_webhook_subscribes_to(
    lead, receiver, django_capture_on_commit_callbacks
) -> None:
    make_webhook(lead, receiver.url, "Opportunity Updated")
    with django_capture_on_commit_callbacks(execute=True):
        opportunity = create(lead.company)
    assert receiver.requests == [] and not Event.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        pipeline.update_opportunity(
            iam_actor(lead.company), "AWS", opportunity.public_id, complete(),
            last_modified_date=opportunity.last_modified_date,
        )  # fmt: skip
    assert [r.json["detail-type"] for r in receiver.requests] == ["Opportunity Updated"]


def test_it_sends_nothing_to_deactivated_webhooks(
    lead, receiver, django_capture_on_commit_callbacks
) -> None:
    webhook, _secret = make_webhook(lead, receiver.url)
    events.set_active(for_user(lead), webhook, False)
    with django_capture_on_commit_callbacks(execute=True):
        create(lead.company)
    assert receiver.requests == []
    assert not Delivery.objects.exists() and not Event.objects.exists()


def test_it_sends_nothing_to_other_companies(
    lead, outsider, receiver, django_capture_on_commit_callbacks
) -> None:
    make_webhook(outsider, receiver.url)
    with django_capture_on_commit_callbacks(execute=True):
        create(lead.company)
    assert receiver.requests == [] and not Event.objects.exists()


def test_it_delivers_one_event_to_each_webhook(
    lead, receiver, django_capture_on_commit_callbacks
) -> None:
    make_webhook(lead, receiver.url)
    make_webhook(lead, receiver.url + "?second=1")
    with django_capture_on_commit_callbacks(execute=True):
        create(lead.company)
    assert sorted(r.path for r in receiver.requests) == [
        "/hooks/allyport",
        "/hooks/allyport?second=1",
    ]
    assert len({r.headers["X-Allyport-Event-Id"] for r in receiver.requests}) == 1
    assert Delivery.objects.filter(status="succeeded").count() == 2


def test_it_never_breaks_the_change_that_raised_the_event(
    lead, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    make_webhook(lead, "http://127.0.0.1:9/unused")

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("database is gone")

    monkeypatch.setattr(events, "_store_event", broken)
    with django_capture_on_commit_callbacks(execute=True):
        opportunity = create(lead.company)
    assert opportunity.pk is not None and not Event.objects.exists()
