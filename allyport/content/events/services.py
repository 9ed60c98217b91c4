"""Registering for a partner event: the registration is kept, a reminder email is
queued for the day before (django-tasks with `run_after`), and the change is recorded."""

from __future__ import annotations

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.content.events import selectors
from allyport.content.events.models import EventRegistration, PartnerEvent
from allyport.content.permissions import REGISTER_FOR_EVENT, SEND_EVENT_REMINDER
from allyport.content.shared import guard
from allyport.core import mail
from allyport.core.errors import ChangeRefused, NotFound

REMIND_BEFORE = timedelta(days=1)


def _find(public_id: str) -> PartnerEvent:
    found = selectors.event(public_id)
    if found is None:
        raise NotFound("PartnerEvent", public_id)
    return found


def register_for_event(actor: Actor, public_id: str) -> EventRegistration:
    """Register the member (again is a no-op returning the first registration)."""
    guard.require(actor, REGISTER_FOR_EVENT, actor.company)
    partner_event = _find(public_id)
    if partner_event.starts_at <= timezone.now():
        raise ChangeRefused(_("This event has already started; registration is closed."))
    existing = selectors.registration_of(actor, partner_event)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            registration = EventRegistration.objects.create(
                event=partner_event, user=guard.user_of(actor), company=guard.company_of(actor)
            )
            guard.record(
                actor, "RegisterForPartnerEvent", company=guard.company_of(actor),
                resource_type="PartnerEventRegistration", identifier=partner_event.public_id,
            )  # fmt: skip
            transaction.on_commit(lambda: _schedule_reminder(registration))
    except IntegrityError:  # registered twice at once: the first one stands
        return EventRegistration.objects.get(event=partner_event, user=actor.user)
    return registration


def _schedule_reminder(registration: EventRegistration) -> None:
    """Queue the reminder for a day before the start (at once when that has passed).
    A backend that cannot defer (the tests' immediate one) queues nothing: the reminder
    would go out at registration."""
    from allyport.content.events.tasks import send_event_reminder

    if not send_event_reminder.get_backend().supports_defer:
        return
    when = max(timezone.now(), registration.event.starts_at - REMIND_BEFORE)
    send_event_reminder.using(run_after=when).enqueue(registration_id=registration.pk)


def send_reminder(actor: Actor, registration_id: int) -> bool:
    """Mail the reminder once, while the event is still ahead; False when nothing is due."""
    with transaction.atomic():
        registration = (
            EventRegistration.objects.select_for_update()
            .select_related("event", "user", "company")
            .filter(pk=registration_id)
            .first()
        )
        if registration is None or registration.reminded_at is not None:
            return False
        guard.require(actor, SEND_EVENT_REMINDER, registration.company)
        if registration.event.starts_at <= timezone.now() or not registration.user.is_active:
            return False
        registration.reminded_at = timezone.now()
        registration.save(update_fields=["reminded_at"])
        guard.record(
            actor, "SendPartnerEventReminder", company=registration.company,
            resource_type="PartnerEventRegistration", identifier=registration.event.public_id,
        )  # fmt: skip
        mail.send(
            "content/email/event_reminder",
            registration.user.email,
            {
                "event": registration.event,
                "user": registration.user,
                "event_path": reverse("content:event", args=[registration.event.public_id]),
            },
        )
    return True
