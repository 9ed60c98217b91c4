"""Six-digit codes mailed to an address to prove it: My Domains (48 hours, limited
resends) and the account API's SendEmailVerificationCode (for the training and
certification domain, the alliance lead contact and CreatePartner)."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.core import mail
from allyport.core.errors import FieldError, RuleViolation
from allyport.profiles import ids
from allyport.profiles import permissions as perms
from allyport.profiles.models import EmailVerificationCode
from allyport.profiles.services import quotas
from allyport.profiles.services.common import record, require_on

Purpose = EmailVerificationCode.Purpose
LIFETIME = {Purpose.COMPANY_DOMAIN: timedelta(hours=48), Purpose.API: timedelta(hours=24)}
MAX_SENDS = 4  # the first mail and three resends
MAX_ATTEMPTS = 5


def issue_code(
    actor: Actor, company: Company | None, email: str, purpose: str, *, resend: bool = False
) -> EmailVerificationCode:
    """Mail a fresh code. A resend replaces the open code (counting toward the limit);
    a first send starts a new count. The caller decided and records the change."""
    email = email.strip().lower()
    code = ids.six_digit_code()
    now = timezone.now()
    open_code = (
        EmailVerificationCode.objects.select_for_update()
        .filter(email=email, purpose=purpose, company=company, consumed_at=None)
        .order_by("-created_at", "-id")
        .first()
    )
    if resend and open_code is not None and open_code.sends >= MAX_SENDS:
        raise RuleViolation(
            [
                FieldError(
                    "email",
                    _("The code was sent %(n)d times; start again later.") % {"n": MAX_SENDS},
                )
            ]
        )
    sends = open_code.sends + 1 if (resend and open_code is not None) else 1
    EmailVerificationCode.objects.filter(
        email=email, purpose=purpose, company=company, consumed_at=None
    ).update(consumed_at=now)
    entry = EmailVerificationCode.objects.create(
        company=company,
        email=email,
        purpose=purpose,
        code_hash=make_password(code),
        expires_at=now + LIFETIME[Purpose(purpose)],
        sends=sends,
        requested_by=actor.user,
    )
    hours = int(LIFETIME[Purpose(purpose)].total_seconds() // 3600)
    mail.send("profiles/email/verification_code", email, {"code": code, "hours": hours})
    return entry


def _reason(entry: EmailVerificationCode | None, code: str) -> str | None:
    if entry is None:
        return _("Request a verification code first.")
    if entry.expires_at <= timezone.now():
        return _("This code has expired. Choose Resend to get a new code.")
    if entry.attempts >= MAX_ATTEMPTS:
        return _("Too many wrong codes. Choose Resend to get a new code.")
    if not check_password(str(code or "").strip(), entry.code_hash):
        entry.attempts += 1
        entry.save(update_fields=["attempts"])
        return _("That code is not right. Check the email and try again.")
    return None


def consume_code(
    company: Company | None, email: str, purpose: str, code: str, field: str = "code"
) -> EmailVerificationCode:
    """Accept the open code once, or refuse naming `field`. A wrong guess is counted
    even though the caller's change rolls back (its own transaction, committed)."""
    email = email.strip().lower()
    with transaction.atomic():
        entry = (
            EmailVerificationCode.objects.select_for_update()
            .filter(email=email, purpose=purpose, company=company, consumed_at=None)
            .order_by("-created_at", "-id")
            .first()
        )
        reason = _reason(entry, code)
    if reason is not None or entry is None:
        raise RuleViolation([FieldError(field, reason or "")])
    entry.consumed_at = timezone.now()
    entry.save(update_fields=["consumed_at"])
    return entry


def send_email_verification_code(
    actor: Actor, company: Company | None, email: str, *, catalog: str = "AWS"
) -> None:
    """SendEmailVerificationCode: a code to `email` for the account API's operations
    that take EmailVerificationCode."""
    if company is not None:
        require_on(actor, perms.SEND_CODE, company, catalog)
    with transaction.atomic():
        quotas.check_codes(email)
        issue_code(actor, company, email, Purpose.API)
        if company is not None:
            record(actor, "SendEmailVerificationCode", company, {"email": email})
