"""Public Reference (Enrolled or higher): members submit a customer reference with the
customer's consent; staff validate it. The validated count feeds the scorecard
(slot "company.public_references")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.content.market.models import PublicReference
from allyport.content.permissions import PUBLIC_REFERENCE, REVIEW_REFERENCE, SUBMIT_REFERENCE
from allyport.content.shared import guard, review
from allyport.content.shared.models import ReviewStatus
from allyport.content.shared.rules import raise_if, text_fields, url_errors
from allyport.core.errors import REQUIRED, FieldError

LIMITS = {
    "customer": 200, "customer_contact": 120, "customer_email": 254, "quote": 3000,
    "use_case": 200, "url": 200,
}  # fmt: skip


def clean(given: Mapping[str, Any]) -> dict[str, Any]:
    data: dict[str, Any]
    data, errors = text_fields(given, LIMITS, optional=("url",))  # type: ignore[assignment]
    if data["customer_email"]:
        try:
            validate_email(data["customer_email"])
        except ValidationError:
            errors.append(FieldError("customer_email", _("Enter a valid email address.")))
    if given.get("consent") is not True:
        message = _("A reference needs the customer's consent to be named publicly.")
        errors.append(FieldError("consent", message, REQUIRED))
    raise_if(errors + url_errors(data["url"], "url"))
    return {**data, "consent": True}


def submit_reference(actor: Actor, given: Mapping[str, Any]) -> PublicReference:
    """A new reference, submitted for validation at once."""
    guard.require(actor, SUBMIT_REFERENCE, actor.company, menu=PUBLIC_REFERENCE)
    data = clean(given)
    now = timezone.now()
    with transaction.atomic():
        reference = PublicReference.objects.create(
            company=guard.company_of(actor), status=ReviewStatus.SUBMITTED, submitted_at=now,
            consent_recorded_at=now, **data,
        )  # fmt: skip
        guard.record(
            actor, "SubmitPublicReference", company=actor.company,
            resource_type="PublicReference", identifier=reference.public_id,
        )  # fmt: skip
    return reference


def update_reference(actor: Actor, public_id: str, given: Mapping[str, Any]) -> PublicReference:
    """Correct a reference staff sent back, and submit it again."""
    guard.require(actor, SUBMIT_REFERENCE, actor.company, menu=PUBLIC_REFERENCE)
    data = clean(given)
    with transaction.atomic():
        reference = review.find_for(actor, PublicReference, public_id, lock=True)
        review.check_editable(reference)
        for name, value in data.items():
            setattr(reference, name, value)
        reference.status = ReviewStatus.SUBMITTED
        reference.submitted_at = reference.updated_at = reference.consent_recorded_at = (
            timezone.now()
        )
        reference.save()
        guard.record(
            actor, "UpdatePublicReference", company=reference.company,
            resource_type="PublicReference", identifier=public_id,
        )  # fmt: skip
    return reference


def validate_reference(
    actor: Actor, public_id: str, *, approve: bool, note: str = ""
) -> PublicReference:
    return review.decide(
        actor, PublicReference, public_id, REVIEW_REFERENCE, approve=approve, note=note,
        event="ValidatePublicReference",
    )  # fmt: skip


def validated_count(company: Any) -> int:
    """The "company.public_references" slot."""
    return PublicReference.objects.filter(company=company, status=ReviewStatus.VALIDATED).count()
