"""Secrets at rest and shown once; https and the SSRF guard in production mode."""

from __future__ import annotations

import socket
from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse

from allyport.access.actor import for_user
from allyport.audit.models import AuditEvent
from allyport.core import netguard
from allyport.core.encryption import decrypt
from allyport.core.errors import ChangeRefused
from allyport.events import delivery as http
from allyport.events import services, tasks
from allyport.events.models import Delivery, Webhook
from allyport.events.tests.conftest import make_webhook

pytestmark = pytest.mark.django_db

PRODUCTION_RULES = override_settings(
    ALLYPORT_WEBHOOK_REQUIRE_HTTPS=True, ALLYPORT_WEBHOOK_ALLOW_PRIVATE=False
)


def test_it_keeps_the_secret_encrypted_at_rest(lead) -> None:
    webhook, secret = make_webhook(lead, "https://hooks.example.com/in")
    assert secret.startswith("whsec_") and len(secret) > 40
    stored = Webhook.objects.values_list("secret_encrypted", flat=True).get()
    assert secret not in stored and decrypt(stored) == secret
    assert services.secret_of(webhook) == secret
    assert all(secret not in str(record) for record in AuditEvent.objects.values("record"))


def test_it_shows_the_secret_once(lead, client_for) -> None:
    client = client_for(lead)
    response = client.post(
        reverse("webhooks:create"),
        {"url": "https://hooks.example.com/in", "description": "CRM", "scope": "all"},
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    webhook = Webhook.objects.get()
    secret = services.secret_of(webhook)
    assert secret in response.content.decode()
    for url in (reverse("webhooks:list"), reverse("webhooks:detail", args=[webhook.public_id])):
        assert secret not in client.get(url).content.decode()


def test_each_webhook_has_its_own_secret(lead) -> None:
    first = make_webhook(lead, "https://a.example.com/")[1]
    second = make_webhook(lead, "https://b.example.com/")[1]
    assert first != second


@PRODUCTION_RULES
@pytest.mark.parametrize(
    "url",
    [
        "http://hooks.example.com/in",
        "https://127.0.0.1/in",
        "https://localhost:8443/in",
        "https://10.1.2.3/in",
        "https://192.168.0.10/in",
        "https://169.254.169.254/latest/meta-data/",
        "https://[::1]/in",
        "https://[::ffff:127.0.0.1]/in",
        "https://100.64.0.1/in",
        "https://user:pass@hooks.example.com/in",
        "ftp://hooks.example.com/in",
    ],
)
def test_production_refuses_plain_http_and_private_addresses(lead, url: str) -> None:
    assert netguard.url_problem(url)
    with pytest.raises(ChangeRefused) as refused:
        make_webhook(lead, url)
    assert refused.value.field == "url"


@PRODUCTION_RULES
def test_production_accepts_public_https(lead) -> None:
    assert netguard.url_problem("https://hooks.example.com:8443/in?x=1") is None
    assert netguard.url_problem("https://93.184.216.34/in") is None


def test_development_and_tests_allow_a_local_http_server() -> None:
    assert netguard.url_problem("http://127.0.0.1:8000/in") is None
    assert netguard.url_problem("http://localhost/in") is None


@PRODUCTION_RULES
def test_production_refuses_names_that_resolve_to_private_addresses(monkeypatch) -> None:
    answers = {
        "inside.example.com": ["10.0.0.5"],
        "mixed.example.com": ["93.184.216.34", "127.0.0.1"],
        "public.example.com": ["93.184.216.34"],
    }

    def fake_getaddrinfo(host: str, port: int, *args: Any, **kwargs: Any) -> list[Any]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port)) for ip in answers[host]]

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(netguard.UnsafeAddress):
        netguard.resolve("inside.example.com", 443)
    with pytest.raises(netguard.UnsafeAddress):
        netguard.resolve("mixed.example.com", 443)
    assert netguard.resolve("public.example.com", 443) == "93.184.216.34"
    outcome = http.post("https://inside.example.com/in", b"{}", {})
    assert not outcome.ok and outcome.status_code is None
    assert outcome.error == "The address is not allowed."


def test_the_guard_applies_at_delivery_time(lead, receiver) -> None:
    webhook, _secret = make_webhook(lead, receiver.url)  # allowed in test mode
    delivery = services.send_test_event(for_user(lead), webhook)
    with PRODUCTION_RULES:
        assert tasks.attempt(delivery.pk) == Delivery.PENDING
    delivery.refresh_from_db()
    assert receiver.requests == [] and delivery.last_error


def test_redirects_are_not_followed(lead, receiver) -> None:
    receiver.status = 302
    webhook, _secret = make_webhook(lead, receiver.url)
    delivery = services.send_test_event(for_user(lead), webhook)
    tasks.attempt(delivery.pk)
    delivery.refresh_from_db()
    assert delivery.last_status_code == 302 and delivery.status == Delivery.PENDING
    assert len(receiver.requests) == 1


@PRODUCTION_RULES
def test_the_form_shows_the_reason_next_to_the_url(lead, client_for) -> None:
    response = client_for(lead).post(
        reverse("webhooks:create"), {"url": "https://127.0.0.1/in", "scope": "all"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "private and loopback addresses are not allowed" in body
    assert not Webhook.objects.exists()
