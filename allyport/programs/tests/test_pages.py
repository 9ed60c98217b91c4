"""Every programs page: sign-in required, a role (or stage) without the right gets
403 with the reason, another company's record is 404; and what the catalogue, the
resources and the Learn pages show."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from allyport.access.actor import Actor
from allyport.access.navigation import navigation
from allyport.audit.models import AuditEvent
from allyport.pipeline.tests.test_portal_support import signed_in, text
from allyport.programs.models import Enrolment
from allyport.programs.services import applications
from allyport.programs.tests.conftest import course
from allyport.testing import make_company, make_user

pytestmark = pytest.mark.django_db

PAGES = [
    "/programs/",
    "/programs/p/isv-workload-migration/",
    "/programs/applications/",
    "/programs/applications/create/",
    "/programs/resources/",
    "/programs/resources/getting-started/",
    "/learn/partner-training/",
    "/learn/self-paced/",
    "/learn/instructor-led/",
    "/learn/certification/",
    "/profile/certifications/",
    "/company/training/",
    "/company/scorecard/",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_needs_sign_in(catalogue: Any, url: str) -> None:
    response = Client().get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("/company/scorecard/", "needs the alliance lead or alliance team role"),
        (
            "/company/training/",
            "needs the alliance lead, alliance team, cloud admin or technical staff role",
        ),
        (
            "/programs/applications/",
            "needs the alliance lead, alliance team, marketing staff or technical staff role",
        ),
    ],
)
def test_a_role_without_the_right_gets_403_with_the_reason(
    validated: Any, url: str, reason: str
) -> None:
    standard = make_user(validated, "standard_user")
    response = signed_in(standard).get(url)
    assert response.status_code == 403 and reason in text(response)


def test_program_application_needs_validated_or_higher(company: Any, lead: Any) -> None:
    response = signed_in(lead).get("/programs/applications/")
    assert response.status_code == 403
    assert "your company must be Validated or higher" in text(response)


def test_the_training_data_right_opens_the_people_list(validated: Any) -> None:
    """The access model's `also_for`: technical staff hold the training data right."""
    tech = make_user(validated, "technical_staff", email="tech@anycompany.example")
    page = text(signed_in(tech).get("/company/training/"))
    assert "View all Training and Certification" in page and "tech@anycompany.example" in page


def test_another_companys_application_is_missing(catalogue: Any, validated_lead: Any) -> None:
    made = applications.create_application(
        Actor.for_member(validated_lead), "migration-competency", acknowledged=True
    )
    applications.create_attachment(
        Actor.for_member(validated_lead), made.public_id, "a.txt", "text/plain", b"x"
    )
    other = make_company(stage="Validated", paths=["Software"])[1]
    client = signed_in(other)
    url = f"/programs/applications/{made.public_id}/"
    assert client.get(url).status_code == 404
    assert client.get(f"{url}attachments/{made.attachments.get().pk}/").status_code == 404
    assert client.post(url, {"answer_0": "x", "later": "1"}).status_code == 404
    assert client.get("/programs/applications/nope/").status_code == 404
    assert "No applications yet." in text(client.get("/programs/applications/"))


def test_the_menus_link_the_pages(validated_lead: Any) -> None:
    nav = navigation(Actor.for_member(validated_lead))
    linked = {(menu, label): url for menu, label, url in nav["pages"]}
    assert linked[("Programs", "Program Application")] == "/programs/applications/"
    assert linked[("Learn", "Certification")] == "/learn/certification/"
    assert linked[("My Company", "Partner Scorecard")] == "/company/scorecard/"
    assert linked[("My Profile", "My Certifications")] == "/profile/certifications/"


def test_the_catalogue_shows_programs_designations_and_eligibility(
    catalogue: Any, lead: Any
) -> None:
    client = signed_in(lead)
    page = text(client.get("/programs/"))
    assert "AWS ISV Workload Migration Program" in page and "ISV Workload Migration" in page
    assert "Your company must be Validated or higher." in page
    services_only = text(client.get("/programs/", {"path": "Services"}))
    assert (
        "ISV Workload Migration (" not in services_only
        and "Migration Consulting Competency" in services_only
    )
    detail = text(client.get("/programs/p/isv-workload-migration/"))
    assert "1 customer reference" in detail and "Getting started as a Solution Provider" in detail
    assert client.get("/programs/p/nope/").status_code == 404


def test_resources_show_only_published_pages(catalogue: Any, member: Any) -> None:
    client = signed_in(member)
    assert "Getting started as a Solution Provider" in text(client.get("/programs/resources/"))
    body = text(client.get("/programs/resources/getting-started/"))
    assert "First paragraph." in body and "Second paragraph." in body
    catalogue["resource"].published = False
    catalogue["resource"].save()
    assert client.get("/programs/resources/getting-started/").status_code == 404
    assert "No resources are published yet." in text(client.get("/programs/resources/"))


def test_a_person_enrols_and_completes(member: Any) -> None:
    accreditation = course()
    hidden = course(title="Draft course", published=False)
    course(kind="self_paced", title="Cloud Essentials", format="course")
    client = signed_in(member)
    page = text(client.get("/learn/partner-training/"))
    assert "AWS Partner: Accreditation (Technical)" in page and "4 h 00 min" in page
    assert "Draft course" not in page and "Cloud Essentials" not in page
    assert "Cloud Essentials" in text(client.get("/learn/self-paced/"))
    client.post(f"/learn/courses/{accreditation.pk}/enrol/")
    assert "Enrolled" in text(client.get("/learn/partner-training/"))
    client.post(f"/learn/courses/{accreditation.pk}/complete/")
    enrolment = Enrolment.objects.get(user=member)
    assert enrolment.completed_at is not None
    assert "Completed" in text(client.get("/profile/certifications/"))
    again = client.post(f"/learn/courses/{accreditation.pk}/complete/", follow=True)
    assert "You already completed this course." in text(again)
    assert client.post(f"/learn/courses/{hidden.pk}/enrol/").status_code == 404
    names = set(AuditEvent.objects.values_list("event_name", flat=True))
    assert {"StartCourse", "CompleteCourse"} <= names


def test_the_certifications_email_needs_consent(member: Any) -> None:
    client = signed_in(member)
    response = client.post("/profile/certifications/", {"certification_email": "me@example.org"})
    assert "Give your consent" in text(response)
    member.refresh_from_db()
    assert member.certification_email == ""
    saved = client.post(
        "/profile/certifications/",
        {"certification_email": "me@example.org", "certification_consent": "on"},
    )
    assert saved.status_code == 302
    member.refresh_from_db()
    assert (member.certification_email, member.certification_consent) == ("me@example.org", True)


def test_the_catalogue_is_offered_to_search_and_facts_name_designations(
    catalogue: Any, validated: Any
) -> None:
    from allyport.core import contributions

    documents = [d for fn in contributions.contributed("search.documents") for d in fn()]
    titles = {d["title"] for d in documents if d["type"] in ("designation", "resource")}
    assert {"ISV Workload Migration", "Getting started as a Solution Provider"} <= titles
    (facts,) = [
        fn for fn in contributions.contributed("company.facts") if "programs" in fn.__module__
    ]
    assert facts(validated)["programs.approved_designations"] == []
    assert facts(validated)["programs.certified_people"] == 0
