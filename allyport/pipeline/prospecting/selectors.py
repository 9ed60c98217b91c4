"""Reads of prospecting tasks, scoped to the actor: Get/ListProspectingFromEngagementTasks
and their answers' shapes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.core.errors import REQUEST, NotFound, refuse
from allyport.core.keyset import Page, SortKey, paginate
from allyport.core.listing import page_size
from allyport.pipeline.engagements.selectors import member_company, plain_id
from allyport.pipeline.prospecting.models import (
    ProspectingResult,
    ProspectingTask,
)
from allyport.pipeline.prospecting.runner import task_arn
from allyport.pipeline.shared.scope import check_catalog

# FailedEngagementCount is a number: the keyset keeps it as JSON gives it back ("str"
# means "no conversion" there).
SORTS = {
    "StartTime": SortKey("start_time", "datetime"),
    "TaskName": SortKey("name"),
    "FailedEngagementCount": SortKey("failed_count"),
}
ORDERS = ("ASCENDING", "DESCENDING")


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


def present(value: Mapping[str, Any]) -> dict[str, Any]:
    """The members that have a value (the API leaves empty ones out)."""
    return {key: item for key, item in value.items() if item not in (None, "")}


def start_view(prospecting: ProspectingTask) -> dict[str, Any]:
    """The StartProspectingFromEngagementTask answer."""
    return present(
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
    return present(
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
    return present(
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
    return present(
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
