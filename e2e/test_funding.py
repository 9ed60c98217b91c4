"""A funding application in the browser, from draft to approval: Funding Benefits →
Apply → Submit Later (a draft) → attach a file → Edit → Submit; staff approve it with an
allocation (through the review service); the Funding Portal shows it Approved with
its balance."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from allyport.access.actor import Actor
from allyport.funding.models import BenefitApplication
from allyport.funding.services import review
from allyport.funding.tests.conftest import PDF, make_benefit
from allyport.testing import make_company, make_user
from e2e.helpers import field, field_group, sign_in

pytestmark = pytest.mark.browser


def test_a_funding_application_from_draft_to_approval(page: Page, tmp_path: Path) -> None:
    company, _lead = make_company("Octank Ltd", domain="octank.example")
    make_user(company, "marketing_staff", email="marketing@octank.example")
    make_benefit()

    sign_in(page, "marketing@octank.example")
    page.locator("summary", has_text="Funding").click()
    page.get_by_role("link", name="Funding Benefits", exact=True).click()
    expect(page.get_by_role("heading", name="Funding Benefits for AWS Partners")).to_be_visible()
    page.get_by_role("link", name="Apply for Marketing Development Funds").click()

    field(page, "Application name").fill("Q3 webinar series")
    page.get_by_role("button", name="Submit Later").click()
    expect(page.get_by_text("is saved as a draft")).to_be_visible()
    expect(page.locator(".status")).to_have_text("Pending submission")

    plan = tmp_path / "plan.pdf"
    plan.write_bytes(PDF)
    page.get_by_label("File (PDF").set_input_files(str(plan))
    page.get_by_role("button", name="Attach file").click()
    expect(page.get_by_role("link", name="plan.pdf")).to_be_visible()

    page.get_by_role("link", name="Edit").click()
    page.get_by_role("button", name="Submit", exact=True).click()
    expect(field_group(page, "Marketing activity (required to submit)")).to_contain_text(
        "Enter Marketing activity."
    )
    field(page, "Marketing activity (required to submit)").fill("Three webinars for CIOs")
    page.get_by_role("button", name="Submit", exact=True).click()
    expect(page.locator(".status")).to_have_text("In review")

    application = BenefitApplication.objects.get()
    user = get_user_model().objects.create_user("staff@program.example", "x", is_staff=True)
    review.approve_application(Actor.for_staff(user), application.public_id, amount="9000")

    page.locator("summary", has_text="Funding").click()
    page.get_by_role("link", name="Funding Portal", exact=True).click()
    row = page.get_by_role("row", name=application.public_id)
    expect(row).to_contain_text("Approved")
    expect(page.locator("table.allocations")).to_contain_text("9000.00 USD")
    page.get_by_role("link", name=application.public_id).click()
    expect(page.get_by_text("balance 9000.00 USD")).to_be_visible()
