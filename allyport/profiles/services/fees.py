"""The program fee. The alliance lead or alliance team submit the upgrade form with the
AWS account id that pays: the company becomes Confirmed and the year's fee is billed,
due in 90 days. Reminders go out while it is due; an unpaid fee past 90 days lapses and
the company goes back to Enrolled, unless staff waive it. Staff mark a fee paid (or an
import does); payment mails the alliance lead a promotional credit code. Each year at
Confirmed or higher bills again."""

from __future__ import annotations

import re
import secrets
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import require
from allyport.access.models import RoleAssignment
from allyport.accounts.models import Company, User
from allyport.core import mail
from allyport.core.errors import Conflict, FieldError, RuleViolation
from allyport.profiles import permissions as perms
from allyport.profiles.enums import FeeStatus, Stage, stage_rank
from allyport.profiles.models import AllianceLeadContact, ProgramFee
from allyport.profiles.services.common import lock, record, require_on
from allyport.profiles.services.stages import change_stage

DAYS_TO_PAY = 90
REMINDER_DAYS = (30, 60, 80)  # after billing
FEE = "ProgramFee"


def fee_amount() -> Decimal:
    return Decimal(str(getattr(settings, "ALLYPORT_PROGRAM_FEE_USD", "2500.00")))


def _bill(company: Company, account_id: str, start: date, user: User | None) -> ProgramFee:
    now = timezone.now()
    return ProgramFee.objects.create(
        company=company,
        period_start=start,
        amount=fee_amount(),
        paying_account_id=account_id,
        billed_at=now,
        due_at=now + timedelta(days=DAYS_TO_PAY),
        submitted_by=user,
    )


def submit_fee_upgrade(actor: Actor, company: Company, paying_account_id: str) -> ProgramFee:
    """The upgrade form: an Enrolled company becomes Confirmed and is billed."""
    require_on(actor, perms.SUBMIT_FEE_UPGRADE, company)
    account = (paying_account_id or "").strip()
    if not re.fullmatch(r"[0-9]{12}", account):
        raise RuleViolation([FieldError("paying_account_id", _("An AWS account ID is 12 digits."))])
    with transaction.atomic():
        company = lock(company)
        if company.stage != Stage.ENROLLED:
            raise RuleViolation(
                [
                    FieldError(
                        "paying_account_id",
                        _("Enroll in a path first; the fee confirms an Enrolled company."),
                    )
                ]
                if stage_rank(company.stage) < stage_rank(Stage.ENROLLED)
                else [
                    FieldError(
                        "paying_account_id",
                        _("Your company is already %(stage)s.") % {"stage": company.stage},
                    )
                ]
            )
        try:
            with transaction.atomic():
                fee = _bill(company, account, timezone.localdate(), actor.user)
        except IntegrityError:
            raise Conflict(
                _("This year's fee is already billed."), FEE, company.public_id
            ) from None
        record(
            actor,
            "SubmitProgramFeeUpgrade",
            company,
            {"payingAccountId": account},
            {"amount": str(fee.amount)},
        )
        change_stage(actor, company, Stage.CONFIRMED, _("Program fee upgrade form submitted"))
    return fee


def _open(fee: ProgramFee) -> ProgramFee:
    found = ProgramFee.objects.select_for_update().get(pk=fee.pk)
    if found.status not in (FeeStatus.DUE, FeeStatus.LAPSED):
        raise Conflict(_("This fee is already settled."), FEE, str(fee.pk))
    return found


def lead_address(company: Company) -> str:
    contact = AllianceLeadContact.objects.filter(company=company).first()
    if contact is not None:
        return contact.email
    lead = (
        RoleAssignment.objects.select_related("user")
        .filter(company=company, role="alliance_lead")
        .first()
    )
    return lead.user.email if lead else ""


def record_fee_payment(
    actor: Actor, fee: ProgramFee, reference: str = "", *, source: str = "staff"
) -> ProgramFee:
    """Payment received (staff, or an import as the system): the alliance lead is
    mailed the promotional credit code; a lapsed company is Confirmed again."""
    require_on(actor, perms.REVIEW, fee.company)
    with transaction.atomic():
        company = lock(fee.company)
        fee = _open(fee)
        fee.status, fee.paid_at, fee.closed_by = FeeStatus.PAID, timezone.now(), actor.user
        fee.payment_source, fee.payment_reference = source, reference[:80]
        fee.promo_code = "APN-" + secrets.token_hex(6).upper()
        fee.save()
        record(
            actor,
            "RecordProgramFeePayment",
            company,
            {"reference": reference, "source": source},
            {"status": fee.status},
        )
        if company.stage == Stage.ENROLLED:
            change_stage(actor, company, Stage.CONFIRMED, _("Program fee paid"))
        address = lead_address(company)
        if address:
            mail.send(
                "profiles/email/fee_paid",
                address,
                {"fee": fee, "company": company, "promo_code": fee.promo_code},
            )
    return fee


def waive_fee(actor: Actor, fee: ProgramFee, reason: str) -> ProgramFee:
    """Staff waive a fee: no reminders, no downgrade."""
    require_on(actor, perms.REVIEW, fee.company)
    if not reason.strip():
        raise RuleViolation([FieldError("reason", _("Give the reason for waiving the fee."))])
    with transaction.atomic():
        company = lock(fee.company)
        fee = _open(fee)
        fee.status, fee.waived_reason, fee.closed_by = (
            FeeStatus.WAIVED,
            reason.strip()[:500],
            actor.user,
        )
        fee.save()
        record(actor, "WaiveProgramFee", company, {"reason": reason}, {"status": fee.status})
        if company.stage == Stage.ENROLLED:
            change_stage(actor, company, Stage.CONFIRMED, _("Program fee waived"))
    return fee


def _remind(actor: Actor, fee: ProgramFee, now: datetime) -> None:
    days = (now - fee.billed_at).days
    if fee.reminders_sent < len(REMINDER_DAYS) and days >= REMINDER_DAYS[fee.reminders_sent]:
        address = lead_address(fee.company)
        if address:
            mail.send("profiles/email/fee_reminder", address, {"fee": fee, "company": fee.company})
        fee.reminders_sent += 1
        fee.last_reminder_at = now
        fee.save(update_fields=["reminders_sent", "last_reminder_at"])


def _lapse(actor: Actor, fee: ProgramFee, now: datetime) -> None:
    company = lock(fee.company)
    fee.status, fee.lapsed_at = FeeStatus.LAPSED, now
    fee.save(update_fields=["status", "lapsed_at"])
    record(actor, "LapseProgramFee", company, {"periodStart": str(fee.period_start)})
    if stage_rank(company.stage) >= stage_rank(Stage.CONFIRMED):
        change_stage(actor, company, Stage.ENROLLED, _("Program fee not paid within 90 days"))


def sweep_fees(actor: Actor) -> int:
    """Reminders, lapses and the yearly bills (the system's periodic work)."""
    require(actor, perms.REVIEW)
    now, count = timezone.now(), 0
    for fee in ProgramFee.objects.filter(status=FeeStatus.DUE).select_related("company")[:1000]:
        with transaction.atomic():
            if fee.due_at <= now:
                _lapse(actor, fee, now)
            else:
                _remind(actor, fee, now)
        count += 1
    return count + _bill_yearly(actor)


def _bill_yearly(actor: Actor) -> int:
    """A new year's fee for companies still Confirmed or higher a year after the last."""
    today, count = timezone.localdate(), 0
    year_ago = today - timedelta(days=365)
    latest = ProgramFee.objects.filter(period_start__lte=year_ago).exclude(status=FeeStatus.LAPSED)
    for fee in latest.select_related("company").order_by("company_id", "-period_start")[:1000]:
        company = fee.company
        if stage_rank(company.stage) < stage_rank(Stage.CONFIRMED):
            continue
        start = fee.period_start + timedelta(days=365)
        if ProgramFee.objects.filter(company=company, period_start__gt=fee.period_start).exists():
            continue
        with transaction.atomic():
            new = _bill(lock(company), fee.paying_account_id, start, None)
            record(
                actor,
                "BillProgramFee",
                company,
                {"periodStart": str(start)},
                {"amount": str(new.amount)},
            )
        count += 1
    return count


def import_fee_payments(actor: Actor, text: str) -> list[str]:
    """Payments from the billing system's CSV (`partner id,reference` a line): each
    company's open fee is recorded paid as by `record_fee_payment`. Returns one line of
    outcome per row; a refused row does not stop the others."""
    require(actor, perms.REVIEW)
    outcomes = []
    for number, line in enumerate(text.splitlines(), start=1):
        cells = [cell.strip() for cell in line.split(",")]
        if not cells[0] or cells[0].lower() in ("partner id", "partner_id"):
            continue
        fee = (
            ProgramFee.objects.filter(
                company__public_id=cells[0], status__in=(FeeStatus.DUE, FeeStatus.LAPSED)
            )
            .order_by("period_start")
            .first()
        )
        if fee is None:
            outcomes.append(f"{number}: {cells[0]}: no open fee")
            continue
        record_fee_payment(actor, fee, cells[1] if len(cells) > 1 else "", source="import")
        outcomes.append(f"{number}: {cells[0]}: paid")
    return outcomes


CANCEL_CATEGORY = "APN Program Fee and Renewal: Downgrade my APN Membership"


def request_membership_cancellation(actor: Actor, company: Company, message: str) -> Any:
    """Cancelling the membership is a support case of the type the FAQ names (APN
    Program Fee and Renewal, Downgrade my APN Membership); staff act on it."""
    require_on(actor, perms.SUBMIT_FEE_UPGRADE, company)
    from allyport.support.services import open_case  # noqa: PLC0415

    body = message.strip() or _("Please downgrade our APN membership.")
    with transaction.atomic():
        case = open_case(actor, _("Downgrade my APN Membership"), CANCEL_CATEGORY, body)
        record(actor, "RequestMembershipCancellation", company, {"caseId": case.case_id})
    return case
