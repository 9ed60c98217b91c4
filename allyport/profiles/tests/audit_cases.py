"""The profile's writing services for home/tests/test_audit_per_caller.py: the modules
it scans and, per service, the event it records and the callers that may use it. Each
runner takes that test's World (a linked company and its actors) and one actor."""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType
from typing import Any

from django.core import mail as outbox

from allyport.access.actor import Actor
from allyport.pipeline.tests.conftest import make_solution
from allyport.profiles.services import (
    codes,
    domains,
    fees,
    listing,
    locations,
    partner,
    profile,
    qualifications,
    stages,
    terms,
    verification,
)
from allyport.profiles.tests.conftest import details
from allyport.testing import make_company

MEMBER, IAM, STAFF, SYSTEM = "member", "iam", "staff", "system"
SCANNED: dict[str, ModuleType] = {
    "profiles.listing": listing, "profiles.profile": profile, "profiles.locations": locations,
    "profiles.domains": domains, "profiles.codes": codes, "profiles.partner": partner,
    "profiles.verification": verification, "profiles.qualifications": qualifications,
    "profiles.stages": stages, "profiles.fees": fees, "profiles.terms": terms,
}  # fmt: skip
NOT_CHANGES = {
    "profiles.codes.issue_code": "a step of the services that send codes",
    "profiles.partner.create_partner": "records for the company it makes (profiles test_audit)",
}


def _code(address: str) -> str:
    sent = [m for m in outbox.outbox if address in m.to]
    found = re.search(r"\b(\d{6})\b", sent[-1].body)
    assert found is not None
    return found.group(1)


def _member(world: Any) -> Actor:
    return world.actors[MEMBER]  # type: ignore[no-any-return]


def _pending(world: Any) -> Any:
    world.company.stage = "Validated"
    world.company.save(update_fields=["stage"])
    return listing.start_profile_update(_member(world), world.company, details())


def _domain(world: Any, actor: Actor) -> None:
    address = "it@added-domain.example"
    domains.send_domain_code(_member(world), world.company, address)
    domains.associate_company_domain(actor, world.company, address, _code(address))


def _remove_domain(world: Any, actor: Actor) -> None:
    _domain(world, _member(world))
    domains.disassociate_company_domain(actor, world.company, "added-domain.example")


def _cert_domain(world: Any, actor: Actor) -> None:
    domain = world.company.domains.first().domain
    codes.send_email_verification_code(actor, world.company, f"t@{domain}")
    domains.associate_certification_domain(
        actor, world.company, f"t@{domain}", _code(f"t@{domain}")
    )


def _remove_cert_domain(world: Any, actor: Actor) -> None:
    _cert_domain(world, _member(world))
    domain = world.company.domains.first().domain
    domains.disassociate_certification_domain(actor, world.company, domain)


def _location(world: Any) -> Any:
    return locations.create_location(
        _member(world), world.company, {"name": "HQ", "city": "Lyon", "country": "FR"}
    )


def _subsidiary(world: Any, actor: Actor, *, undo: bool = False) -> None:
    from allyport.core import contributions

    primary = make_company()[0]
    contributions.contribute(qualifications.SUBSIDIARY_SLOT, lambda c, p: True, name="audit")
    reference = qualifications.partner_reference(primary)
    try:
        qualifications.start_qualifications_association(actor, world.company, reference)
        if undo:
            from allyport.profiles.models import QualificationsAssociation

            QualificationsAssociation.objects.create(company=world.company, primary=primary)
            qualifications.start_qualifications_disassociation(actor, world.company, reference)
    finally:
        contributions.withdraw(qualifications.SUBSIDIARY_SLOT, "audit")


def _fee(world: Any, actor: Actor) -> None:
    world.company.stage = "Enrolled"
    world.company.save(update_fields=["stage"])
    fees.submit_fee_upgrade(actor, world.company, "123456789012")


def _import_fees(world: Any, actor: Actor) -> None:
    _fee(world, world.actors[MEMBER])
    fees.import_fee_payments(actor, f"partner id,reference\n{world.company.public_id},WIRE-1\n")


def _accept_terms(world: Any, actor: Actor) -> None:
    """Only the alliance lead accepts for the company: the member case is the lead."""
    from allyport.access import actor as actors
    from allyport.access.models import RoleAssignment

    lead = RoleAssignment.objects.get(company=world.company, role="alliance_lead").user
    version = terms.publish_terms(Actor.system(), "Terms", "Text")
    terms.accept_terms(actors.for_user(lead), world.company, version.version)


def _create_partner(world: Any, actor: Actor) -> None:
    codes.send_email_verification_code(Actor.system(), None, "lead@created-partner.example")
    contact = {
        "FirstName": "A",
        "LastName": "B",
        "Email": "lead@created-partner.example",
        "BusinessTitle": "CEO",
    }
    partner.create_partner(actor, "Created", "SOFTWARE_PRODUCTS", contact, _code(contact["Email"]))


Run = Callable[[Any, Actor], None]
BOTH = (MEMBER, IAM)
SERVICES: list[tuple[str, str, tuple[str, ...], Run]] = [
    (
        "profiles.listing.start_profile_update",
        "StartProfileUpdateTask",
        BOTH,
        lambda w, a: listing.start_profile_update(a, w.company, details()),
    ),
    (
        "profiles.listing.cancel_profile_update",
        "CancelProfileUpdateTask",
        BOTH,
        lambda w, a: listing.cancel_profile_update(a, w.company, _pending(w).task_id),
    ),
    (
        "profiles.listing.reject_profile_update",
        "RejectProfileUpdate",
        (STAFF, SYSTEM),
        lambda w, a: listing.reject_profile_update(a, _pending(w), "No"),
    ),
    (
        "profiles.listing.approve_profile_update",
        "ApproveProfileUpdate",
        (STAFF, SYSTEM),
        lambda w, a: listing.approve_profile_update(a, _pending(w)),
    ),
    (
        "profiles.profile.update_company_profile",
        "UpdateCompanyProfile",
        BOTH,
        lambda w, a: profile.update_company_profile(a, w.company, {"phone": "+1 555"}),
    ),
    (
        "profiles.profile.set_solution_description",
        "UpdateSolutionDescription",
        BOTH,
        lambda w, a: profile.set_solution_description(
            a, w.company, make_solution(w.company).public_id, "Text"
        ),
    ),
    (
        "profiles.profile.set_solution_areas",
        "UpdateSolutionAreas",
        BOTH,
        lambda w, a: profile.set_solution_areas(a, w.company, ["SECURITY"]),
    ),
    (
        "profiles.profile.set_offering_types",
        "UpdateProductsAndServices",
        BOTH,
        lambda w, a: profile.set_offering_types(a, w.company, ["SOFTWARE_PRODUCTS"]),
    ),
    (
        "profiles.profile.put_profile_visibility",
        "PutProfileVisibility",
        BOTH,
        lambda w, a: profile.put_profile_visibility(a, w.company, "PRIVATE"),
    ),
    (
        "profiles.locations.create_location",
        "CreateLocation",
        BOTH,
        lambda w, a: locations.create_location(
            a, w.company, {"name": "HQ", "city": "Lyon", "country": "FR"}
        ),
    ),
    (
        "profiles.locations.update_location",
        "UpdateLocation",
        BOTH,
        lambda w, a: locations.update_location(
            a, w.company, _location(w).pk, {"name": "Main", "city": "Lyon", "country": "FR"}
        ),
    ),
    (
        "profiles.locations.delete_location",
        "DeleteLocation",
        BOTH,
        lambda w, a: locations.delete_location(a, w.company, _location(w).pk),
    ),
    (
        "profiles.domains.send_domain_code",
        "SendDomainVerificationCode",
        BOTH,
        lambda w, a: domains.send_domain_code(a, w.company, "x@another-domain.example"),
    ),
    ("profiles.domains.associate_company_domain", "AssociatePartnerDomain", BOTH, _domain),
    (
        "profiles.domains.disassociate_company_domain",
        "DisassociatePartnerDomain",
        BOTH,
        _remove_domain,
    ),
    (
        "profiles.domains.associate_certification_domain",
        "AssociateAwsTrainingCertificationEmailDomain",
        BOTH,
        _cert_domain,
    ),
    (
        "profiles.domains.disassociate_certification_domain",
        "DisassociateAwsTrainingCertificationEmailDomain",
        BOTH,
        _remove_cert_domain,
    ),
    (
        "profiles.codes.send_email_verification_code",
        "SendEmailVerificationCode",
        BOTH,
        lambda w, a: codes.send_email_verification_code(a, w.company, "someone@example.com"),
    ),
    (
        "profiles.partner.put_alliance_lead_contact",
        "PutAllianceLeadContact",
        BOTH,
        lambda w, a: partner.put_alliance_lead_contact(
            a,
            w.company,
            {"FirstName": "A", "LastName": "B", "Email": "a@b.example", "BusinessTitle": "CEO"},
        ),
    ),
    (
        "profiles.verification.start_verification",
        "StartVerification",
        BOTH,
        lambda w, a: verification.start_verification(
            a, w.company, {"RegistrantVerificationDetails": {}}
        ),
    ),
    (
        "profiles.qualifications.start_qualifications_association",
        "StartQualificationsAssociationTask",
        BOTH,
        _subsidiary,
    ),
    (
        "profiles.qualifications.start_qualifications_disassociation",
        "StartQualificationsDisassociationTask",
        BOTH,
        lambda w, a: _subsidiary(w, a, undo=True),
    ),
    (
        "profiles.stages.enroll_in_path",
        "EnrollInPath",
        (MEMBER,),
        lambda w, a: (
            profile.set_offering_types(_member(w), w.company, ["TRAINING_SERVICES"]),
            stages.enroll_in_path(a, w.company, "Training"),
        ),
    ),
    (
        "profiles.stages.move_stage",
        "UpdatePartnerStage",
        (STAFF, SYSTEM),
        lambda w, a: stages.move_stage(a, w.company, "Enrolled", "Moved"),
    ),
    ("profiles.fees.submit_fee_upgrade", "SubmitProgramFeeUpgrade", (MEMBER,), _fee),
    ("profiles.terms.accept_terms", "AcceptPartnerTerms", (MEMBER,), _accept_terms),
    (
        "profiles.fees.request_membership_cancellation",
        "RequestMembershipCancellation",
        (MEMBER,),
        lambda w, a: fees.request_membership_cancellation(a, w.company, "Please"),
    ),
    ("profiles.fees.import_fee_payments", "RecordProgramFeePayment", (STAFF, SYSTEM), _import_fees),
]
