"""The delivery task: signature, success, retries with backoff, giving up, never raising."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from datetime import timedelta
from typing import Any

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks import default_task_backend

from allyport.access.actor import for_user
from allyport.events import delivery as http
from allyport.events import services, tasks
from allyport.events.models import Delivery
from allyport.events.tests.conftest import make_webhook

pytestmark = pytest.mark.django_db

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def send_test(lead: Any, webhook: Any, capture: Any) -> Delivery:
    with capture(execute=True):
        delivery = services.send_test_event(for_user(lead), webhook)
    delivery.refresh_from_db()
    return delivery


def test_it_signs_each_request_so_a_receiver_can_verify_it(
    lead, receiver, django_capture_on_commit_callbacks
) -> None:
    webhook, secret = make_webhook(lead, receiver.url)
    send_test(lead, webhook, django_capture_on_commit_callbacks)
    (received,) = receiver.requests
    timestamp = received.headers["X-Allyport-Timestamp"]
    assert abs(int(timestamp) - time.time()) < 60
    # What a receiver does: HMAC-SHA256 of "<timestamp>.<raw body>" with the secret.
    expected = hmac.new(
        secret.encode(), timestamp.encode() + b"." + received.body, hashlib.sha256
    ).hexdigest()
    signature = received.headers["X-Allyport-Signature"]
    assert hmac.compare_digest(signature, "sha256=" + expected)
    wrong = hmac.new(b"whsec_other", timestamp.encode() + b"." + received.body, hashlib.sha256)
    assert signature != "sha256=" + wrong.hexdigest()
    assert received.json["detail-type"] == "Webhook Test"
    assert received.json["detail"]["webhookId"] == webhook.public_id


def test_it_records_success_in_the_delivery_log(
    lead, receiver, django_capture_on_commit_callbacks
) -> None:
    receiver.status = 202
    webhook, _secret = make_webhook(lead, receiver.url)
    delivery = send_test(lead, webhook, django_capture_on_commit_callbacks)
    assert delivery.status == Delivery.SUCCEEDED
    assert (delivery.attempts, delivery.last_status_code, delivery.last_error) == (1, 202, "")
    assert delivery.next_attempt_at is None


def test_it_retries_a_failing_endpoint_with_backoff_then_gives_up(
    lead, receiver, django_capture_on_commit_callbacks
) -> None:
    receiver.status = 500
    webhook, _secret = make_webhook(lead, receiver.url)
    delivery = send_test(lead, webhook, django_capture_on_commit_callbacks)
    waits = [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30),
             timedelta(hours=2), timedelta(hours=6)]  # fmt: skip
    for attempt, wait in enumerate(waits, start=1):
        assert (delivery.status, delivery.attempts) == (Delivery.PENDING, attempt)
        assert delivery.last_status_code == 500
        assert delivery.last_error.startswith("HTTP 500")
        expected = delivery.updated_at + wait
        assert abs((delivery.next_attempt_at - expected).total_seconds()) < 1
        # The worker runs the queued retry at its time; the immediate backend cannot wait.
        assert tasks.attempt(delivery.pk) in {Delivery.PENDING, Delivery.FAILED}
        delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Delivery.FAILED, 6)
    assert delivery.next_attempt_at is None
    assert len(receiver.requests) == 6
    assert tasks.attempt(delivery.pk) == Delivery.FAILED  # a stray job posts nothing
    assert len(receiver.requests) == 6


@override_settings(TASKS=DUMMY_TASKS)
def test_it_queues_the_retry_with_run_after(
    lead, receiver, django_capture_on_commit_callbacks
) -> None:
    receiver.status = 503
    webhook, _secret = make_webhook(lead, receiver.url)
    with django_capture_on_commit_callbacks(execute=True):
        delivery = services.send_test_event(for_user(lead), webhook)
    backend = default_task_backend
    (queued,) = backend.results  # type: ignore[attr-defined]
    assert queued.task.run_after is None and queued.args == [delivery.pk]
    before = timezone.now()
    tasks.deliver_event.call(delivery.pk)
    retry = backend.results[-1]  # type: ignore[attr-defined]
    assert retry.args == [delivery.pk]
    assert retry.task.func is tasks.deliver_event.func
    wait = (retry.task.run_after - before).total_seconds()
    assert 59 <= wait <= 61
    delivery.refresh_from_db()
    assert delivery.next_attempt_at == retry.task.run_after
    # The second failure waits five minutes.
    before = timezone.now()
    tasks.deliver_event.call(delivery.pk)
    assert 299 <= (backend.results[-1].task.run_after - before).total_seconds() <= 301  # type: ignore[attr-defined]


def test_it_records_connection_errors_without_raising(
    lead, django_capture_on_commit_callbacks
) -> None:
    webhook, _secret = make_webhook(lead, "http://127.0.0.1:9/closed")
    delivery = send_test(lead, webhook, django_capture_on_commit_callbacks)
    assert (delivery.status, delivery.attempts) == (Delivery.PENDING, 1)
    assert delivery.last_status_code is None
    assert delivery.last_error == "The host could not be reached."


def test_it_never_raises_out_of_the_task(lead, receiver, monkeypatch) -> None:
    webhook, _secret = make_webhook(lead, receiver.url)
    delivery = services.send_test_event(for_user(lead), webhook)  # not queued: no commit

    def broken(*args: Any) -> http.Outcome:
        raise RuntimeError("boom")

    monkeypatch.setattr(http, "post", broken)
    assert tasks.deliver_event.call(delivery.pk) == "error"
    assert tasks.deliver_event.call(10**9) == ""


def test_it_gives_up_when_the_webhook_was_deactivated_meanwhile(lead, receiver) -> None:
    webhook, _secret = make_webhook(lead, receiver.url)
    delivery = services.send_test_event(for_user(lead), webhook)  # queued, not yet sent
    services.set_active(for_user(lead), webhook, False)
    assert tasks.attempt(delivery.pk) == Delivery.FAILED
    delivery.refresh_from_db()
    assert delivery.attempts == 0 and "deactivated" in delivery.last_error
    assert receiver.requests == []


def test_a_duplicate_job_does_not_post_the_same_attempt_twice(lead, receiver) -> None:
    webhook, _secret = make_webhook(lead, receiver.url)
    delivery = services.send_test_event(for_user(lead), webhook)
    Delivery.objects.filter(pk=delivery.pk).update(attempts=1)  # another run claimed it
    assert not tasks._claim(delivery)
    assert receiver.requests == []


def test_it_sends_the_body_it_signs(lead, receiver, django_capture_on_commit_callbacks) -> None:
    webhook, secret = make_webhook(lead, receiver.url)
    delivery = send_test(lead, webhook, django_capture_on_commit_callbacks)
    (received,) = receiver.requests
    assert json.loads(received.body) == delivery.event.envelope
    assert received.headers["User-Agent"].startswith("Allyport-Webhooks/")
