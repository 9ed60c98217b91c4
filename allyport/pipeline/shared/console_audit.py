"""The audit record of a change to the selling domain, whoever makes it (members,
IAM principals, staff, jobs); inside an API call, the call's own change is folded
into the call's record (`audit.services.folded`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from allyport.access.actor import Actor
from allyport.audit import services as audit
from allyport.audit.models import AuditEvent
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.shared.arns import arn_of

SELLING_SOURCE = "partnercentral-selling.amazonaws.com"


def console_event(
    actor: Actor,
    event_name: str,
    opportunity: Opportunity | None = None,
    *,
    company: Any = None,
    request: Mapping[str, Any] | None = None,
    response: Mapping[str, Any] | None = None,
) -> AuditEvent | None:
    """The audit record of a change, unsaved; None when it is the open API call's own
    change, which the API layer records (so nothing is recorded twice)."""
    resources = []
    if opportunity is not None:
        company = opportunity.company
        resources.append({"ARN": arn_of(opportunity), "type": "AWS::PartnerCentral::Opportunity"})
    record = audit.event(
        actor,
        event_name,
        event_source=SELLING_SOURCE,
        event_type=audit.change_type(actor),
        company=company,
        request_parameters=request,
        response_elements=response,
        resources=resources,
    )
    return None if audit.folded(actor, record) else record


def record_console(
    actor: Actor,
    event_name: str,
    opportunity: Opportunity | None = None,
    *,
    company: Any = None,
    request: Mapping[str, Any] | None = None,
    response: Mapping[str, Any] | None = None,
) -> None:
    """Audit a change (see `console_event`)."""
    record = console_event(
        actor, event_name, opportunity, company=company, request=request, response=response
    )
    if record is not None:
        record.save(force_insert=True)
