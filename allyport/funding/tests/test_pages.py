"""Funding Benefits and the Funding Portal: the pages' flows through the same services
as the API, and the trio for every page (sign-in required, another company's record
404, a role without the right 403 with the reason shown)."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from allyport.access import actor as actors
from allyport.access.navigation import navigation
from allyport.accounts.models import Company
from allyport.audit.models import AuditEvent
from allyport.funding.models import ApplicationStatus, Benefit, BenefitApplication
from allyport.funding.services import files, lifecycle, review
from allyport.funding.tests.conftest import PDF, draft, make_benefit, member_actor
from allyport.funding.tests.test_services import staff
from allyport.pipeline.tests.test_portal_support import field_errors, member, signed_in, text

pytestmark = pytest.mark.django_db
BENEFITS, PORTAL, NEW = "/funding/benefits/", "/funding/portal/", "/funding/portal/new/"


@pytest.fixture
def team(company: Company) -> Client:
    return signed_in(member(company, "alliance_team"))


def url(application: BenefitApplication, name: str = "funding:application", *extra: str) -> str:
    return reverse(name, args=[application.public_id, *extra])


def test_the_funding_menu_opens_both_pages_for_every_role(company: Company) -> None:
    menus = navigation(actors.for_user(member(company, "standard_user")))
    funding = next(m for m in menus["bar"] if m.label == "Funding")
    assert [(i.label, i.url) for i in funding.items] == [
        ("Funding Benefits", BENEFITS),
        ("Funding Portal", PORTAL),
    ]


def test_the_catalogue_shows_fund_types_eligibility_and_apply(
    company: Company, team: Client
) -> None:
    make_benefit()
    make_benefit(
        name="Services POC",
        fund_type="POC",
        description="Proofs of concept",
        eligible_paths=["Services"],
        min_stage="Validated",
        eligible_tiers=["Advanced"],
    )
    page = text(team.get(BENEFITS))
    assert "Funding Benefits for AWS Partners" in page
    assert "Marketing Development Funds (MDF)" in page and "Proof of Concept (POC) funding" in page
    assert (
        "Not eligible: Only for the Services path. Your company must be Validated or higher."
        in page
    )
    assert "Apply for Marketing Development Funds" in team.get(BENEFITS).content.decode()
    only_poc = text(team.get(BENEFITS, {"fund_type": "POC"}))
    assert "Services POC" in only_poc and "Co-funded campaigns" not in only_poc


def test_a_draft_is_created_then_submitted_from_its_page(
    company: Company, team: Client, benefit: Benefit
) -> None:
    chooser = text(team.get(NEW))
    assert "Marketing Development Funds" in chooser
    refused = team.post(
        f"{NEW}?benefit={benefit.public_id}",
        {"name": "", "contact_email": "not-an-email", "submit": "1"},
    )
    assert set(field_errors(refused)) == {"contact_email"}
    saved = team.post(f"{NEW}?benefit={benefit.public_id}", {"name": "Q3 webinars", "later": "1"})
    application = BenefitApplication.objects.get()
    assert saved["Location"] == url(application)
    assert application.status == ApplicationStatus.PENDING_SUBMISSION
    page = text(team.get(url(application)))
    assert "Pending submission" in page and "Revision history" in page and "Created" in page
    team.post(url(application, "funding:submit"))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING_SUBMISSION  # the activity is required
    edited = team.post(
        url(application, "funding:edit"),
        {
            "name": "Q3 webinars",
            "detail_activity": "Three webinars",
            "revision": str(application.revision),
            "submit": "1",
        },
    )
    assert edited.status_code == 302
    application.refresh_from_db()
    assert (application.status, application.details) == (
        ApplicationStatus.IN_REVIEW,
        {"activity": "Three webinars"},
    )
    assert "In review" in text(team.get(PORTAL))


def test_submit_shows_every_missing_field_next_to_it(
    company: Company, team: Client, benefit: Benefit
) -> None:
    response = team.post(f"{NEW}?benefit={benefit.public_id}", {"name": "", "submit": "1"})
    application = BenefitApplication.objects.get()
    assert response["Location"] == url(application)  # kept as a draft
    refused = team.post(
        url(application, "funding:edit"),
        {"name": "", "revision": str(application.revision), "submit": "1"},
    )
    assert set(field_errors(refused)) == {"name", "detail_activity"}


def test_recall_amend_and_cancel_with_confirm(
    company: Company, team: Client, benefit: Benefit
) -> None:
    application = draft(member_actor(company), benefit)
    lifecycle.submit_application(member_actor(company), "AWS", application.public_id)
    amended = team.post(
        url(application, "funding:amend"),
        {
            "revision": "2",
            "amend-reason": "Wider audience",
            "amend-field:Name": "Q3 webinars",
            "amend-field:BenefitApplicationDetails.audience": "CIOs",
        },
    )
    assert amended.status_code == 302
    application.refresh_from_db()
    assert application.details["audience"] == "CIOs"
    page = text(team.get(url(application)))
    assert (
        "Amended" in page
        and "Wider audience" in page
        and "BenefitApplicationDetails.audience: CIOs" in page
    )
    missing = team.post(url(application, "funding:recall"), {"recall-reason": ""})
    assert missing.status_code == 400 and "This field is required." in text(missing)
    team.post(url(application, "funding:recall"), {"recall-reason": "Add the agenda"})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING_SUBMISSION
    unconfirmed = team.post(url(application, "funding:cancel"), {"confirm": "yes"})
    assert unconfirmed.status_code == 400 and 'Type "confirm" to continue.' in text(unconfirmed)
    team.post(url(application, "funding:cancel"), {"confirm": "confirm", "reason": "Not needed"})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.CANCELED


def test_files_are_checked_attached_and_downloaded_by_the_company_only(
    company: Company, team: Client, benefit: Benefit, outsider: Any
) -> None:
    application = draft(member_actor(company), benefit)
    bad = team.post(
        url(application, "funding:attach"),
        {"file": SimpleUploadedFile("plan.pdf", b"MZ\x90\x00" + bytes(40))},
    )
    assert bad.status_code == 400 and "Attach a PDF, Word" in text(bad)
    team.post(
        url(application, "funding:attach"),
        {"file": SimpleUploadedFile("plan.pdf", PDF, "text/html"), "business_use_case": "Plan"},
    )
    stored = application.files.get()
    assert stored.content_type == "application/pdf"
    download = team.get(reverse("funding:file", args=[stored.public_id, "plan.pdf"]))
    assert download.content == PDF and download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert (
        signed_in(outsider)
        .get(reverse("funding:file", args=[stored.public_id, "plan.pdf"]))
        .status_code
        == 404
    )
    assert files.uri(stored) in text(team.get(url(application)))


def test_associating_a_resource_names_the_field_when_refused(
    company: Company, team: Client, benefit: Benefit
) -> None:
    application = draft(member_actor(company), benefit)
    refused = team.post(
        url(application, "funding:associate"),
        {"resource_arn": f"arn:aws:partnercentral:us-east-1:{'1' * 12}:catalog/AWS/opportunity/O1"},
    )
    assert refused.status_code == 400
    assert refused.context["resource_form"].errors["resource_arn"]


def test_an_approved_application_shows_its_allocation_and_balance(
    company: Company, team: Client, benefit: Benefit
) -> None:
    application = draft(member_actor(company), benefit)
    lifecycle.submit_application(member_actor(company), "AWS", application.public_id)
    allocation = review.approve_application(staff(), application.public_id, amount="8000")
    review.set_utilized(staff(), allocation.public_id, "500")
    portal = text(team.get(PORTAL))
    assert allocation.public_id in portal and "8000.00 USD" in portal and "7500.00 USD" in portal
    assert "balance 7500.00 USD" in text(team.get(url(application)))


# --- the trio ------------------------------------------------------------------------


@pytest.fixture
def application(company: Company, benefit: Benefit) -> BenefitApplication:
    return draft(member_actor(company), benefit)


def _pages(application: BenefitApplication) -> list[str]:
    return [BENEFITS, PORTAL, NEW, url(application), url(application, "funding:edit")]


def test_every_page_needs_sign_in(application: BenefitApplication) -> None:
    for page in _pages(application):
        response = Client().get(page)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], page


def test_another_companys_application_is_not_found(
    application: BenefitApplication, outsider: Any
) -> None:
    other = signed_in(outsider)
    for page in _pages(application)[3:] + [url(application, "funding:submit")]:
        answer = other.post(page) if page.endswith("submit/") else other.get(page)
        assert answer.status_code == 404, page
    assert application.public_id not in text(other.get(PORTAL))


def test_a_role_without_the_right_is_refused_with_the_reason(
    company: Company, application: BenefitApplication
) -> None:
    standard = signed_in(member(company, "standard_user"))
    assert application.name in text(standard.get(url(application)))  # every role reads
    for page in (NEW, url(application, "funding:edit")):
        refused = standard.get(page)
        assert refused.status_code == 403, page
        assert (
            "needs the alliance lead, alliance team, marketing staff or technical staff role"
            in text(refused)
        )
    posted = standard.post(url(application, "funding:submit"))
    assert posted.status_code == 403
    assert not AuditEvent.objects.filter(event_name="SubmitBenefitApplication").exists()


def test_staff_without_a_company_are_refused_the_pages(application: BenefitApplication) -> None:
    user = get_user_model().objects.create_user("ops@program.example", "Test!Pass1", is_staff=True)
    operator = signed_in(user)
    for page in (BENEFITS, PORTAL):
        assert operator.get(page).status_code == 403
