"""Six-digit email codes that prove an address before an account exists."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.accounts import ids
from allyport.accounts.models import EmailCode
from allyport.audit import services as audit
from allyport.core import mail


class CodeError(Exception):
    """The code cannot be accepted; the message says why, for the person."""


def send_code(
    actor: Actor, email: str, purpose: str, template: str = "accounts/email/security_code"
) -> None:
    """Send a fresh code; any earlier unused code for the same purpose stops working."""
    code = ids.six_digit_code()
    with transaction.atomic():
        _replace_code(actor, email, purpose, make_password(code))
        mail.send(
            template,
            email,
            {"code": code, "minutes": settings.ALLYPORT_CODE_TIMEOUT // 60},
        )


def send_registered_notice(actor: Actor, email: str, purpose: str, *, removed: bool) -> None:
    """Someone started registering with an address that has an account: its owner gets a
    notice instead of a code, and the registration goes on exactly as for a new address
    (a code that no entry can match), so the page tells the visitor nothing."""
    with transaction.atomic():
        # An unusable hash: every code entered is wrong.
        _replace_code(actor, email, purpose, make_password(None), already_registered=True)
        mail.send(
            "accounts/email/already_registered",
            email,
            {
                "email": email,
                "removed": removed,
                "sign_in": settings.ALLYPORT_PUBLIC_URL + reverse("account_login"),
                "reset": settings.ALLYPORT_PUBLIC_URL + reverse("account_reset_password"),
            },
        )


def _replace_code(
    actor: Actor, email: str, purpose: str, code_hash: str, *, already_registered: bool = False
) -> None:
    """The one unused code of (email, purpose) becomes `code_hash`, with its record (a
    notice to a registered address is marked as such in the record, which only the
    company's Event history and staff see)."""
    now = timezone.now()
    EmailCode.objects.filter(email=email, purpose=purpose, consumed_at=None).update(consumed_at=now)
    EmailCode.objects.create(
        email=email,
        purpose=purpose,
        code_hash=code_hash,
        expires_at=now + timedelta(seconds=settings.ALLYPORT_CODE_TIMEOUT),
    )
    audit.record(
        actor,
        "SendEmailVerificationCode",
        event_source=audit.SIGNIN_SOURCE,
        username=email,
        request_parameters={"email": email, "purpose": purpose},
        additional_event_data={"alreadyRegistered": True} if already_registered else None,
    )


def _latest(email: str, purpose: str) -> EmailCode | None:
    return (
        EmailCode.objects.select_for_update()
        .filter(email=email, purpose=purpose)
        .order_by("-created_at", "-id")
        .first()
    )


def _reject(actor: Actor, email: str, reason: str) -> None:
    audit.record(
        actor,
        "VerifyEmailCode",
        event_source=audit.SIGNIN_SOURCE,
        username=email,
        request_parameters={"email": email, "code": "-"},
        error_code="InvalidCode",
        error_message=reason,
    )


def verify_code(actor: Actor, email: str, purpose: str, code: str) -> None:
    """Accept the latest code once; raise CodeError for wrong, expired or used codes."""
    with transaction.atomic():
        entry = _latest(email, purpose)
        reason = _check(entry, code)
        if reason is None and entry is not None:
            entry.consumed_at = timezone.now()
            entry.save(update_fields=["consumed_at"])
            audit.record(
                actor,
                "VerifyEmailCode",
                event_source=audit.SIGNIN_SOURCE,
                username=email,
                request_parameters={"email": email, "code": code},
            )
            return
        _reject(actor, email, reason or "")
    raise CodeError(reason)


def _check(entry: EmailCode | None, code: str) -> str | None:
    if entry is None:
        return _("Request a security code first.")
    if entry.consumed_at is not None:
        return _("This code has already been used or replaced. Request a new code.")
    if entry.expires_at <= timezone.now():
        return _("This code has expired. Choose Resend to get a new code.")
    if entry.attempts >= settings.ALLYPORT_CODE_MAX_ATTEMPTS:
        return _("Too many wrong codes. Choose Resend to get a new code.")
    if not check_password(code.strip(), entry.code_hash):
        entry.attempts += 1
        entry.save(update_fields=["attempts"])
        return _("That code is not right. Check the email and try again.")
    return None
