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

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.core.errors import REQUEST, NotFound, refuse
from allyport.core.keyset import Page, SortKey, paginate
from allyport.core.listing import page_size
from allyport.pipeline.engagements.services import insert_fresh, member_company, plain_id
from allyport.pipeline.prospecting.models import (
    ProspectingResult,
    ProspectingTask,
    prospecting_task_id,
)
from allyport.pipeline.prospecting.runner import run_prospecting_task, task_arn
from allyport.pipeline.shared.clock import now_ms
from allyport.pipeline.shared.console_audit import record_console
from allyport.pipeline.shared.scope import check_catalog

# FailedEngagementCount is a number: the keyset keeps it as JSON gives it back ("str"
# means "no conversion" there).
SORTS = {
    "StartTime": SortKey("start_time", "datetime"),
    "TaskName": SortKey("name"),
    "FailedEngagementCount": SortKey("failed_count"),
}
ORDERS = ("ASCENDING", "DESCENDING")


def start_prospecting(
    actor: Actor, catalog: str, identifiers: list[str], name: str
) -> ProspectingTask:
    """A PENDING task over the distinct engagements named, queued for the worker."""
    company = member_company(actor)
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


def prospecting_tasks(actor: Actor, catalog: str) -> QuerySet[ProspectingTask]:
    company = member_company(actor)
    return ProspectingTask.objects.filter(company=company, catalog=check_catalog(catalog))


def find_prospecting(actor: Actor, catalog: str, identifier: str) -> ProspectingTask:
    found = (
        prospecting_tasks(actor, catalog)
        .select_related("company")
        .filter(public_id=plain_id(identifier))
        .first()
    )
    if found is None:
        raise NotFound("ProspectingFromEngagementTask", plain_id(identifier))
    return found


def _sort(request: Mapping[str, Any]) -> tuple[SortKey, bool]:
    sort = request.get("Sort") or {"SortBy": "StartTime", "SortOrder": "DESCENDING"}
    if sort.get("SortBy") not in SORTS:
        raise refuse("Sort.SortBy", _("Unknown sort."), reason=REQUEST)
    if sort.get("SortOrder") not in ORDERS:
        raise refuse("Sort.SortOrder", _("ASCENDING or DESCENDING."), reason=REQUEST)
    return SORTS[sort["SortBy"]], sort["SortOrder"] == "DESCENDING"


def list_prospecting(actor: Actor, catalog: str, request: Mapping[str, Any]) -> Page:
    """The company's tasks: by id, name and start time range; sorted; keyset pages."""
    queryset = prospecting_tasks(actor, catalog).select_related("company")
    if request.get("TaskIdentifier"):
        ids = [plain_id(str(i)) for i in request["TaskIdentifier"]]
        queryset = queryset.filter(public_id__in=ids)
    if request.get("TaskName"):
        queryset = queryset.filter(name__in=list(request["TaskName"]))
    if request.get("StartAfter") is not None:
        queryset = queryset.filter(start_time__gt=request["StartAfter"])
    if request.get("StartBefore") is not None:
        queryset = queryset.filter(start_time__lt=request["StartBefore"])
    key, descending = _sort(request)
    filters = {k: v for k, v in request.items() if k not in ("MaxResults", "NextToken")}
    return paginate(
        queryset,
        key,
        descending=descending,
        size=page_size(request.get("MaxResults")),
        token=request.get("NextToken"),
        query={"catalog": catalog, "op": "prospecting", "filters": filters},
    )


def _present(value: Mapping[str, Any]) -> dict[str, Any]:
    return {key: item for key, item in value.items() if item not in (None, "")}


def start_view(prospecting: ProspectingTask) -> dict[str, Any]:
    """The StartProspectingFromEngagementTask answer."""
    return _present(
        {
            "Identifiers": list(prospecting.identifiers),
            "TaskName": prospecting.name,
            "StartTime": prospecting.start_time,
            "TaskStatus": prospecting.status,
            "TaskId": prospecting.public_id,
            "TaskArn": task_arn(prospecting),
            "Message": prospecting.message,
            "ReasonCode": prospecting.reason_code,
        }
    )


def result_view(result: ProspectingResult) -> dict[str, Any]:
    return _present(
        {
            "EngagementIdentifier": result.engagement_identifier,
            "EngagementContextId": result.context_identifier,
            "Status": result.status,
            "ReasonCode": result.reason_code,
            "Message": result.message,
        }
    )


def get_view(prospecting: ProspectingTask) -> dict[str, Any]:
    """The GetProspectingFromEngagementTask answer, engagements in the order named."""
    results = prospecting.results.order_by("position")
    return _present(
        {
            "TaskId": prospecting.public_id,
            "TaskArn": task_arn(prospecting),
            "TaskName": prospecting.name,
            "StartTime": prospecting.start_time,
            "EndTime": prospecting.end_time,
            "Engagements": [result_view(result) for result in results],
        }
    )


def summary_view(prospecting: ProspectingTask) -> dict[str, Any]:
    return _present(
        {
            "TaskId": prospecting.public_id,
            "TaskArn": task_arn(prospecting),
            "TaskName": prospecting.name,
            "StartTime": prospecting.start_time,
            "EndTime": prospecting.end_time,
            "TotalEngagementCount": prospecting.total_count,
            "CompletedEngagementCount": prospecting.completed_count,
            "FailedEngagementCount": prospecting.failed_count,
        }
    )
