"""The Account API's daily quotas, enforced here so the pages and the API refuse
alike (spec §1.2, a rolling 24 hours): profile update tasks per company, profile
visibility changes per company, and verification codes per address. Over a quota:
QuotaExceeded with the model's reason (the API's ServiceQuotaExceededException; the
pages show the message above the form). Counted from the records themselves
(ProfileVersion, EmailVerificationCode), inside the caller's transaction after the
company's row is locked, so two requests cannot both take the last one."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.accounts.models import Company
from allyport.core.errors import QuotaExceeded
from allyport.profiles.models import EmailVerificationCode, ProfileVersion

DAY = timedelta(days=1)


def _since() -> datetime:
    return timezone.now() - DAY


def check_profile_updates(company: Company) -> None:
    limit = int(settings.ALLYPORT_PROFILE_UPDATES_PER_DAY)
    done = ProfileVersion.objects.filter(
        company=company, section=ProfileVersion.Section.LISTING, started_at__gte=_since()
    ).count()
    if done >= limit:
        raise QuotaExceeded(
            _(
                "Your company has started %(n)d profile updates in the last 24 hours, the "
                "most allowed; try again later."
            )
            % {"n": limit},
            "LIMIT_EXCEEDED_NUMBER_OF_PROFILE_UPDATE_PER_DAY",
        )


def check_visibility_updates(company: Company) -> None:
    limit = int(settings.ALLYPORT_VISIBILITY_UPDATES_PER_DAY)
    done = ProfileVersion.objects.filter(
        company=company, section=ProfileVersion.Section.VISIBILITY, started_at__gte=_since()
    ).count()
    if done >= limit:
        raise QuotaExceeded(
            _(
                "Your company has changed its listing visibility %(n)d times in the last 24 "
                "hours, the most allowed; try again later."
            )
            % {"n": limit},
            "LIMIT_EXCEEDED_NUMBER_OF_PROFILE_VISIBILITY_UPDATE_PER_DAY",
        )


def check_codes(email: str) -> None:
    """Verification codes the Account API sends to one address."""
    limit = int(settings.ALLYPORT_VERIFICATION_CODES_PER_DAY)
    sent = EmailVerificationCode.objects.filter(
        email=email.strip().lower(),
        purpose=EmailVerificationCode.Purpose.API,
        created_at__gte=_since(),
    ).count()
    if sent >= limit:
        raise QuotaExceeded(
            _(
                "%(n)d verification codes were sent to this address in the last 24 hours, "
                "the most allowed; try again later."
            )
            % {"n": limit},
            "LIMIT_EXCEEDED_NUMBER_OF_EMAIL",
        )
