"""Program Application, the guide's flow through the pages: Create → Select Designation
(search "ISV") → Select → Yes, I Agree → the program's steps → Submit Later → resume →
Submit; the list's statuses; staff review with comments; an approved specialization
moves a Validated company to Differentiated, with its record."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from allyport.access.actor import Actor
from allyport.audit.models import AuditEvent
from allyport.core import contributions
from allyport.pipeline.tests.test_portal_support import signed_in, text
from allyport.programs.models import ApplicationStatus, ProgramApplication
from allyport.programs.services import applications, review
from allyport.testing import make_user

pytestmark = pytest.mark.django_db
CREATE = "/programs/applications/create/"
LIST = "/programs/applications/"


@pytest.fixture
def case_studies() -> Iterator[None]:
    def studies(company: Any, *, validated_only: bool) -> list[dict[str, Any]]:
        return [
            {
                "title": "Octank migrates to AWS",
                "summary": "",
                "customer": "Octank",
                "url": "",
                "validated_at": None,
            }
        ]

    contributions.contribute("company.case_studies", studies, name="test-studies")
    yield
    contributions.withdraw("company.case_studies", "test-studies")


def staff() -> Actor:
    return Actor.system()


def test_select_designation_searches_and_the_acknowledgement_is_required(
    catalogue: Any, validated_lead: Any
) -> None:
    client = signed_in(validated_lead)
    listing = text(client.get(LIST))
    assert "Applications and Programs" in listing and "Create" in listing
    start = text(client.get(CREATE))
    assert "Apply for Program" in start and "Select Designation" in start
    found = text(client.get(CREATE, {"select": "1", "q": "ISV"}))
    assert "ISV Workload Migration" in found and "Migration Consulting Competency" not in found
    chosen = text(client.get(CREATE, {"designation": "isv-workload-migration"}))
    assert "Yes, I Agree" in chosen and "I have read the program guidelines" in chosen
    url = CREATE + "?designation=isv-workload-migration"
    refused = client.post(url, {"designation": "isv-workload-migration"})
    assert "Select the acknowledgement checkbox." in text(refused)
    assert not ProgramApplication.objects.exists()
    made = client.post(url, {"designation": "isv-workload-migration", "acknowledged": "on"})
    application = ProgramApplication.objects.get()
    assert made["Location"] == f"/programs/applications/{application.public_id}/"
    assert application.status == ApplicationStatus.DRAFT and application.acknowledged_at
    again = client.post(url, {"designation": "isv-workload-migration", "acknowledged": "on"})
    assert "already has an application for ISV Workload Migration" in text(again)


def test_submit_later_keeps_a_draft_and_submit_checks_every_step(
    catalogue: Any, validated_lead: Any, case_studies: None
) -> None:
    client = signed_in(validated_lead)
    made = applications.create_application(
        Actor.for_member(validated_lead), "isv-workload-migration", acknowledged=True
    )
    url = f"/programs/applications/{made.public_id}/"
    page = text(client.get(url))
    assert "Describe your migration methodology." in page and "Octank migrates to AWS" in page
    assert "Submit Later" in page
    later = client.post(url, {"answer_0": "Lift and shift, then modernise.", "later": "1"})
    assert later["Location"] == LIST
    made.refresh_from_db()
    assert made.status == "draft"
    assert made.answers == {
        "Describe your migration methodology.": "Lift and shift, then modernise."
    }
    assert "Draft" in text(client.get(LIST))
    refused = client.post(url, {"answer_0": "", "submit": "1"})
    errors = refused.context["form"].errors
    assert set(errors) == {"answer_0", "references"}
    assert "Name at least 1 customer references." in text(refused)
    done = client.post(
        url,
        {
            "answer_0": "Our method",
            "references": "Octank, Jane Doe",
            "case_studies": ["Octank migrates to AWS"],
            "submit": "1",
        },
    )
    assert done["Location"] == LIST
    made.refresh_from_db()
    assert made.status == "submitted" and made.case_studies == ["Octank migrates to AWS"]
    assert "Submitted" in text(client.get(LIST))
    locked = text(client.get(url))
    assert "Submit Later" not in locked and "Our method" in locked
    assert AuditEvent.objects.filter(event_name="SubmitProgramApplication").exists()


def test_review_comments_reach_the_company_and_approval_counts(
    catalogue: Any, validated_lead: Any, validated: Any
) -> None:
    actor = Actor.for_member(validated_lead)
    made = applications.create_application(actor, "migration-competency", acknowledged=True)
    answers = {"Describe a migration you led.": "A big one"}
    applications.update_application(
        actor, made.public_id, answers=answers, case_studies=[], references=[], submit=True
    )
    review.set_application_status(staff(), made.public_id, "action_required", "Add the customer.")
    client = signed_in(validated_lead)
    page = text(client.get(f"/programs/applications/{made.public_id}/"))
    assert "Action required" in page and "Add the customer." in page and "Submit Later" in page
    applications.update_application(
        actor, made.public_id, answers=answers, case_studies=[], references=["Octank"], submit=True
    )
    review.set_application_status(staff(), made.public_id, "approved", "Welcome")
    validated.refresh_from_db()
    assert validated.stage == "Differentiated"
    moved = AuditEvent.objects.get(event_name="UpdatePartnerStage", company=validated)
    assert moved.record["requestParameters"]["fromStage"] == "Validated"
    assert moved.record["requestParameters"]["toStage"] == "Differentiated"
    assert "Migration Consulting Competency" in moved.record["requestParameters"]["reason"]
    history = validated.stage_changes.get()
    assert (history.from_stage, history.to_stage) == ("Validated", "Differentiated")
    assert "Migration Consulting Competency" in history.reason
    (qualify,) = contributions.contributed("company.qualifications")
    assert [q["name"] for q in qualify(validated)] == ["Migration Consulting Competency"]
    assert "Approved" in text(client.get(LIST, {"status": "approved"}))
    assert "No applications yet." in text(client.get(LIST, {"status": "rejected"}))


def test_a_program_designation_does_not_differentiate(
    catalogue: Any, validated_lead: Any, validated: Any
) -> None:
    actor = Actor.for_member(validated_lead)
    made = applications.create_application(actor, "isv-workload-migration", acknowledged=True)
    applications.update_application(
        actor,
        made.public_id,
        answers={"Describe your migration methodology.": "x"},
        case_studies=[],
        references=["Octank"],
        submit=True,
    )
    review.set_application_status(staff(), made.public_id, "approved")
    validated.refresh_from_db()
    assert validated.stage == "Validated"


def test_staff_decisions_need_a_comment_to_refuse(catalogue: Any, validated_lead: Any) -> None:
    from allyport.core.errors import RuleViolation

    made = applications.create_application(
        Actor.for_member(validated_lead), "migration-competency", acknowledged=True
    )
    with pytest.raises(RuleViolation) as refused:
        review.set_application_status(staff(), made.public_id, "rejected", "")
    assert refused.value.errors[0].field == "comment"
    with pytest.raises(RuleViolation):  # a draft is not under review
        review.set_application_status(staff(), made.public_id, "approved", "ok")


def test_eligibility_by_path_and_the_roles(catalogue: Any, db: None) -> None:
    from allyport.testing import make_company

    services_co, lead = make_company(stage="Validated", paths=["Services"])
    client = signed_in(lead)
    page = text(client.get(CREATE, {"designation": "isv-workload-migration"}))
    assert "Only for the Software path." in page and "Yes, I Agree" not in page
    marketing = make_user(services_co, "marketing_staff")
    refused = signed_in(marketing).post(
        CREATE + "?designation=migration-competency",
        {"designation": "migration-competency", "acknowledged": "on"},
    )
    assert refused.status_code == 403
    assert "needs the alliance lead, alliance team or technical staff role" in text(refused)


def test_attachments_are_kept_and_required_where_asked(catalogue: Any, validated_lead: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    catalogue["competency"].attachment_required = True
    catalogue["competency"].save()
    actor = Actor.for_member(validated_lead)
    made = applications.create_application(actor, "migration-competency", acknowledged=True)
    url = f"/programs/applications/{made.public_id}/"
    client = signed_in(validated_lead)
    refused = client.post(url, {"answer_0": "x", "submit": "1"})
    assert "Attach the documents the program asks for." in text(refused)
    client.post(url + "attachments/", {"attachment": SimpleUploadedFile("plan.pdf", b"%PDF-1.4")})
    page = text(client.get(url))
    assert "plan.pdf" in page
    attachment = made.attachments.get()
    assert client.get(f"{url}attachments/{attachment.pk}/").content == b"%PDF-1.4"
    assert client.post(url, {"answer_0": "x", "submit": "1"})["Location"] == LIST
