"""The Webhooks pages: the trio for each, Create webhook, activate and deactivate,
Delete with confirm, Send test event, the paginated delivery log, the audit trail."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from allyport.access.actor import for_user
from allyport.access.decisions import authorize
from allyport.audit.models import AuditEvent
from allyport.events import services
from allyport.events.models import Delivery, Event, Webhook
from allyport.events.tests.conftest import make_webhook
from allyport.testing import make_user

pytestmark = pytest.mark.django_db

PAGES = [  # (name, method, needs a webhook)
    ("webhooks:list", "get", False),
    ("webhooks:create", "get", False),
    ("webhooks:create", "post", False),
    ("webhooks:detail", "get", True),
    ("webhooks:status", "post", True),
    ("webhooks:test", "post", True),
    ("webhooks:delete", "get", True),
    ("webhooks:delete", "post", True),
]


def url_of(name: str, webhook: Webhook | None) -> str:
    return reverse(name, args=[webhook.public_id] if webhook else [])


@pytest.fixture
def webhook(lead) -> Webhook:
    return make_webhook(lead, "https://hooks.example.com/in")[0]


@pytest.mark.parametrize(("name", "method", "needs_webhook"), PAGES)
def test_it_requires_sign_in(client, webhook, name, method, needs_webhook) -> None:
    url = url_of(name, webhook if needs_webhook else None)
    response = getattr(client, method)(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(("name", "method"), [(n, m) for n, m, needs in PAGES if needs])
def test_it_hides_another_companys_webhook(outsider, webhook, client_for, name, method) -> None:
    response = getattr(client_for(outsider), method)(url_of(name, webhook), {"confirm": "confirm"})
    assert response.status_code == 404
    webhook.refresh_from_db()
    assert webhook.is_active and not Delivery.objects.exists()


@pytest.mark.parametrize(("name", "method", "needs_webhook"), PAGES)
def test_it_refuses_members_without_the_role(
    member, webhook, client_for, name, method, needs_webhook
) -> None:
    url = url_of(name, webhook if needs_webhook else None)
    response = getattr(client_for(member), method)(url, {"confirm": "confirm"})
    assert response.status_code == 403
    assert "alliance lead or alliance team" in response.content.decode()
    assert Webhook.objects.count() == 1 and Webhook.objects.get().is_active


def test_the_right_belongs_to_the_alliance_lead_and_team(lead, member) -> None:
    team = make_user(lead.company, "alliance_team")
    ace = make_user(lead.company, "ace_manager")
    assert authorize(for_user(lead), "manage_webhooks")
    assert authorize(for_user(team), "manage_webhooks")
    assert not authorize(for_user(member), "manage_webhooks")
    assert not authorize(for_user(ace), "manage_webhooks")


def test_the_alliance_team_creates_a_webhook_for_chosen_events(lead, client_for) -> None:
    team = make_user(lead.company, "alliance_team")
    response = client_for(team).post(
        reverse("webhooks:create"),
        {
            "url": "https://hooks.example.com/in",
            "description": "CRM sync",
            "scope": "selected",
            "event_types": ["Opportunity Updated", "Opportunity Created"],
        },
    )
    assert response.status_code == 200
    webhook = Webhook.objects.get()
    assert webhook.company == lead.company and webhook.created_by == team
    assert webhook.event_types == ["Opportunity Created", "Opportunity Updated"]
    assert webhook.description == "CRM sync" and webhook.is_active
    record = AuditEvent.objects.get(event_name="CreateWebhook").record
    assert record["requestParameters"]["url"] == "https://hooks.example.com/in"
    assert record["responseElements"] == {"webhookId": webhook.public_id}


def test_it_shows_every_error_next_to_its_field(lead, client_for) -> None:
    response = client_for(lead).post(
        reverse("webhooks:create"),
        {"url": "not a url", "scope": "selected", "event_types": ["Nonsense"]},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid URL." in body
    assert "Select a valid choice." in body
    assert not Webhook.objects.exists()
    response = client_for(lead).post(
        reverse("webhooks:create"), {"url": "https://hooks.example.com/", "scope": "selected"}
    )
    assert "Choose at least one event type." in response.content.decode()


def test_it_lists_the_companys_webhooks_only(lead, outsider, webhook, client_for) -> None:
    make_webhook(outsider, "https://elsewhere.example.com/in")
    body = client_for(lead).get(reverse("webhooks:list")).content.decode()
    assert "https://hooks.example.com/in" in body and "elsewhere" not in body
    assert "Create webhook" in body


def test_it_deactivates_and_activates(lead, webhook, client_for) -> None:
    client = client_for(lead)
    url = reverse("webhooks:status", args=[webhook.public_id])
    response = client.post(url, {"active": "0"})
    assert response.status_code == 302
    webhook.refresh_from_db()
    assert not webhook.is_active
    assert "Activate" in client.get(response["Location"]).content.decode()
    client.post(url, {"active": "1"})
    webhook.refresh_from_db()
    assert webhook.is_active
    names = list(AuditEvent.objects.values_list("event_name", flat=True).order_by("event_time"))
    assert names[-2:] == ["DeactivateWebhook", "ActivateWebhook"]


def test_it_deletes_only_with_confirm(lead, webhook, client_for) -> None:
    client = client_for(lead)
    url = reverse("webhooks:delete", args=[webhook.public_id])
    response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 200
    assert "Type &quot;confirm&quot; to continue." in response.content.decode()
    assert Webhook.objects.exists()
    response = client.post(url, {"confirm": "confirm"})
    assert response.status_code == 302 and response["Location"] == reverse("webhooks:list")
    assert not Webhook.objects.exists()
    assert AuditEvent.objects.filter(event_name="DeleteWebhook").exists()


def test_send_test_event_shows_in_the_delivery_log(
    lead, receiver, client_for, django_capture_on_commit_callbacks
) -> None:
    webhook, _secret = make_webhook(lead, receiver.url)
    client = client_for(lead)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("webhooks:test", args=[webhook.public_id]))
    assert response.status_code == 302
    assert len(receiver.requests) == 1
    body = client.get(response["Location"]).content.decode()
    assert "Webhook Test" in body and "Succeeded" in body and "204" in body
    assert AuditEvent.objects.filter(event_name="TestWebhook").exists()


def test_send_test_event_refuses_an_inactive_webhook(lead, webhook, client_for) -> None:
    services.set_active(for_user(lead), webhook, False)
    client = client_for(lead)
    response = client.post(reverse("webhooks:test", args=[webhook.public_id]), follow=True)
    assert "Activate the webhook before sending a test event." in response.content.decode()
    assert not Delivery.objects.exists()


def _log(webhook: Webhook, count: int) -> None:
    envelope = {"id": "", "detail-type": "Opportunity Updated"}
    for n in range(count):
        event = Event.objects.create(
            event_id=f"00000000-0000-4000-8000-{n:012d}", company=webhook.company,
            detail_type="Opportunity Updated", envelope=envelope,
        )  # fmt: skip
        Delivery.objects.create(
            webhook=webhook, event=event, attempts=3, status=Delivery.FAILED,
            last_status_code=500, last_error=f"HTTP 500 number {n}",
        )  # fmt: skip


def test_the_delivery_log_is_paginated(lead, webhook, client_for) -> None:
    _log(webhook, 55)
    client = client_for(lead)
    url = reverse("webhooks:detail", args=[webhook.public_id])
    first = client.get(url).content.decode()
    assert "55 deliveries" in first and "Page 1 of 2" in first
    assert first.count("HTTP 500 number") == 50
    second = client.get(url, {"page": "2"}).content.decode()
    assert second.count("HTTP 500 number") == 5
    assert client.get(url, {"page": "nonsense"}).status_code == 200


def test_the_delivery_log_query_count_does_not_grow(
    lead, webhook, client_for, django_assert_max_num_queries: Any
) -> None:
    _log(webhook, 50)
    client = client_for(lead)
    url = reverse("webhooks:detail", args=[webhook.public_id])
    client.get(url)
    with django_assert_max_num_queries(12):
        client.get(url)
