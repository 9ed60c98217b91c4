"""The partner record: alliance lead contact, verification, qualification association,
CreatePartner."""

from __future__ import annotations

from typing import Any

import pytest

from allyport.access.actor import Actor
from allyport.core import contributions
from allyport.core.errors import Conflict, RuleViolation
from allyport.profiles.models import QualificationsAssociation
from allyport.profiles.selectors import partner as reads
from allyport.profiles.services import codes, partner, qualifications, verification
from allyport.profiles.tests.conftest import iam, lead_actor, staff
from allyport.profiles.tests.test_domain_services import last_code
from allyport.testing import make_company

pytestmark = pytest.mark.django_db
CONTACT = {
    "FirstName": "Ana",
    "LastName": "Diaz",
    "Email": "ana@contact.example",
    "BusinessTitle": "CEO",
}


def test_alliance_lead_contact_defaults_to_the_lead_and_is_replaced() -> None:
    company, lead = make_company(domain="contact.example")
    assert reads.alliance_lead_contact(company)["Email"] == lead.email
    codes.send_email_verification_code(iam(company), company, CONTACT["Email"])
    stored = partner.put_alliance_lead_contact(
        iam(company), company, CONTACT, last_code(CONTACT["Email"])
    )
    assert stored.verified_at is not None
    assert reads.alliance_lead_contact(company) == CONTACT
    with pytest.raises(RuleViolation) as refused:
        partner.put_alliance_lead_contact(iam(company), company, {"FirstName": "A"})
    assert len(refused.value.errors) == 3


def test_business_verification_is_reviewed_by_staff() -> None:
    company, lead = make_company()
    details = {
        "BusinessVerificationDetails": {
            "LegalName": "Octank LLC",
            "RegistrationId": "123",
            "CountryCode": "US",
        }
    }
    started = verification.start_verification(lead_actor(lead), company, details)
    assert reads.verification_answer(started)["VerificationStatus"] == "IN_PROGRESS"
    with pytest.raises(Conflict):
        verification.start_verification(lead_actor(lead), company, details)
    verification.review_verification(staff(), started, approve=True)
    view = reads.verification_view(company, "BUSINESS_VERIFICATION")
    assert view["VerificationStatus"] == "SUCCEEDED" and "CompletedAt" in view


def test_qualification_association_needs_a_subsidiary_connection(
    django_capture_on_commit_callbacks: Any,
) -> None:
    company, lead = make_company()
    primary, _ = make_company()
    reference = qualifications.partner_reference(primary)
    with pytest.raises(RuleViolation) as refused:
        qualifications.start_qualifications_association(lead_actor(lead), company, reference)
    assert refused.value.errors[0].code == "MISSING_ACTIVE_SUBSIDIARY_CONNECTION"
    contributions.contribute(qualifications.SUBSIDIARY_SLOT, lambda c, p: p == primary, name="test")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            task = qualifications.start_qualifications_association(
                lead_actor(lead), company, reference
            )
        task.refresh_from_db()
        assert task.status == "SUCCEEDED"  # the immediate task backend completed it
        assert QualificationsAssociation.objects.get(company=company).primary == primary
        details = reads.qualifications_details(company)
        assert details["Status"] == "ASSOCIATED"
        assert details["PrimaryPartner"]["ProfileId"] == reference["ProfileId"]
        with django_capture_on_commit_callbacks(execute=True):
            qualifications.start_qualifications_disassociation(lead_actor(lead), company, reference)
        assert reads.qualifications_details(company)["Status"] == "NOT_ASSOCIATED"
    finally:
        contributions.withdraw(qualifications.SUBSIDIARY_SLOT, "test")


def test_create_partner_for_the_program() -> None:
    codes.send_email_verification_code(Actor.system(), None, "lead@newco.example")
    company = partner.create_partner(
        staff(), "NewCo", "SOFTWARE_PRODUCTS",
        {**CONTACT, "Email": "lead@newco.example"}, last_code("lead@newco.example"),
    )  # fmt: skip
    assert company.domains.get().domain == "newco.example"
    assert reads.partner_view(company)["Profile"]["ProfileId"].startswith("pprofile-")
    with pytest.raises(Conflict):
        partner.create_partner(
            lead_actor(make_company()[1]), "X", "SOFTWARE_PRODUCTS", CONTACT, "123456"
        )


def test_list_partners_a_partner_sees_itself_staff_see_all() -> None:
    first, lead = make_company()
    make_company()
    own, token = reads.list_partners(lead_actor(lead))
    assert (own, token) == ([first], "")
    page, token = reads.list_partners(staff(), size=1)
    assert len(page) == 1 and token == page[0].public_id
    rest, end = reads.list_partners(staff(), after=token, size=10)
    assert end == "" and page[0] not in rest and len(rest) >= 1
    assert reads.partner_summary(first)["Id"] == first.public_id
