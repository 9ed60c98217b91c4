"""The program's side of an application (staff in the admin, or the system): approve
with an allocation, ask the partner for action, reject; and record how much of an
allocation is used."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import require
from allyport.audit import services as audit
from allyport.core.errors import REQUIRED, FieldError, NotFound, RuleViolation
from allyport.funding.models import (
    AllocationStatus,
    ApplicationStatus,
    BenefitAllocation,
    BenefitApplication,
    FulfillmentType,
)
from allyport.funding.permissions import REVIEW_APPLICATION
from allyport.funding.services import history, rules
from allyport.funding.services.lifecycle import move

S = ApplicationStatus
IN_REVIEW = frozenset({S.IN_REVIEW})


def _locked(actor: Actor, public_id: str) -> BenefitApplication:
    require(actor, REVIEW_APPLICATION)
    found = (
        BenefitApplication.objects.select_for_update()
        .select_related("benefit", "company")
        .filter(public_id=public_id)
        .first()
    )
    if found is None:
        raise NotFound("BenefitApplication", public_id)
    return found


def _amount(value: object, benefit_max: Decimal | None) -> Decimal:
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise RuleViolation([FieldError("amount", _("Enter an amount such as 5000.00."))]) from None
    if amount < 0 or (benefit_max is not None and amount > benefit_max):
        raise RuleViolation(
            [FieldError("amount", _("Enter an amount from 0 to the benefit's most."))]
        )
    return amount


def _decided(
    actor: Actor, application: BenefitApplication, status: str, reason: str, event: str
) -> None:
    before = move(application, status, reason)
    history.saved(actor, application, event, previous_status=before, reason=reason)
    history.record(
        actor,
        event.replace(" ", ""),
        application,
        {"identifier": application.public_id, "status": status, "reason": reason},
    )


def approve_application(
    actor: Actor,
    public_id: str,
    *,
    amount: object = "0",
    fulfillment_type: str = "",
    expires_at: datetime | None = None,
    note: str = "",
) -> BenefitAllocation:
    """APPROVED, and the allocation it grants (amount in the benefit's currency)."""
    with transaction.atomic():
        application = _locked(actor, public_id)
        rules.check_status(application, IN_REVIEW, _("approved"))
        benefit = application.benefit
        kind = (
            fulfillment_type
            or (application.fulfillment_types or benefit.fulfillment_types or ["CASH"])[0]
        )
        if kind not in FulfillmentType.values:
            raise RuleViolation(
                [FieldError("fulfillment_type", _("Choose credits, cash or access."))]
            )
        value = _amount(amount if kind != "ACCESS" else "0", benefit.max_amount)
        _decided(actor, application, S.APPROVED, note, "Approve Benefit Application")
        allocation = BenefitAllocation.objects.create(
            company=application.company,
            catalog=application.catalog,
            application=application,
            benefit=benefit,
            name=application.name or benefit.name,
            description=note,
            fulfillment_type=kind,
            currency=benefit.currency,
            allocated_amount=value,
            access_description=note if kind == "ACCESS" else "",
            expires_at=expires_at,
        )
        audit.record_change(
            actor,
            "CreateBenefitAllocation",
            event_source=history.SOURCE,
            company=application.company,
            request_parameters={
                "benefitApplicationId": application.public_id,
                "amount": str(value),
                "currency": benefit.currency,
            },
            response_elements={"id": allocation.public_id},
            resources=[
                {"ARN": history.allocation_arn(allocation), "type": history.ALLOCATION_TYPE}
            ],
        )
    return allocation


def request_action(actor: Actor, public_id: str, reason: str) -> BenefitApplication:
    """ACTION_REQUIRED: the partner changes the application and submits it again."""
    if not reason.strip():
        raise RuleViolation([FieldError("reason", _("Say what the partner must do."), REQUIRED)])
    with transaction.atomic():
        application = _locked(actor, public_id)
        rules.check_status(application, IN_REVIEW, _("sent back"))
        _decided(actor, application, S.ACTION_REQUIRED, reason.strip(), "Request Action")
    return application


def reject_application(actor: Actor, public_id: str, reason: str) -> BenefitApplication:
    if not reason.strip():
        raise RuleViolation(
            [FieldError("reason", _("Say why the application is rejected."), REQUIRED)]
        )
    with transaction.atomic():
        application = _locked(actor, public_id)
        rules.check_status(application, IN_REVIEW, _("rejected"))
        _decided(actor, application, S.REJECTED, reason.strip(), "Reject Benefit Application")
    return application


def set_utilized(actor: Actor, allocation_id: str, utilized: object) -> BenefitAllocation:
    """Record how much of an allocation is used; all of it makes it FULFILLED."""
    require(actor, REVIEW_APPLICATION)
    with transaction.atomic():
        allocation = (
            BenefitAllocation.objects.select_for_update().filter(public_id=allocation_id).first()
        )
        if allocation is None:
            raise NotFound("BenefitAllocation", allocation_id)
        value = _amount(utilized, allocation.allocated_amount)
        allocation.utilized_amount = value
        if value == allocation.allocated_amount and value > 0:
            allocation.status = AllocationStatus.FULFILLED
        allocation.updated_at = timezone.now()
        allocation.save()
        audit.record_change(
            actor,
            "UpdateBenefitAllocation",
            event_source=history.SOURCE,
            company=allocation.company,
            request_parameters={"identifier": allocation.public_id, "utilizedAmount": str(value)},
            resources=[
                {"ARN": history.allocation_arn(allocation), "type": history.ALLOCATION_TYPE}
            ],
        )
    return allocation
