"""Small pieces every pipeline service shares: clocks, ARNs and audit records."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from allyport.access.actor import Actor
from allyport.audit import services as audit
from allyport.audit.models import AuditEvent
from allyport.pipeline.models import Opportunity
from allyport.pipeline.signals import opportunity_changed

SELLING_SOURCE = "partnercentral-selling.amazonaws.com"
_MS = timedelta(milliseconds=1)


def now_ms() -> datetime:
    """Now, to the millisecond: what the API sends back arrives as `.123000Z`."""
    now = timezone.now()
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def next_modified(previous: datetime | None) -> datetime:
    """A new LastModifiedDate, strictly after the previous one by a millisecond at least,
    so each version of a record has its own value at the precision clients send back."""
    now = now_ms()
    if previous is not None and now <= previous:
        return previous + _MS
    return now


def linked_account_id(company: Any) -> str:
    link = getattr(company, "account_link", None)
    return link.account.account_id if link is not None else ""


def opportunity_arn(catalog: str, identifier: str, account_id: str) -> str:
    return (
        f"arn:aws:partnercentral:{settings.ALLYPORT_AWS_REGION}:{account_id}:"
        f"catalog/{catalog}/opportunity/{identifier}"
    )


def arn_of(opportunity: Opportunity) -> str:
    return opportunity_arn(
        opportunity.catalog, opportunity.public_id, linked_account_id(opportunity.company)
    )


def console_event(
    actor: Actor,
    event_name: str,
    opportunity: Opportunity | None = None,
    *,
    company: Any = None,
    request: Mapping[str, Any] | None = None,
    response: Mapping[str, Any] | None = None,
) -> AuditEvent | None:
    """The audit record of a console change, unsaved; None for IAM callers, whose API
    calls the API layer records itself (so nothing is recorded twice)."""
    if actor.kind == "iam":
        return None
    resources = []
    if opportunity is not None:
        company = opportunity.company
        resources.append({"ARN": arn_of(opportunity), "type": "AWS::PartnerCentral::Opportunity"})
    return audit.event(
        actor,
        event_name,
        event_source=SELLING_SOURCE,
        company=company,
        request_parameters=request,
        response_elements=response,
        resources=resources,
    )


def record_console(
    actor: Actor,
    event_name: str,
    opportunity: Opportunity | None = None,
    *,
    company: Any = None,
    request: Mapping[str, Any] | None = None,
    response: Mapping[str, Any] | None = None,
) -> None:
    """Audit a console change (see `console_event`)."""
    record = console_event(
        actor, event_name, opportunity, company=company, request=request, response=response
    )
    if record is not None:
        record.save(force_insert=True)


def changed(actor: Actor, opportunity: Opportunity, change: str) -> None:
    """Announce the change once the transaction commits."""
    transaction.on_commit(
        lambda: opportunity_changed.send(
            sender=Opportunity, opportunity=opportunity, change=change, actor=actor
        )
    )
