"""Every change to webhooks (each audited), and raising events for them.

`raise_event` stores an event and one delivery per subscribed, active webhook of
the company, and queues the deliveries after commit (`tasks.deliver_event`).
Nothing is stored for a company without a subscriber, so changes cost one small
query when nobody listens.
"""

from __future__ import annotations

import logging
import secrets
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import require
from allyport.accounts.models import Company
from allyport.audit import services as audit
from allyport.core.confirm import require_confirm
from allyport.core.encryption import decrypt, encrypt
from allyport.core.errors import ChangeRefused
from allyport.core.netguard import url_problem
from allyport.events.envelopes import DETAIL_TYPES, test_event
from allyport.events.models import Delivery, Event, Webhook

logger = logging.getLogger(__name__)

RIGHT = "manage_webhooks"
MAX_WEBHOOKS = 20
# How long "does this company have an active webhook" is remembered; webhook
# changes clear it at once, so this only bounds a missed clear.
FLAG_SECONDS = 300
SECRET_PREFIX = "whsec_"
_RESOURCE_TYPE = "Allyport::Events::Webhook"


def _audit(
    actor: Actor,
    event_name: str,
    webhook: Webhook,
    request: dict[str, Any] | None = None,
    response: dict[str, Any] | None = None,
) -> None:
    audit.record(
        actor,
        event_name,
        company=webhook.company,
        request_parameters={"webhookId": webhook.public_id, **(request or {})},
        response_elements=response,
        resources=[{"ARN": webhook.public_id, "type": _RESOURCE_TYPE}],
    )


def _clean_event_types(event_types: Iterable[str]) -> list[str]:
    chosen = list(dict.fromkeys(event_types))
    unknown = [name for name in chosen if name not in DETAIL_TYPES]
    if unknown:
        raise ChangeRefused(
            _("Unknown event type: %(names)s.") % {"names": ", ".join(unknown)}, "event_types"
        )
    # The reference's order, so the list reads the same wherever it is shown.
    return [name for name in DETAIL_TYPES if name in chosen]


def create_webhook(
    actor: Actor, url: str, description: str = "", event_types: Iterable[str] = ()
) -> tuple[Webhook, str]:
    """The new webhook and its secret, which is returned this once only."""
    require(actor, RIGHT)
    assert actor.company is not None
    url = url.strip()
    if problem := url_problem(url):
        raise ChangeRefused(problem, "url")
    types = _clean_event_types(event_types)
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        # Counted under the company lock, so simultaneous requests cannot pass the limit.
        company = Company.objects.select_for_update().get(pk=actor.company.pk)
        if Webhook.objects.filter(company=company).count() >= MAX_WEBHOOKS:
            raise ChangeRefused(
                _("A company can have at most %(n)s webhooks.") % {"n": MAX_WEBHOOKS}
            )
        webhook = Webhook.objects.create(
            company=company,
            url=url,
            description=description.strip()[:255],
            secret_encrypted=encrypt(secret),
            event_types=types,
            created_by=actor.user,
        )
        request = {"url": url, "description": webhook.description, "eventTypes": types}
        _audit(actor, "CreateWebhook", webhook, request, {"webhookId": webhook.public_id})
    return webhook, secret


def secret_of(webhook: Webhook) -> str:
    return decrypt(webhook.secret_encrypted)


def set_active(actor: Actor, webhook: Webhook, active: bool) -> Webhook:
    require(actor, RIGHT, webhook)
    with transaction.atomic():
        Webhook.objects.filter(pk=webhook.pk).update(is_active=active)
        forget_flag(webhook.company_id)  # update() sends no post_save
        webhook.is_active = active
        _audit(actor, "ActivateWebhook" if active else "DeactivateWebhook", webhook)
    return webhook


def delete_webhook(actor: Actor, webhook: Webhook, confirm: str) -> None:
    """Delete the webhook and its delivery log (typed `confirm`)."""
    require(actor, RIGHT, webhook)
    require_confirm(confirm)
    with transaction.atomic():
        _audit(actor, "DeleteWebhook", webhook, {"url": webhook.url})
        Webhook.objects.filter(pk=webhook.pk).delete()


def send_test_event(actor: Actor, webhook: Webhook) -> Delivery:
    """A "Webhook Test" event to this webhook alone, whatever it subscribes to."""
    require(actor, RIGHT, webhook)
    if not webhook.is_active:
        raise ChangeRefused(_("Activate the webhook before sending a test event."))
    envelope = test_event(webhook.company, webhook.public_id)
    with transaction.atomic():
        event = _store_event(webhook.company, "", envelope)
        (delivery,) = _create_deliveries(event, [webhook])
        _audit(actor, "TestWebhook", webhook, response={"eventId": envelope["id"]})
    return delivery


def _store_event(company: Any, catalog: str, envelope: dict[str, Any]) -> Event:
    return Event.objects.create(
        event_id=uuid.UUID(envelope["id"]),
        company=company,
        catalog=catalog,
        detail_type=envelope["detail-type"],
        envelope=envelope,
    )


def _create_deliveries(event: Event, webhooks: list[Webhook]) -> list[Delivery]:
    deliveries = Delivery.objects.bulk_create(
        [Delivery(webhook=webhook, event=event) for webhook in webhooks]
    )
    ids = [delivery.pk for delivery in deliveries]
    transaction.on_commit(lambda: enqueue_deliveries(ids))
    return deliveries


def enqueue_deliveries(ids: Iterable[int]) -> None:
    from allyport.events.tasks import deliver_event

    for delivery_id in ids:
        try:
            deliver_event.enqueue(delivery_id)
        except Exception:  # one unqueued delivery must not stop the others
            logger.exception("could not queue webhook delivery %s", delivery_id)


def _flag_key(company_id: int) -> str:
    return f"events:active-webhooks:{company_id}"


def forget_flag(company_id: int) -> None:
    """After a webhook change commits, the next event asks the database again
    (called on every save and delete of a webhook, see `receivers`). Cleared now as
    well: a reader between now and the commit may cache the old answer again, which
    the clear after commit removes."""
    cache.delete(_flag_key(company_id))
    transaction.on_commit(lambda: cache.delete(_flag_key(company_id)))


def _has_active_webhooks(company: Any) -> bool:
    """Cached per company (most have none, and every opportunity change asks; bulk
    imports make thousands). Every webhook change clears it (`forget_flag`)."""
    key = _flag_key(company.pk)
    flag = cache.get(key)
    if flag is None:
        flag = Webhook.objects.filter(company=company, is_active=True).exists()
        cache.set(key, flag, FLAG_SECONDS)
    return bool(flag)


def subscribers(company: Any, detail_type: str) -> list[Webhook]:
    if not _has_active_webhooks(company):
        return []
    hooks = Webhook.objects.filter(company=company, is_active=True)
    return [hook for hook in hooks if hook.subscribes_to(detail_type)]


def raise_event(
    company: Any, detail_type: str, build: Callable[[], dict[str, Any]], catalog: str = ""
) -> Event | None:
    """Store the event `build()` makes and queue a delivery to each subscriber; None
    (and nothing built) when no active webhook of the company subscribes."""
    webhooks = subscribers(company, detail_type)
    if not webhooks:
        return None
    envelope = build()
    with transaction.atomic():
        event = _store_event(company, catalog, envelope)
        _create_deliveries(event, webhooks)
    return event
