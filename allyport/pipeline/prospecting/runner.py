"""The work of a prospecting task, on the task worker (`run_prospecting_task`).

Each engagement is converted in its own transaction: its Lead and CustomerProject
contexts become one `ProspectingResult` context (id `ctx-` and 14 characters)
describing the customer as prospecting does. An engagement the company is not a
member of (missing, another company's, the other catalog's) fails with the same
ReasonCode and message, so the result tells nothing about it. Prospecting an
engagement again refreshes its prospecting context in place (same id), so a
task never crowds out the partners' own contexts.

The task is claimed by moving it from PENDING to IN_PROGRESS, so a second
delivery of the job finds nothing to do.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from allyport.access import actor as actors
from allyport.audit import services as audit
from allyport.pipeline import effects
from allyport.pipeline.engagements.models import Engagement, EngagementMember
from allyport.pipeline.engagements.services import CONTEXT_LIMIT
from allyport.pipeline.prospecting.models import (
    ProspectingResult,
    ProspectingStatus,
    ProspectingTask,
    prospecting_context_id,
)
from allyport.pipeline.shared.arns import linked_account_id
from allyport.pipeline.shared.clock import next_modified
from allyport.pipeline.shared.console_audit import SELLING_SOURCE
from allyport.shapes.selling import enum

logger = logging.getLogger(__name__)
Status = ProspectingStatus
PROSPECTING = "ProspectingResult"
NOT_FOUND = "EngagementNotFound"
NO_CUSTOMER = "NoCustomerContext"
CONTEXT_LIMIT_REACHED = "ContextLimitExceeded"
ALL_FAILED = "AllEngagementsFailed"
INTERNAL = "InternalError"


class EngagementFailed(Exception):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def task_arn(prospecting: ProspectingTask) -> str:
    return (
        f"arn:aws:partnercentral:{settings.ALLYPORT_AWS_REGION}:"
        f"{linked_account_id(prospecting.company)}:catalog/{prospecting.catalog}/"
        f"prospecting-from-engagement-task/{prospecting.public_id}"
    )


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _customer_values(context: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(ProspectingResultCustomer, ProspectingInsights) values one context offers."""
    kind = context.get("Type")
    payload = (context.get("Payload") or {}).get(kind) or {}
    customer = payload.get("Customer") or {}
    if kind == "Lead":
        address = customer.get("Address") or {}
        score = (payload.get("Insights") or {}).get("LeadReadinessScore")
        return {
            "AccountName": customer.get("CompanyName"),
            "Country": address.get("CountryCode"),
            "Industry": customer.get("Industry"),
            "Segment": customer.get("MarketSegment"),
        }, {"MarketplaceEngagementScore": score}
    if kind == "CustomerProject":
        return {
            "AccountName": customer.get("CompanyName"),
            "Country": customer.get("CountryCode"),
            "Industry": customer.get("Industry"),
        }, {}
    return {}, {}


def prospecting_payload(
    contexts: list[dict[str, Any]], prospecting: ProspectingTask, arn: str, end: datetime
) -> dict[str, Any] | None:
    """The ProspectingResult the engagement's customer contexts make (the first context
    that names a value wins), or None when no context names a customer."""
    customer: dict[str, Any] = {}
    insights: dict[str, Any] = {}
    for context in contexts:
        offered, scores = _customer_values(context)
        for key, value in offered.items():
            if value and key not in customer:
                customer[key] = value
        for key, value in scores.items():
            if value and key not in insights:
                insights[key] = value
    if not customer.get("AccountName"):
        return None
    # The prospecting shapes take the model's enums only: other values are kept as "Other"
    # (industry) or left out (country), never passed on as something they are not.
    if customer.get("Industry") and customer["Industry"] not in enum("Industry"):
        customer["Industry"] = "Other"
    if customer.get("Country") and customer["Country"] not in enum("CountryCode"):
        del customer["Country"]
    aws: dict[str, Any] = {
        "Customer": customer,
        "StartTime": _iso(prospecting.start_time),
        "EndTime": _iso(end),
        "TaskId": prospecting.public_id,
        "TaskArn": arn,
        "TaskName": prospecting.name,
    }
    if insights:
        aws["Insights"] = insights
    return {"Aws": aws}


def _engagement(prospecting: ProspectingTask, identifier: str) -> Engagement:
    mine = EngagementMember.objects.filter(company_id=prospecting.company_id).values(
        "engagement_id"
    )
    found = (
        Engagement.objects.select_for_update()
        .filter(catalog=prospecting.catalog, public_id=identifier, pk__in=mine)
        .first()
    )
    if found is None:
        raise EngagementFailed(
            NOT_FOUND,
            _("Engagement %(id)s was not found in catalog %(catalog)s; check the identifier.")
            % {"id": identifier, "catalog": prospecting.catalog},
        )
    return found


def _types(contexts: list[dict[str, Any]]) -> str:
    kinds = list(dict.fromkeys(str(c["Type"]) for c in contexts))
    return "," + ",".join(kinds) + "," if kinds else ""


def convert(prospecting: ProspectingTask, identifier: str, arn: str) -> str:
    """Give the engagement its prospecting context; the context's id."""
    engagement = _engagement(prospecting, identifier)
    contexts = [dict(c) for c in engagement.contexts or []]
    sources = [c for c in contexts if c.get("Type") != PROSPECTING]
    payload = prospecting_payload(sources, prospecting, arn, timezone.now())
    if payload is None:
        raise EngagementFailed(
            NO_CUSTOMER,
            _("The engagement has no Lead or CustomerProject context naming a customer; add one "
              "and start a new task."),
        )  # fmt: skip
    existing = next((c for c in contexts if c.get("Type") == PROSPECTING), None)
    if existing is None and len(contexts) >= CONTEXT_LIMIT:
        raise EngagementFailed(
            CONTEXT_LIMIT_REACHED,
            _("The engagement has 5 contexts already, the most it can hold."),
        )
    if existing is None:
        existing = {"Id": prospecting_context_id(), "Type": PROSPECTING}
        contexts.append(existing)
    existing["Payload"] = {PROSPECTING: payload}
    engagement.contexts = contexts
    engagement.context_types = _types(contexts)
    engagement.modified_at = next_modified(engagement.modified_at)
    engagement.modified_by = linked_account_id(prospecting.company)
    engagement.save(update_fields=["contexts", "context_types", "modified_at", "modified_by"])
    effects.engagement_announced(engagement, "Updated", None)
    return str(existing["Id"])


def _settle(result: ProspectingResult, status: str, **values: str) -> None:
    result.status = status
    for name, value in values.items():
        setattr(result, name, value)
    result.save()
    counter = "completed_count" if status == Status.COMPLETED else "failed_count"
    ProspectingTask.objects.filter(pk=result.task_id).update(**{counter: F(counter) + 1})


def _process(prospecting: ProspectingTask, result: ProspectingResult, arn: str) -> None:
    try:
        with transaction.atomic():
            context_id = convert(prospecting, result.engagement_identifier, arn)
            _settle(result, Status.COMPLETED, context_identifier=context_id)
    except EngagementFailed as failed:
        _settle(result, Status.FAILED, reason_code=failed.reason, message=failed.message)


def _finish(prospecting: ProspectingTask) -> None:
    prospecting.refresh_from_db()
    prospecting.end_time = timezone.now()
    if prospecting.completed_count == 0 and prospecting.failed_count > 0:
        prospecting.status = Status.FAILED
        prospecting.reason_code = ALL_FAILED
        prospecting.message = _(
            "No engagement could be converted. GetProspectingFromEngagementTask gives each "
            "engagement's reason; correct them and start a new task."
        )
    else:
        prospecting.status = Status.COMPLETED
    prospecting.save()
    audit.record(
        actors.system(),
        "ProspectingFromEngagementTaskCompleted",
        event_source=SELLING_SOURCE,
        company=prospecting.company,
        request_parameters={"catalog": prospecting.catalog, "taskId": prospecting.public_id},
        response_elements={
            "taskStatus": prospecting.status,
            "contexts": list(
                prospecting.results.exclude(context_identifier="").values_list(
                    "engagement_identifier", "context_identifier"
                )
            ),
            "failedEngagementCount": prospecting.failed_count,
        },
    )


def run(prospecting: ProspectingTask, arn: str) -> None:
    try:
        for result in prospecting.results.filter(status=Status.PENDING).order_by("position"):
            _process(prospecting, result, arn)
    except Exception:
        logger.exception("prospecting task %s stopped", prospecting.public_id)
        prospecting.results.filter(status=Status.PENDING).update(
            status=Status.FAILED,
            reason_code=INTERNAL,
            message=_("The task stopped on an unexpected error; start a new task."),
        )
        ProspectingTask.objects.filter(pk=prospecting.pk).update(
            failed_count=prospecting.results.filter(status=Status.FAILED).count()
        )
    _finish(prospecting)


@task()
def run_prospecting_task(task_id: str) -> str:
    claimed = ProspectingTask.objects.filter(public_id=task_id, status=Status.PENDING).update(
        status=Status.IN_PROGRESS
    )
    if not claimed:
        return "already taken"
    prospecting = ProspectingTask.objects.select_related("company").get(public_id=task_id)
    run(prospecting, task_arn(prospecting))
    return prospecting.status


# The maintenance sweep (core.maintenance): a task whose queue entry was lost is
# queued again; one whose worker stopped mid-run is resumed — each engagement settles
# in its own transaction, so the PENDING results are exactly the work left.
QUEUED_GRACE = timedelta(minutes=15)
# A task converts at most 100 engagements, each a short transaction.
STALLED_AFTER = timedelta(minutes=30)


def recover_stalled() -> int:
    """Queue lost and stalled tasks again; return how many."""
    now = timezone.now()
    stalled = ProspectingTask.objects.filter(
        status=Status.IN_PROGRESS, start_time__lte=now - STALLED_AFTER
    )
    resumed = list(stalled.values_list("public_id", flat=True)[:1000])
    ProspectingTask.objects.filter(public_id__in=resumed, status=Status.IN_PROGRESS).update(
        status=Status.PENDING
    )
    lost = ProspectingTask.objects.filter(
        status=Status.PENDING, start_time__lte=now - QUEUED_GRACE
    ).values_list("public_id", flat=True)[:1000]
    ids = list(dict.fromkeys([*resumed, *lost]))
    for public_id in ids:
        run_prospecting_task.enqueue(public_id)
    return len(ids)
