"""StartProspectingFromEngagementTask, GetProspectingFromEngagementTask and
ListProspectingFromEngagementTasks.

Starting a task stores it PENDING with one PENDING result per distinct
engagement and queues `run_prospecting_task` (in the same transaction, so a task
that is not stored is never queued, and one that is stored is always run); the
worker moves it to IN_PROGRESS and then COMPLETED, or FAILED when no engagement
could be converted. A task belongs to the company that started it: another
company's task is NotFound, as a missing one.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Target
from allyport.core.errors import REQUEST, refuse
from allyport.pipeline.engagements.selectors import member_company, plain_id
from allyport.pipeline.engagements.services import insert_fresh
from allyport.pipeline.prospecting.models import (
    ProspectingResult,
    ProspectingTask,
    prospecting_task_id,
)
from allyport.pipeline.prospecting.runner import run_prospecting_task
from allyport.pipeline.shared.clock import now_ms
from allyport.pipeline.shared.console_audit import record_console
from allyport.pipeline.shared.permissions import START_PROSPECTING
from allyport.pipeline.shared.scope import check_catalog


def start_prospecting(
    actor: Actor, catalog: str, identifiers: list[str], name: str
) -> ProspectingTask:
    """A PENDING task over the distinct engagements named, queued for the worker."""
    company = member_company(actor, START_PROSPECTING, Target(catalog=catalog))
    check_catalog(catalog)
    distinct = list(dict.fromkeys(plain_id(str(i)) for i in identifiers))
    if not distinct:
        raise refuse("Identifiers", _("Name at least one engagement."), reason=REQUEST)
    with transaction.atomic():
        prospecting = ProspectingTask(
            company=company,
            catalog=catalog,
            name=name,
            identifiers=list(identifiers),
            total_count=len(distinct),
            start_time=now_ms(),
        )
        insert_fresh(prospecting, prospecting_task_id)
        ProspectingResult.objects.bulk_create(
            ProspectingResult(task=prospecting, position=index, engagement_identifier=identifier)
            for index, identifier in enumerate(distinct)
        )
        record_console(
            actor,
            "StartProspectingFromEngagementTask",
            company=company,
            request={"catalog": catalog, "identifiers": distinct, "taskName": name},
            response={"taskId": prospecting.public_id, "taskStatus": prospecting.status},
        )
        run_prospecting_task.enqueue(prospecting.public_id)
    return prospecting
