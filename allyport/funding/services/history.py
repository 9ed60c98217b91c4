"""What every change of an application writes besides itself: its audit record, an
entry of its revision history, and (after commit) the status-change signal."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from allyport.access.actor import Actor
from allyport.audit import services as audit
from allyport.funding import signals
from allyport.funding.models import ApplicationRevision, BenefitAllocation, BenefitApplication
from allyport.funding.scope import ALLOCATION, APPLICATION, company_arn

SOURCE = "partnercentral-benefits.amazonaws.com"
APPLICATION_TYPE = "AWS::PartnerCentral::BenefitApplication"
ALLOCATION_TYPE = "AWS::PartnerCentral::BenefitAllocation"


def application_arn(application: BenefitApplication) -> str:
    return company_arn(APPLICATION, application.catalog, application.public_id, application.company)


def allocation_arn(allocation: BenefitAllocation) -> str:
    return company_arn(ALLOCATION, allocation.catalog, allocation.public_id, allocation.company)


def record(
    actor: Actor,
    event_name: str,
    application: BenefitApplication,
    request: Mapping[str, Any] | None = None,
    extra_resources: tuple[dict[str, str], ...] = (),
) -> None:
    """The change's CloudTrail record, whoever the caller (inside an API call it joins
    the call's own record)."""
    audit.record_change(
        actor,
        event_name,
        event_source=SOURCE,
        company=application.company,
        request_parameters={"catalog": application.catalog, **(request or {})},
        response_elements={"id": application.public_id, "revision": str(application.revision)},
        resources=[{"ARN": application_arn(application), "type": APPLICATION_TYPE}]
        + list(extra_resources),
    )


def saved(
    actor: Actor,
    application: BenefitApplication,
    action: str,
    *,
    previous_status: str,
    reason: str = "",
    changes: list[dict[str, Any]] | None = None,
    bump: bool = True,
) -> BenefitApplication:
    """Store the application with its next revision, the history entry, and announce a
    status change after commit."""
    if bump:
        application.revision += 1
    application.updated_at = timezone.now()
    application.save()
    ApplicationRevision.objects.create(
        application=application,
        revision=application.revision,
        action=action,
        reason=reason,
        changes=changes or [],
        status=application.status,
        actor=actor.label if actor.user is not None else str(actor.kind),
    )
    if previous_status != application.status:
        announce(actor, application, previous_status)
    return application


def announce(actor: Actor, application: BenefitApplication, previous: str) -> None:
    transaction.on_commit(
        lambda: signals.benefit_application_changed.send(
            sender=BenefitApplication, application=application, previous=previous, actor=actor
        )
    )
