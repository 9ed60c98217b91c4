"""Sponsorships: a company requests an open opportunity; staff confirm or decline."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.content.market.models import SponsorshipOpportunity, SponsorshipRequest
from allyport.content.permissions import REQUEST_SPONSORSHIP, REVIEW_SPONSORSHIP, SPONSORSHIPS
from allyport.content.shared import guard, review
from allyport.content.shared.models import ReviewStatus
from allyport.content.shared.rules import raise_if, text_fields
from allyport.core.errors import ChangeRefused, FieldError, NotFound


def open_opportunity(public_id: str) -> SponsorshipOpportunity:
    found = SponsorshipOpportunity.objects.filter(public_id=public_id, is_open=True).first()
    if found is None:
        raise NotFound("SponsorshipOpportunity", public_id)
    return found


def _clean(given: Mapping[str, Any]) -> dict[str, str]:
    data, errors = text_fields(
        given, {"contact_email": 254, "message": 2000}, optional=("message",)
    )
    if data["contact_email"]:
        try:
            validate_email(data["contact_email"])
        except ValidationError:
            errors.append(FieldError("contact_email", _("Enter a valid email address.")))
    raise_if(errors)
    return data


def request_sponsorship(
    actor: Actor, public_id: str, given: Mapping[str, Any]
) -> SponsorshipRequest:
    """The company's request, submitted for staff to confirm (one per opportunity)."""
    guard.require(actor, REQUEST_SPONSORSHIP, actor.company, menu=SPONSORSHIPS)
    data = _clean(given)
    opportunity = open_opportunity(public_id)
    now = timezone.now()
    try:
        with transaction.atomic():
            made = SponsorshipRequest.objects.create(
                opportunity=opportunity, company=guard.company_of(actor), requested_by=actor.user,
                status=ReviewStatus.SUBMITTED, submitted_at=now, **data,
            )  # fmt: skip
            guard.record(
                actor, "RequestSponsorship", company=actor.company,
                resource_type="SponsorshipRequest", identifier=made.public_id,
                request={"opportunity": public_id},
            )  # fmt: skip
    except IntegrityError:
        raise ChangeRefused(_("Your company already requested this sponsorship.")) from None
    return made


def confirm_sponsorship(
    actor: Actor, public_id: str, *, approve: bool, note: str = ""
) -> SponsorshipRequest:
    """Staff confirm the request (while slots remain) or decline it with a note."""
    if approve:
        with transaction.atomic():
            made = review.find_for(actor, SponsorshipRequest, public_id)
            taken = SponsorshipRequest.objects.filter(
                opportunity=made.opportunity, status=ReviewStatus.VALIDATED
            ).count()
            if taken >= made.opportunity.slots:
                raise ChangeRefused(_("Every sponsor slot of this opportunity is taken."))
    return review.decide(
        actor, SponsorshipRequest, public_id, REVIEW_SPONSORSHIP, approve=approve, note=note,
        event="ConfirmSponsorship",
    )  # fmt: skip
