"""The funding services for each kind of caller: members by their role, IAM principals
by their policies, staff reviewing; every change audited, tenancy as NotFound, every
refusal naming its field."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from allyport.access.actor import Actor
from allyport.access.decisions import PermissionDenied
from allyport.audit.models import AuditEvent
from allyport.core.errors import Conflict, NotFound, RuleViolation
from allyport.funding.models import ApplicationStatus, Benefit
from allyport.funding.services import (
    applications,
    catalogue,
    files,
    lifecycle,
    listing,
    review,
    tags,
)
from allyport.funding.services.history import application_arn
from allyport.funding.tests.conftest import PDF, draft, iam_actor, make_benefit, member_actor
from allyport.pipeline import services as pipeline
from allyport.pipeline.selectors import arn_of
from allyport.pipeline.tests.conftest import complete
from allyport.testing import make_company, make_credentials

pytestmark = pytest.mark.django_db
S = ApplicationStatus


def staff() -> Actor:
    model = get_user_model()
    user = model.objects.filter(email="staff@program.example").first()
    if user is None:
        user = model.objects.create_user("staff@program.example", "Test!Pass1", is_staff=True)
    return Actor.for_staff(user)


def fields(refused: RuleViolation) -> list[str]:
    return [error.field for error in refused.errors]


def test_it_drafts_submits_and_approves_with_an_allocation(benefit: Benefit) -> None:
    company = make_company(paths=["Software"])[0]
    member = member_actor(company)
    made = draft(member, benefit)
    assert (made.status, made.stage, made.revision) == (S.PENDING_SUBMISSION, "Draft", 1)
    submitted = lifecycle.submit_application(member, "AWS", made.public_id)
    assert (submitted.status, submitted.stage) == (S.IN_REVIEW, "Review")
    allocation = review.approve_application(staff(), made.public_id, amount="12000")
    made.refresh_from_db()
    assert made.status == S.APPROVED
    assert (allocation.allocated_amount, allocation.remaining_amount) == (
        Decimal("12000"),
        Decimal("12000"),
    )
    used = review.set_utilized(staff(), allocation.public_id, "2000")
    assert used.remaining_amount == Decimal("10000")
    names = list(AuditEvent.objects.filter(company=company).values_list("event_name", flat=True))
    for name in (
        "CreateBenefitApplication",
        "SubmitBenefitApplication",
        "ApproveBenefitApplication",
        "CreateBenefitAllocation",
        "UpdateBenefitAllocation",
    ):
        assert name in names, names
    history = [(h.revision, h.action) for h in made.revisions.order_by("revision")]
    assert history == [(1, "Created"), (2, "Submitted"), (3, "Approve Benefit Application")]


def test_it_refuses_submit_without_the_required_details_naming_each(benefit: Benefit) -> None:
    member = member_actor(make_company()[0])
    made = draft(member, benefit, Name="", BenefitApplicationDetails={})
    made.name = ""
    made.save()
    with pytest.raises(RuleViolation) as refused:
        lifecycle.submit_application(member, "AWS", made.public_id)
    assert fields(refused.value) == ["Name", "BenefitApplicationDetails.activity"]


def test_it_refuses_an_ineligible_company() -> None:
    benefit = make_benefit(eligible_paths=["Services"], min_stage="Validated")
    member = member_actor(make_company(paths=["Software"])[0])
    with pytest.raises(RuleViolation) as refused:
        draft(member, benefit)
    assert fields(refused.value) == ["BenefitIdentifier"]
    assert "Services" in refused.value.errors[0].message
    assert "Validated" in refused.value.errors[0].message


def test_a_member_without_the_right_reads_but_may_not_apply(benefit: Benefit) -> None:
    company = make_company()[0]
    made = draft(member_actor(company), benefit)
    reader = member_actor(company, "standard_user")
    assert applications.get_application(reader, "AWS", made.public_id) == made
    with pytest.raises(PermissionDenied) as refused:
        draft(reader, benefit)
    assert "alliance lead" in refused.value.decision.reason


def test_another_company_finds_nothing(benefit: Benefit) -> None:
    made = draft(member_actor(make_company()[0]), benefit)
    other = member_actor(make_company()[0])
    for run in (
        lambda: applications.get_application(other, "AWS", made.public_id),
        lambda: lifecycle.submit_application(other, "AWS", made.public_id),
        lambda: lifecycle.cancel_application(other, "AWS", made.public_id),
        lambda: applications.get_application(other, "Sandbox", made.public_id),
    ):
        with pytest.raises(NotFound):
            run()
    assert listing.list_applications(other, "AWS", {}).items == []


def test_update_needs_the_current_revision_and_keeps_history(benefit: Benefit) -> None:
    member = member_actor(make_company()[0])
    made = draft(member, benefit)
    changed = applications.update_application(
        member, "AWS", made.public_id, "1", {"Name": "Renamed"}
    )
    assert (changed.name, changed.revision) == ("Renamed", 2)
    with pytest.raises(Conflict):
        applications.update_application(member, "AWS", made.public_id, "1", {"Name": "Again"})


def test_recall_returns_to_draft_and_amend_records_old_and_new(benefit: Benefit) -> None:
    member = member_actor(make_company()[0])
    made = draft(member, benefit)
    lifecycle.submit_application(member, "AWS", made.public_id)
    amended = lifecycle.amend_application(
        member,
        "AWS",
        made.public_id,
        "2",
        "Bigger audience",
        [{"FieldPath": "BenefitApplicationDetails.audience", "NewValue": "CIOs"}],
    )
    assert amended.details["audience"] == "CIOs" and amended.status == S.IN_REVIEW
    entry = amended.revisions.first()
    assert entry.reason == "Bigger audience"
    assert entry.changes == [
        {"FieldPath": "BenefitApplicationDetails.audience", "OldValue": None, "NewValue": "CIOs"}
    ]
    with pytest.raises(RuleViolation) as refused:
        lifecycle.amend_application(
            member,
            "AWS",
            made.public_id,
            "3",
            "x",
            [{"FieldPath": "Status", "NewValue": "APPROVED"}],
        )
    assert fields(refused.value) == ["Amendments[0].FieldPath"]
    recalled = lifecycle.recall_application(member, "AWS", made.public_id, "Add a file")
    assert (recalled.status, recalled.status_reason) == (S.PENDING_SUBMISSION, "Add a file")


def test_cancel_ends_it_and_nothing_more_happens(benefit: Benefit) -> None:
    member = member_actor(make_company()[0])
    made = draft(member, benefit)
    assert (
        lifecycle.cancel_application(member, "AWS", made.public_id, "Not needed").status
        == S.CANCELED
    )
    with pytest.raises(RuleViolation) as refused:
        lifecycle.submit_application(member, "AWS", made.public_id)
    assert "canceled" in refused.value.errors[0].message


def test_staff_ask_for_action_then_the_partner_submits_again(benefit: Benefit) -> None:
    member = member_actor(make_company()[0])
    made = draft(member, benefit)
    lifecycle.submit_application(member, "AWS", made.public_id)
    asked = review.request_action(staff(), made.public_id, "Add the agenda")
    assert (asked.status, asked.status_reason) == (S.ACTION_REQUIRED, "Add the agenda")
    applications.update_application(
        member, "AWS", made.public_id, str(asked.revision), {"Description": "Agenda added"}
    )
    assert lifecycle.submit_application(member, "AWS", made.public_id).status == S.IN_REVIEW
    rejected = review.reject_application(staff(), made.public_id, "Out of budget")
    assert rejected.status == S.REJECTED


def test_only_staff_review(benefit: Benefit) -> None:
    member = member_actor(make_company()[0])
    made = draft(member, benefit)
    lifecycle.submit_application(member, "AWS", made.public_id)
    with pytest.raises(PermissionDenied) as refused:
        review.approve_application(member, made.public_id, amount="1")
    assert "only staff" in refused.value.decision.reason


def test_an_iam_caller_is_decided_by_its_policy(benefit: Benefit) -> None:
    allowed = make_credentials()
    made = draft(iam_actor(allowed), benefit)
    assert made.company == allowed.company
    assert AuditEvent.objects.filter(
        event_name="CreateBenefitApplication", record__userIdentity__type="IAMUser"
    ).exists()
    sandbox_only = make_credentials("arn:aws:iam::aws:policy/AWSPartnerCentralSandboxFullAccess")
    with pytest.raises(PermissionDenied):
        draft(iam_actor(sandbox_only), benefit)


def test_resources_are_the_companys_own_opportunities(benefit: Benefit) -> None:
    creds = make_credentials()
    member = member_actor(creds.company)
    opportunity = pipeline.create_opportunity(member, "AWS", complete())
    made = draft(member, benefit)
    changed = lifecycle.associate_resource(member, "AWS", made.public_id, arn_of(opportunity))
    assert changed.associated_resources == [arn_of(opportunity)]
    other = make_credentials()
    theirs = pipeline.create_opportunity(member_actor(other.company), "AWS", complete())
    with pytest.raises(RuleViolation) as refused:
        lifecycle.associate_resource(member, "AWS", made.public_id, arn_of(theirs))
    assert fields(refused.value) == ["ResourceArn"]
    found = listing.list_applications(
        member, "AWS", {"AssociatedResourceArns": [arn_of(opportunity)]}
    )
    assert [a.public_id for a in found.items] == [made.public_id]
    lifecycle.disassociate_resource(member, "AWS", made.public_id, arn_of(opportunity))


def test_files_are_sniffed_and_kept_for_the_company(benefit: Benefit) -> None:
    member = member_actor(make_company()[0])
    stored = files.upload(member, "plan.pdf", io.BytesIO(PDF))
    assert (stored.content_type, stored.size) == ("application/pdf", len(PDF))
    with pytest.raises(RuleViolation) as refused:
        files.upload(member, "plan.pdf", io.BytesIO(b"MZ\x90\x00\x03" + bytes(60)))
    assert "PDF, Word" in refused.value.errors[0].message
    with pytest.raises(RuleViolation) as renamed:
        files.upload(member, "plan.png", io.BytesIO(PDF))
    assert "does not match" in renamed.value.errors[0].message
    made = draft(
        member, benefit, FileDetails=[{"FileURI": files.uri(stored), "BusinessUseCase": "Plan"}]
    )
    assert [f.public_id for f in made.files.all()] == [stored.public_id]
    other = member_actor(make_company()[0])
    with pytest.raises(NotFound):
        files.find_file(other, stored.public_id)
    with pytest.raises(RuleViolation) as theirs:
        draft(other, benefit, FileDetails=[{"FileURI": files.uri(stored)}])
    assert fields(theirs.value) == ["FileDetails[0].FileURI"]


def test_tags_are_kept_on_the_application(benefit: Benefit) -> None:
    creds = make_credentials()
    actor = iam_actor(creds)
    made = draft(actor, benefit)
    arn = application_arn(made)
    tags.tag_resource(actor, arn, [{"Key": "team", "Value": "east"}])
    assert tags.tags_of(actor, arn) == [{"Key": "team", "Value": "east"}]
    tags.untag_resource(actor, arn, ["team"])
    assert tags.tags_of(actor, arn) == []
    with pytest.raises(NotFound):
        tags.tags_of(iam_actor(make_credentials()), arn)


def test_the_catalogue_filters_by_program_and_type() -> None:
    mdf = make_benefit()
    credits = make_benefit(
        name="Migration credits",
        programs=["MAP"],
        fund_type="CREDITS",
        fulfillment_types=["CREDITS"],
    )
    make_benefit(catalog="Sandbox")
    member = member_actor(make_company()[0])
    everything = catalogue.list_benefits(member, "AWS", {})
    assert {b.public_id for b in everything.items} == {mdf.public_id, credits.public_id}
    only = catalogue.list_benefits(member, "AWS", {"FulfillmentTypes": ["CREDITS"]})
    assert [b.public_id for b in only.items] == [credits.public_id]
    by_program = catalogue.list_benefits(member, "AWS", {"Programs": ["APN_MDF"]})
    assert [b.public_id for b in by_program.items] == [mdf.public_id]


def test_the_company_facts_count_what_waits_on_whom(benefit: Benefit) -> None:
    from allyport.core.contributions import contributed
    from allyport.funding.facts import company_facts

    company = make_company()[0]
    member = member_actor(company)
    draft(member, benefit)
    asked = draft(member, benefit)
    lifecycle.submit_application(member, "AWS", asked.public_id)
    review.request_action(staff(), asked.public_id, "Add the agenda")
    approved = draft(member, benefit)
    lifecycle.submit_application(member, "AWS", approved.public_id)
    review.approve_application(staff(), approved.public_id, amount="1")
    assert company_facts in contributed("company.facts")
    assert company_facts(company) == {
        "funding.applications_action_required": 1,
        "funding.applications_in_review": 0,
        "funding.applications_draft": 1,
        "funding.active_allocations": 1,
    }


def test_details_must_be_an_object(benefit: Benefit) -> None:
    member = member_actor(make_company()[0])
    with pytest.raises(RuleViolation) as refused:
        draft(member, benefit, BenefitApplicationDetails="three webinars")
    assert fields(refused.value) == ["BenefitApplicationDetails"]
