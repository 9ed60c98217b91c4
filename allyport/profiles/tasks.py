"""Background work of the profile: qualification tasks, the program fee's reminders and
yearly bills, the finder's refresh."""

from __future__ import annotations

from django_tasks import task

from allyport.access.actor import system


@task()
def complete_qualifications_task(task_id: str) -> None:
    from allyport.profiles.services.qualifications import complete_task  # noqa: PLC0415

    complete_task(system(), task_id)
