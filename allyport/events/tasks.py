"""`deliver_event`: one attempt to post an event to a webhook.

A failed attempt queues the next one with `run_after` after 1 min, 5 min, 30 min,
2 h and 6 h; after the sixth attempt the delivery is marked failed. The task never
raises: every outcome is written to the delivery log.
"""

from __future__ import annotations

import json
import logging
import time
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from allyport.events import delivery as http
from allyport.events.envelopes import ENVELOPE_KEYS
from allyport.events.models import Delivery
from allyport.events.services import secret_of

logger = logging.getLogger(__name__)

BACKOFF = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=6),
)
MAX_ATTEMPTS = len(BACKOFF) + 1
USER_AGENT = "Allyport-Webhooks/1.0"


def request_of(delivery: Delivery, secret: str) -> tuple[bytes, dict[str, str]]:
    """The body and headers of a delivery, signed now."""
    envelope = delivery.event.envelope
    # EventBridge's order (PostgreSQL's jsonb does not keep the order it was given).
    ordered = {key: envelope[key] for key in ENVELOPE_KEYS if key in envelope}
    body = json.dumps({**ordered, **envelope}, separators=(",", ":")).encode()
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-Allyport-Event-Id": str(delivery.event.event_id),
        "X-Allyport-Timestamp": timestamp,
        "X-Allyport-Signature": http.signature(secret, timestamp, body),
    }
    return body, headers


def _claim(delivery: Delivery) -> bool:
    """Count this attempt; False when another run took it (a duplicate job)."""
    claimed = Delivery.objects.filter(
        pk=delivery.pk, status=Delivery.PENDING, attempts=delivery.attempts
    ).update(attempts=delivery.attempts + 1, updated_at=timezone.now())
    delivery.attempts += 1
    return claimed == 1


def _schedule(delivery_id: int, when: datetime) -> bool:
    """Queue the next attempt; the immediate backend of the tests cannot wait, so
    there the delivery stays pending with its `next_attempt_at`."""
    if not deliver_event.get_backend().supports_defer:
        return False
    deliver_event.using(run_after=when).enqueue(delivery_id)
    return True


def _record(delivery: Delivery, outcome: http.Outcome) -> str:
    now = timezone.now()
    next_attempt: datetime | None = None
    if outcome.ok:
        status = Delivery.SUCCEEDED
    elif delivery.attempts >= MAX_ATTEMPTS:
        status = Delivery.FAILED
    else:
        status = Delivery.PENDING
        next_attempt = now + BACKOFF[delivery.attempts - 1]
    Delivery.objects.filter(pk=delivery.pk).update(
        status=status,
        last_status_code=outcome.status_code,
        last_error=outcome.error[: http.MAX_ERROR],
        next_attempt_at=next_attempt,
        updated_at=now,
    )
    if next_attempt is not None:
        _schedule(delivery.pk, next_attempt)
    return status


def _give_up(delivery: Delivery, reason: str) -> str:
    Delivery.objects.filter(pk=delivery.pk, status=Delivery.PENDING).update(
        status=Delivery.FAILED, last_error=reason[: http.MAX_ERROR], next_attempt_at=None,
        updated_at=timezone.now(),
    )  # fmt: skip
    return Delivery.FAILED


def attempt(delivery_id: int) -> str:
    """One attempt; returns the delivery's status afterwards ("" when there is none)."""
    delivery = Delivery.objects.select_related("webhook", "event").filter(pk=delivery_id).first()
    if delivery is None:
        return ""
    if delivery.status != Delivery.PENDING:
        return delivery.status
    webhook = delivery.webhook
    if not webhook.is_active:
        return _give_up(delivery, _("The webhook was deactivated."))
    try:
        secret = secret_of(webhook)
    except Exception:  # an encryption key changed without re-encrypting the secrets
        logger.exception("cannot read the secret of webhook %s", webhook.public_id)
        return _give_up(delivery, _("The webhook's secret cannot be read; create it again."))
    body, headers = request_of(delivery, secret)
    if not _claim(delivery):
        return Delivery.PENDING
    return _record(delivery, http.post(webhook.url, body, headers))


@task()
def deliver_event(delivery_id: int) -> str:
    try:
        return attempt(delivery_id)
    except Exception:  # logged and left for the log page; a task never fails loudly
        logger.exception("webhook delivery %s failed unexpectedly", delivery_id)
        return "error"
