"""My Certifications: the certifications email (the FAQ's "AWS T&C Account Email") and
the consent to share. One address credits one person: clearing it in one company's
account and adding it in another moves the credit (the FAQ's transfer)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import MENU_PREFIX, require
from allyport.accounts.models import User
from allyport.audit import services as audit
from allyport.core.errors import FieldError, RuleViolation
from allyport.programs.permissions import MY_CERTIFICATIONS
from allyport.programs.selectors import scorecard_cache


def _claimed_elsewhere(user: User, email: str) -> bool:
    others = User.objects.exclude(pk=user.pk).filter(status=User.Status.ACTIVE)
    return (
        others.filter(certification_email__iexact=email, certification_consent=True).exists()
        or others.filter(email__iexact=email).exists()
    )


def update_certification_email(actor: Actor, email: str, consent: bool) -> User:
    require(actor, MENU_PREFIX + MY_CERTIFICATIONS)
    assert actor.user is not None
    email = email.strip().lower()
    errors = []
    if email and not consent:
        errors.append(
            FieldError(
                "certification_consent",
                _("Give your consent to share certifications earned with this address."),
            )
        )
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=actor.user.pk)
        if email and email != user.email and _claimed_elsewhere(user, email):
            errors.append(FieldError("certification_email", _(
                "This address is linked to another AWS Partner Central account. Clear it "
                "there first (My Certifications, Edit, delete the address, Save), then add it here."
            )))  # fmt: skip
        if errors:
            raise RuleViolation(errors)
        before = {
            "certificationEmail": user.certification_email,
            "consent": user.certification_consent,
        }
        user.certification_email, user.certification_consent = email, bool(consent and email)
        user.save(update_fields=["certification_email", "certification_consent"])
        scorecard_cache.forget(user.company_id)
        audit.record_change(
            actor, "UpdateCertificationEmail",
            request_parameters={"certificationEmail": email, "consent": user.certification_consent,
                                "previous": before},
        )  # fmt: skip
    return user
