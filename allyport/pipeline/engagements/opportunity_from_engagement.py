"""StartOpportunityFromEngagementTask with its list (spec §2.13): a Lead context of
an engagement becomes an opportunity of the caller's company.

The opportunity comes with a snapshot job (OpportunitySummary) that keeps the
engagement's copy of it current, started at once. As the model's ReasonCodes
say, a CustomerProject context, a missing one or a disqualified lead fail the
task; one lead context gives a company one opportunity (OpportunityConflict).
The task is recorded whatever its outcome.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.core.errors import RuleViolation
from allyport.core.keyset import Page, SortKey, paginate
from allyport.core.listing import page_size
from allyport.pipeline.engagements.contexts import CUSTOMER_PROJECT, LEAD
from allyport.pipeline.engagements.models import Engagement, task_id
from allyport.pipeline.engagements.selectors import find_engagement, plain_id
from allyport.pipeline.engagements.services import insert_fresh
from allyport.pipeline.leads.models import OpportunityFromEngagementTask
from allyport.pipeline.opportunities.services import create_opportunity
from allyport.pipeline.shared.console_audit import record_console
from allyport.pipeline.shared.messages import failure_message
from allyport.pipeline.shared.payload import clean
from allyport.pipeline.shared.scope import check_catalog, company_of
from allyport.pipeline.snapshots.services import OPPORTUNITY_SUMMARY, create_job, start_job
from allyport.shapes.selling import enum

MAX_TASK_PAGE = 1000  # ListOpportunityFromEngagementTasks' MaxResults limit
DISQUALIFIED = "disqualified"
Status = OpportunityFromEngagementTask.Status
TASK_SORT = SortKey("start_time", "datetime")
_TASK_FILTERS = (
    ("TaskIdentifier", "public_id"),
    ("OpportunityIdentifier", "opportunity_identifier"),
    ("EngagementIdentifier", "engagement_identifier"),
    ("ContextIdentifier", "context_identifier"),
)


def task_arn(task: OpportunityFromEngagementTask, account_id: str = "") -> str:
    """As the service answers it: the region, no account (with `account_id`: the
    taggable form, which names the caller's account)."""
    return (
        f"arn:aws:partnercentral:{settings.ALLYPORT_AWS_REGION}:{account_id}:"
        f"catalog/{task.catalog}/opportunity-from-engagement-task/{task.public_id}"
    )


def _contact(contact: Mapping[str, Any]) -> dict[str, Any]:
    keys = ("Email", "FirstName", "LastName", "BusinessTitle", "Phone")
    return {key: contact.get(key) for key in keys}


CONVERTED_TITLE = "Converted from Lead"  # the title the service gives, whatever the lead
CLOSE_AFTER = timedelta(days=30)  # the target close date the service sets


def opportunity_payload(lead: Mapping[str, Any]) -> dict[str, Any]:
    """The CreateOpportunity payload a lead context becomes: its customer, its contacts,
    its latest business problem, at the first stage, with what the service fills in
    (Net New Business, no national security, a close date, no marketing source)."""
    customer = lead.get("Customer") or {}
    interactions = list(lead.get("Interactions") or [])
    industry = str(customer.get("Industry") or "")
    known = industry in enum("Industry")
    address = customer.get("Address") or {}
    contacts: dict[str, dict[str, Any]] = {}
    for interaction in interactions:
        contact = interaction.get("Contact") or {}
        if contact.get("Email"):
            contacts.setdefault(str(contact["Email"]), _contact(contact))
    problem = next(
        (i["BusinessProblem"] for i in reversed(interactions) if i.get("BusinessProblem")), None
    )
    name = customer.get("CompanyName")
    title = f"{CONVERTED_TITLE}: {name}" if name else CONVERTED_TITLE
    close = (timezone.now() + CLOSE_AFTER).date().isoformat()
    return clean(  # type: ignore[no-any-return]
        {
            "OpportunityType": "Net New Business",
            "NationalSecurity": "No",
            "Customer": {
                "Account": {
                    "CompanyName": name,
                    "Industry": industry if known else ("Other" if industry else None),
                    "OtherIndustry": industry if industry and not known else None,
                    "WebsiteUrl": customer.get("WebsiteUrl"),
                    "Address": {
                        key: address.get(key)
                        for key in ("City", "PostalCode", "StateOrRegion", "CountryCode")
                    },
                },
                "Contacts": list(contacts.values()),
            },
            "Project": {"Title": title[:255], "CustomerBusinessProblem": problem},
            "Marketing": {"Source": "None"},
            "LifeCycle": {"Stage": "Prospect", "TargetCloseDate": close},
        }
    )


def _fail(task: OpportunityFromEngagementTask, reason: str, message: str) -> None:
    task.status = Status.FAILED
    task.reason_code = reason
    task.message = message
    task.end_time = timezone.now()
    task.save()


def _refusal_text(error: RuleViolation) -> str:
    return failure_message(error)


def _convert(
    actor: Actor, task: OpportunityFromEngagementTask, engagement: Engagement, lead: dict[str, Any]
) -> None:
    done = OpportunityFromEngagementTask.objects.filter(
        company=task.company,
        catalog=task.catalog,
        engagement_identifier=engagement.public_id,
        context_identifier=task.context_identifier,
        status=Status.COMPLETE,
    ).first()
    if done is not None:
        _fail(
            task,
            "OpportunityConflict",
            _("Opportunity %(id)s was created from this context already.")
            % {"id": done.opportunity_identifier},
        )
        return
    try:
        with transaction.atomic():
            opportunity = create_opportunity(actor, task.catalog, opportunity_payload(lead))
            job = create_job(
                actor,
                task.catalog,
                engagement.public_id,
                opportunity.public_id,
                OPPORTUNITY_SUMMARY,
                permission=None,
            )
            start_job(actor, task.catalog, job.public_id, permission=None)
    except RuleViolation as error:
        _fail(task, "OpportunityValidationFailed", _refusal_text(error))
        return
    task.status = Status.COMPLETE
    task.opportunity_identifier = opportunity.public_id
    task.job_identifier = job.public_id
    task.end_time = timezone.now()
    task.save()


def start_opportunity_from_engagement(
    actor: Actor, catalog: str, identifier: str, context_id: str, tags: Any = None
) -> OpportunityFromEngagementTask:
    company = company_of(actor)
    with transaction.atomic():
        engagement = find_engagement(actor, catalog, identifier)
        task = OpportunityFromEngagementTask(
            company=company,
            catalog=catalog,
            engagement_identifier=engagement.public_id,
            context_identifier=context_id,
            tags=list(tags or []),
            start_time=timezone.now(),
        )
        insert_fresh(task, task_id)
        context = next(
            (c for c in engagement.contexts or [] if str(c.get("Id")) == context_id), None
        )
        if context is None:
            _fail(
                task,
                "ContextNotFound",
                _("The engagement has no context %(id)s.") % {"id": context_id},
            )
        elif context.get("Type") == CUSTOMER_PROJECT:
            _fail(
                task,
                "CustomerProjectContextNotPermitted",
                _("Only a Lead context becomes an opportunity."),
            )
        elif context.get("Type") != LEAD:
            _fail(
                task, "EngagementValidationFailed", _("Only a Lead context becomes an opportunity.")
            )
        else:
            lead = dict((context.get("Payload") or {}).get(LEAD) or {})
            status = str(lead.get("QualificationStatus") or "").strip().lower()
            if status == DISQUALIFIED:
                _fail(
                    task,
                    "DisqualifiedLeadNotPermitted",
                    _("A disqualified lead does not become an opportunity."),
                )
            else:
                _convert(actor, task, engagement, lead)
        record_console(
            actor,
            "StartOpportunityFromEngagementTask",
            company=company,
            request={"catalog": catalog, "identifier": engagement.public_id,
                     "contextIdentifier": context_id},
            response={"taskId": task.public_id, "taskStatus": task.status,
                      "opportunityId": task.opportunity_identifier or None},
        )  # fmt: skip
    return task


def tasks(actor: Actor, catalog: str) -> QuerySet[OpportunityFromEngagementTask]:
    return OpportunityFromEngagementTask.objects.filter(
        company=company_of(actor), catalog=check_catalog(catalog)
    )


def list_tasks(actor: Actor, catalog: str, request: Mapping[str, Any]) -> Page:
    queryset = tasks(actor, catalog)
    if request.get("TaskStatus"):
        queryset = queryset.filter(status__in=list(request["TaskStatus"]))
    for member, column in _TASK_FILTERS:
        if request.get(member):
            queryset = queryset.filter(**{f"{column}__in": [plain_id(v) for v in request[member]]})
    sort = request.get("Sort") or {"SortBy": "StartTime", "SortOrder": "DESCENDING"}
    filters = {k: v for k, v in request.items() if k not in ("MaxResults", "NextToken")}
    return paginate(
        queryset,
        TASK_SORT,
        descending=sort.get("SortOrder") != "ASCENDING",
        size=page_size(request.get("MaxResults"), MAX_TASK_PAGE),
        token=request.get("NextToken"),
        query={"catalog": catalog, "op": "opportunity-from-engagement", "filters": filters},
    )


def task_view(task: OpportunityFromEngagementTask) -> dict[str, Any]:
    value = {
        "TaskId": task.public_id,
        "TaskArn": task_arn(task),
        "StartTime": task.start_time,
        "TaskStatus": task.status,
        "Message": task.message,
        "ReasonCode": task.reason_code,
        "OpportunityId": task.opportunity_identifier,
        "ResourceSnapshotJobId": task.job_identifier,
        "EngagementId": task.engagement_identifier,
        "ContextId": task.context_identifier,
    }
    return {key: item for key, item in value.items() if item not in (None, "")}
