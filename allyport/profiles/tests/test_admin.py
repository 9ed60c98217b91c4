"""The program's side in the admin: listing approval and rejection with a reason,
validation and stage moves, fees paid and waived, terms published, verification
reviewed — each through the services, recorded with the staff identity."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from allyport.accounts.models import User
from allyport.audit.models import AuditEvent
from allyport.profiles.models import (
    CompanyProfile,
    ProfileVersion,
    ProgramFee,
    TermsVersion,
    Verification,
)
from allyport.profiles.services import fees, listing, verification
from allyport.profiles.tests.conftest import details, lead_actor
from allyport.testing import make_company

pytestmark = pytest.mark.django_db


@pytest.fixture
def ops() -> Client:
    from allyport.accounts import backends

    client = Client()
    client.force_login(
        User.objects.create_superuser("ops@staff.example", "Ops!Pass12"), backend=backends.PATH
    )
    return client


def act(client: Client, model: str, action: str, pks: list[int], **data: str) -> str:
    url = reverse(f"admin:profiles_{model}_changelist")
    response = client.post(url, {"action": action, "_selected_action": pks, **data}, follow=True)
    return response.content.decode()


def test_approve_and_reject_listing_changes(ops: Client) -> None:
    company, lead = make_company(stage="Validated")
    pending = listing.start_profile_update(
        lead_actor(lead), company, details(DisplayName="Approved Name")
    )
    act(ops, "profileversion", "approve", [pending.pk])
    assert CompanyProfile.objects.get(company=company).display_name == "Approved Name"
    event = AuditEvent.objects.get(event_name="ApproveProfileUpdate")
    assert event.record["userIdentity"]["userName"] == "ops@staff.example"
    second = listing.start_profile_update(lead_actor(lead), company, details(DisplayName="Bad"))
    page = act(ops, "profileversion", "reject", [second.pk])
    assert "Reject listing changes" in page  # asks for the reason first
    act(
        ops,
        "profileversion",
        "reject",
        [second.pk],
        apply="1",
        reason="Inappropriate name",
        code="INVALID_CONTENT",
    )
    second.refresh_from_db()
    assert second.status == "FAILED" and second.error_details[0]["Message"] == "Inappropriate name"


def test_validation_and_stage_moves_need_a_reason(ops: Client) -> None:
    company, _lead = make_company(stage="Confirmed")
    act(ops, "partnerstanding", "validate", [company.pk], apply="1", reason="FTR passed")
    company.refresh_from_db()
    assert company.stage == "Validated"
    page = act(
        ops, "partnerstanding", "move", [company.pk], apply="1", stage="Differentiated", reason=""
    )
    assert "This field is required." in page
    act(
        ops,
        "partnerstanding",
        "move",
        [company.pk],
        apply="1",
        stage="Differentiated",
        reason="Competency",
    )
    company.refresh_from_db()
    assert company.stage == "Differentiated"


def test_fees_paid_and_waived(ops: Client) -> None:
    company, lead = make_company(stage="Enrolled")
    fee = fees.submit_fee_upgrade(lead_actor(lead), company, "123456789012")
    act(ops, "programfee", "mark_paid", [fee.pk], apply="1", reference="WIRE-7")
    fee.refresh_from_db()
    assert (fee.status, fee.payment_reference) == ("PAID", "WIRE-7")
    page = act(ops, "programfee", "waive", [fee.pk], apply="1", reason="x")
    assert "already settled" in page
    assert ProgramFee.objects.get(pk=fee.pk).status == "PAID"


def test_publish_terms_and_review_verification(ops: Client) -> None:
    ops.post(reverse("admin:profiles_termsversion_add"), {"title": "Terms", "body": "Be good."})
    assert TermsVersion.objects.get().version == 1
    company, lead = make_company()
    business = {"LegalName": "X", "RegistrationId": "1", "CountryCode": "US"}
    started = verification.start_verification(
        lead_actor(lead), company, {"BusinessVerificationDetails": business}
    )
    act(ops, "verification", "reject", [started.pk], apply="1", reason="Registry mismatch")
    found = Verification.objects.get(pk=started.pk)
    assert (found.status, found.status_reason) == ("REJECTED", "Registry mismatch")
    assert ProfileVersion.objects.count() == 0
