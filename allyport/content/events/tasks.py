"""The reminder mail of a registration, queued for the day before the event."""

from __future__ import annotations

from django_tasks import task

from allyport.access.actor import system


@task()
def send_event_reminder(registration_id: int) -> None:
    from allyport.content.events.services import send_reminder

    send_reminder(system(), registration_id)
