"""Webhook deliveries left behind by a worker outage or a lost queue entry are picked
up by the maintenance sweep (events.recovery)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import override_settings
from django.utils import timezone

from allyport.access.actor import for_user
from allyport.events import recovery as event_recovery
from allyport.events import services as events
from allyport.events.models import Delivery, Webhook
from allyport.events.tests.conftest import make_webhook

pytestmark = pytest.mark.django_db
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def _pending_delivery(lead: Any, url: str, capture: Any) -> tuple[Webhook, Delivery]:
    """A delivery whose queue entry went nowhere (the dummy backend keeps it)."""
    webhook, _secret = make_webhook(lead, url)
    with override_settings(TASKS=DUMMY_TASKS), capture(execute=True):
        delivery = events.send_test_event(for_user(lead), webhook)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Delivery.PENDING, 0)
    return webhook, delivery


def test_it_delivers_again_what_a_lost_queue_entry_left_pending(
    lead: Any, receiver: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _webhook, delivery = _pending_delivery(lead, receiver.url, django_capture_on_commit_callbacks)
    assert event_recovery.requeue_stalled() == 0  # within its grace: the worker may be busy
    Delivery.objects.filter(pk=delivery.pk).update(
        created_at=timezone.now() - event_recovery.GRACE - timedelta(seconds=1)
    )
    assert event_recovery.requeue_stalled() == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Delivery.SUCCEEDED, 1)
    assert len(receiver.requests) == 1
    assert event_recovery.requeue_stalled() == 0


def test_it_runs_a_retry_whose_time_passed_long_ago(
    lead: Any, receiver: Any, django_capture_on_commit_callbacks: Any
) -> None:
    receiver.status = 500
    webhook, _secret = make_webhook(lead, receiver.url)
    with django_capture_on_commit_callbacks(execute=True):
        delivery = events.send_test_event(for_user(lead), webhook)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Delivery.PENDING, 1)
    # The retry was due a minute later; the worker was down for an hour.
    Delivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=timezone.now() - timedelta(hours=1)
    )
    receiver.status = 204
    assert event_recovery.requeue_stalled() == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Delivery.SUCCEEDED, 2)
