"""Verification: the partner submits its business details (StartVerification) and the
program's staff review them; registrant verification waits for the registrant, then
for staff."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.core.errors import REQUIRED, Conflict, FieldError, RuleViolation
from allyport.profiles import permissions as perms
from allyport.profiles.enums import VerificationStatus, VerificationType
from allyport.profiles.models import Verification
from allyport.profiles.services.common import record, require_on

OPEN = (VerificationStatus.PENDING_CUSTOMER_ACTION, VerificationStatus.IN_PROGRESS)
BUSINESS_FIELDS = ("LegalName", "RegistrationId", "CountryCode", "JurisdictionOfIncorporation")


def _business(details: Mapping[str, Any]) -> dict[str, str]:
    values = {key: str(details.get(key) or "").strip() for key in BUSINESS_FIELDS}
    errors = [
        FieldError(
            f"VerificationDetails.BusinessVerificationDetails.{key}",
            _("This field is required."),
            REQUIRED,
        )
        for key in BUSINESS_FIELDS[:3]
        if not values[key]
    ]
    if errors:
        raise RuleViolation(errors)
    return {key: value for key, value in values.items() if value}


def start_verification(actor: Actor, company: Company, details: Mapping[str, Any]) -> Verification:
    """StartVerification with VerificationDetails (BusinessVerificationDetails or
    RegistrantVerificationDetails). Refused while one is open or once verified."""
    require_on(actor, perms.START_VERIFICATION, company)
    if "BusinessVerificationDetails" in details:
        kind, stored = VerificationType.BUSINESS, _business(details["BusinessVerificationDetails"])
        status = VerificationStatus.IN_PROGRESS
    elif "RegistrantVerificationDetails" in details:
        kind, stored, status = (
            VerificationType.REGISTRANT,
            {},
            VerificationStatus.PENDING_CUSTOMER_ACTION,
        )
    else:
        raise RuleViolation(
            [FieldError("VerificationDetails", _("Give the details to verify."), REQUIRED)]
        )
    with transaction.atomic():
        found = (
            Verification.objects.select_for_update()
            .filter(company=company, verification_type=kind)
            .first()
        )
        if found is not None and found.status == VerificationStatus.SUCCEEDED:
            raise Conflict(_("This account is already verified."), "Verification", kind)
        if found is not None and found.status in OPEN:
            raise Conflict(_("A verification is already in progress."), "Verification", kind)
        found = found or Verification(company=company, verification_type=kind)
        found.status, found.details, found.status_reason = status, stored, ""
        found.started_at, found.completed_at, found.reviewed_by = timezone.now(), None, None
        found.save()
        record(
            actor,
            "StartVerification",
            company,
            {"verificationType": kind, **stored},
            {"status": status},
        )
    return found


def completion_url(verification: Verification) -> str:
    """Where the registrant finishes: their own profile page (valid while pending)."""
    return settings.ALLYPORT_PUBLIC_URL + reverse("profiles:verification")


def complete_registrant_verification(actor: Actor, company: Company) -> Verification:
    """The registrant confirmed their identity on the portal: staff review it next."""
    require_on(actor, perms.START_VERIFICATION, company)
    with transaction.atomic():
        found = (
            Verification.objects.select_for_update()
            .filter(
                company=company,
                verification_type=VerificationType.REGISTRANT,
                status=VerificationStatus.PENDING_CUSTOMER_ACTION,
            )
            .first()
        )
        if found is None:
            raise Conflict(
                _("No verification waits for you."), "Verification", VerificationType.REGISTRANT
            )
        found.status = VerificationStatus.IN_PROGRESS
        found.save(update_fields=["status"])
        record(actor, "CompleteRegistrantVerification", company, {}, {"status": found.status})
    return found


def review_verification(
    actor: Actor, verification: Verification, *, approve: bool, reason: str = ""
) -> Verification:
    """Staff decide an open verification: SUCCEEDED, or REJECTED with the reason."""
    require_on(actor, perms.REVIEW, verification.company)
    with transaction.atomic():
        found = Verification.objects.select_for_update().get(pk=verification.pk)
        if found.status != VerificationStatus.IN_PROGRESS:
            raise Conflict(
                _("This verification is not waiting for review."),
                "Verification",
                found.verification_type,
            )
        found.status = VerificationStatus.SUCCEEDED if approve else VerificationStatus.REJECTED
        found.status_reason = reason[:200]
        found.completed_at, found.reviewed_by = timezone.now(), actor.user
        found.save()
        record(
            actor, "ReviewVerification", found.company,
            {"verificationType": found.verification_type, "reason": reason},
            {"status": found.status},
        )  # fmt: skip
    return found
