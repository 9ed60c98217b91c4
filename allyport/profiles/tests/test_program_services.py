"""Paths, stages, the program fee and the partner terms."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from allyport.access.actor import Actor
from allyport.access.decisions import PermissionDenied
from allyport.audit.models import AuditEvent
from allyport.core.errors import Conflict, RuleViolation
from allyport.profiles.models import ProgramFee, StageChange, TermsAcceptance
from allyport.profiles.services import fees, profile, stages, terms
from allyport.profiles.tests.conftest import lead_actor, member, staff
from allyport.profiles.tests.test_domain_services import last_mail
from allyport.testing import make_company

pytestmark = pytest.mark.django_db


def stage_of(company) -> str:  # type: ignore[no-untyped-def]
    company.refresh_from_db()
    return str(company.stage)


def test_enrolling_needs_a_matching_product_type_and_moves_to_enrolled() -> None:
    company, lead = make_company(paths=["Software"])
    actor = lead_actor(lead)
    with pytest.raises(RuleViolation) as refused:
        stages.enroll_in_path(actor, company, "Training")
    assert "Products & Services" in refused.value.errors[0].message
    profile.set_offering_types(actor, company, ["TRAINING_SERVICES"])
    stages.enroll_in_path(actor, company, "Training")
    assert stage_of(company) == "Enrolled"
    assert "Training" in company.paths
    change = StageChange.objects.get(company=company)
    assert (change.from_stage, change.to_stage) == ("Registered", "Enrolled")
    assert "Training" in change.reason


def test_fee_upgrade_confirms_and_payment_mails_the_promotional_code() -> None:
    company, lead = make_company(stage="Enrolled")
    fee = fees.submit_fee_upgrade(lead_actor(lead), company, "123456789012")
    assert stage_of(company) == "Confirmed"
    assert (fee.due_at - fee.billed_at).days == 90
    paid = fees.record_fee_payment(staff(), fee, "INV-1")
    assert paid.promo_code in last_mail(lead.email).body
    with pytest.raises(Conflict):
        fees.waive_fee(staff(), paid, "again")


def test_fee_refusals() -> None:
    company, lead = make_company()
    with pytest.raises(RuleViolation) as refused:
        fees.submit_fee_upgrade(lead_actor(lead), company, "12345")
    assert "12 digits" in refused.value.errors[0].message
    with pytest.raises(RuleViolation) as refused:
        fees.submit_fee_upgrade(lead_actor(lead), company, "123456789012")
    assert "Enroll in a path first" in refused.value.errors[0].message
    with pytest.raises(PermissionDenied):
        fees.submit_fee_upgrade(member(company, "marketing_staff"), company, "123456789012")


def test_unpaid_fee_reminds_then_downgrades_unless_waived() -> None:
    company, lead = make_company(stage="Enrolled")
    fee = fees.submit_fee_upgrade(lead_actor(lead), company, "123456789012")
    ProgramFee.objects.filter(pk=fee.pk).update(billed_at=timezone.now() - timedelta(days=31))
    fees.sweep_fees(Actor.system())
    assert ProgramFee.objects.get(pk=fee.pk).reminders_sent == 1
    assert "is due by" in last_mail(lead.email).body
    ProgramFee.objects.filter(pk=fee.pk).update(due_at=timezone.now() - timedelta(seconds=1))
    fees.sweep_fees(Actor.system())
    assert ProgramFee.objects.get(pk=fee.pk).status == "LAPSED"
    assert stage_of(company) == "Enrolled"
    other, other_lead = make_company(stage="Enrolled")
    waived = fees.waive_fee(
        staff(),
        fees.submit_fee_upgrade(lead_actor(other_lead), other, "123456789012"),
        "Launch partner",
    )
    ProgramFee.objects.filter(pk=waived.pk).update(due_at=timezone.now() - timedelta(days=1))
    fees.sweep_fees(Actor.system())
    assert stage_of(other) == "Confirmed"


def test_yearly_bill() -> None:
    company, lead = make_company(stage="Enrolled")
    fee = fees.submit_fee_upgrade(lead_actor(lead), company, "123456789012")
    fees.record_fee_payment(staff(), fee)
    ProgramFee.objects.filter(pk=fee.pk).update(
        period_start=timezone.localdate() - timedelta(days=366)
    )
    fees.sweep_fees(Actor.system())
    assert ProgramFee.objects.filter(company=company, status="DUE").count() == 1


def test_staff_move_stages_with_a_reason_and_validation_needs_confirmed() -> None:
    company, lead = make_company()
    with pytest.raises(RuleViolation):
        stages.record_validation(staff(), company, "passed")
    with pytest.raises(RuleViolation) as refused:
        stages.move_stage(staff(), company, "Confirmed", "")
    assert refused.value.errors[0].field == "reason"
    stages.move_stage(staff(), company, "Confirmed", "Migrated from the old portal")
    stages.record_validation(staff(), company, "Foundational technical review passed")
    assert stage_of(company) == "Validated"
    with pytest.raises(PermissionDenied):
        stages.move_stage(lead_actor(lead), company, "Differentiated", "please")
    assert AuditEvent.objects.filter(event_name="UpdatePartnerStage").count() == 2


def test_terms_versions_and_acceptance() -> None:
    company, lead = make_company()
    v1 = terms.publish_terms(staff(), "Partner terms", "Text one")
    accepted = terms.accept_terms(lead_actor(lead), company, v1.version)
    assert (accepted.user, accepted.version.version) == (lead, 1)
    v2 = terms.publish_terms(staff(), "Partner terms", "Text two")
    with pytest.raises(Conflict):
        terms.accept_terms(lead_actor(lead), company, v1.version)
    with pytest.raises(PermissionDenied):
        terms.accept_terms(member(company, "alliance_team"), company, v2.version)
    terms.accept_terms(lead_actor(lead), company, v2.version)
    assert TermsAcceptance.objects.filter(company=company).count() == 2


def test_payments_import_from_csv(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from django.core.management import call_command

    company, lead = make_company(stage="Enrolled")
    fees.submit_fee_upgrade(lead_actor(lead), company, "123456789012")
    source = tmp_path / "payments.csv"
    source.write_text(
        f"partner id,reference\n{company.public_id},WIRE-9\npartner-zzzzzzzzzzzzz,X\n"
    )
    out = __import__("io").StringIO()
    call_command("import_fee_payments", str(source), stdout=out)
    assert out.getvalue().splitlines() == [
        f"2: {company.public_id}: paid",
        "3: partner-zzzzzzzzzzzzz: no open fee",
    ]
    fee = ProgramFee.objects.get(company=company)
    assert (fee.status, fee.payment_source, fee.payment_reference) == ("PAID", "import", "WIRE-9")
