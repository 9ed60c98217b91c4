"""The staff side: reviewing an application with a comment, importing a certification
file with an answer per row, and the catalogue's admin pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from allyport.access.actor import Actor
from allyport.accounts.models import User
from allyport.audit.models import AuditEvent
from allyport.pipeline.tests.test_portal_support import text
from allyport.programs.models import CertificationRecord
from allyport.programs.services import applications

pytestmark = pytest.mark.django_db
IMPORT = "/staff/admin/programs/certificationrecord/import/"


@pytest.fixture
def staff() -> Client:
    from allyport.accounts import backends

    client = Client()
    client.force_login(
        User.objects.create_superuser("ops@staff.example", "Ops!Pass12"), backend=backends.PATH
    )
    return client


def test_staff_review_an_application_with_a_comment(
    staff: Client, catalogue: Any, validated_lead: Any
) -> None:
    actor = Actor.for_member(validated_lead)
    made = applications.create_application(actor, "migration-competency", acknowledged=True)
    applications.update_application(
        actor, made.public_id, answers={"Describe a migration you led.": "The big one"},
        case_studies=[], references=[], submit=True,
    )  # fmt: skip
    listing = text(staff.get("/staff/admin/programs/programapplication/"))
    assert made.public_id in listing and "Review" in listing
    url = f"/staff/admin/programs/programapplication/{made.public_id}/review/"
    assert "The big one" in text(staff.get(url))
    refused = staff.post(url, {"status": "rejected", "comment": ""})
    assert "Tell the company what to do or why." in text(refused)
    staff.post(url, {"status": "action_required", "comment": "Name two customers."})
    made.refresh_from_db()
    assert made.status == "action_required"
    event = AuditEvent.objects.get(event_name="ReviewProgramApplication")
    assert event.record["userIdentity"]["userName"] == "ops@staff.example"
    assert event.company_id == made.company_id


def test_staff_import_certifications_and_see_each_rows_problem(staff: Client) -> None:
    content = (
        b"email,certification,level,date,expiry\n"
        b"ana@octank.example,AWS Certified Cloud Practitioner,Foundational,2026-01-05,\n"
        b"bad,AWS Certified Cloud Practitioner,Foundational,2026-01-05,\n"
    )
    page = text(staff.post(IMPORT, {"file": SimpleUploadedFile("certs.csv", content)}))
    assert "1 created, 0 updated." in page and "Enter a valid email address." in page
    assert CertificationRecord.objects.get().email == "ana@octank.example"
    event = AuditEvent.objects.get(event_name="ImportCertifications")
    assert event.record["userIdentity"]["userName"] == "ops@staff.example"
    assert "Import certifications" in text(staff.get("/staff/admin/programs/certificationrecord/"))


@pytest.mark.parametrize(
    "model", ["program", "designation", "resourcepage", "course", "tierrequirement"]
)
def test_the_catalogue_admin_pages_open(staff: Client, catalogue: Any, model: str) -> None:
    assert staff.get(f"/staff/admin/programs/{model}/").status_code == 200
    assert staff.get(f"/staff/admin/programs/{model}/add/").status_code == 200


def test_a_course_file_is_hosted(staff: Client, member: Any) -> None:
    from allyport.pipeline.tests.test_portal_support import signed_in

    staff.post("/staff/admin/programs/course/add/", {
        "kind": "self_paced", "title": "Workbook", "level": "Foundational",
        "duration_minutes": "30", "format": "course", "track": "technical", "position": "0",
        "published": "on", "upload": SimpleUploadedFile("workbook.pdf", b"%PDF-workbook"),
    })  # fmt: skip
    client = signed_in(member)
    page = text(client.get("/learn/self-paced/"))
    assert "workbook.pdf" in page
    from allyport.programs.models import Course

    course = Course.objects.get(title="Workbook")
    assert client.get(f"/learn/courses/{course.pk}/file/").content == b"%PDF-workbook"
