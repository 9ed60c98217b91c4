"""Opportunity Management in the browser: create an opportunity with one bad field
(the error shows next to it), fix it, associate an offering, submit it, and find it
in the list with the review status filter."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from allyport.pipeline.models import Opportunity
from allyport.pipeline.tests.conftest import make_solution
from allyport.testing import make_company, make_user
from e2e.helpers import field, field_group, screenshot, sign_in

pytestmark = pytest.mark.browser

PHONE_ERROR = "Enter the number in international format, such as +14155550100."


def _fill_opportunity(page: Page) -> None:
    field(page, "Customer company name").fill("Example Corp")
    field(page, "Customer website URL").fill("https://example.com")
    field(page, "Industry").select_option("Software and Internet")
    field(page, "Country").select_option("US")
    field(page, "State or region").fill("Washington")
    field(page, "Contact email").fill("buyer@example.com")
    field(page, "Contact phone").fill("12345")  # not international: refused
    field(page, "Opportunity type").select_option("Net New Business")
    field(page, "Partner project title").fill("Data lake migration")
    field(page, "Customer business problem").fill(
        "The customer needs to move analytics off premises."
    )
    page.get_by_label("SaaS or PaaS").check()
    page.get_by_label("Conducted POC / Demo").check()
    page.get_by_label("Co-Sell - Technical Consultation").check()
    field(page, "Amount").fill("2000")
    field(page, "Stage").select_option("Qualified")
    close = timezone.localdate() + timedelta(days=60)
    field(page, "Target close date").fill(close.isoformat())


def test_it_creates_fixes_submits_and_finds_an_opportunity(page: Page) -> None:
    company, _lead = make_company("Octank Ltd", domain="octank.example")
    make_user(company, "ace_manager", email="manager@octank.example")
    solution = make_solution(company, name="Octank Analytics")

    sign_in(page, "manager@octank.example")
    page.locator("summary", has_text="Sell").click()
    page.get_by_role("link", name="Opportunity Management", exact=True).click()
    expect(page.get_by_role("heading", name="Opportunity Management")).to_be_visible()
    page.get_by_role("link", name="Create opportunity").click()

    _fill_opportunity(page)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Correct the field marked below.")).to_be_visible()
    expect(field_group(page, "Contact phone")).to_contain_text(PHONE_ERROR)
    expect(field(page, "Partner project title")).to_have_value("Data lake migration")
    screenshot(page, "opportunity-error")
    assert not Opportunity.objects.exists()

    field(page, "Contact phone").fill("+14155550100")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name="Data lake migration")).to_be_visible()
    opportunity = Opportunity.objects.get()
    expect(page.locator("#opportunity-id")).to_have_text(opportunity.public_id)

    field(page, "Offering").select_option(solution.public_id)
    page.get_by_role("button", name="Associate Offering").click()
    expect(page.get_by_text("The association is saved.")).to_be_visible()
    expect(page.locator("section.related li")).to_contain_text(
        f"Octank Analytics ({solution.public_id})"
    )
    screenshot(page, "opportunity-detail")

    page.get_by_role("link", name="Submit", exact=True).click()
    page.get_by_label("Co-Sell", exact=True).check()
    page.get_by_label("Full", exact=True).check()
    screenshot(page, "opportunity-submit")
    page.get_by_role("button", name="Submit", exact=True).click()
    expect(
        page.get_by_text(f"Opportunity {opportunity.public_id} is submitted to AWS.")
    ).to_be_visible()
    expect(page.locator("#review-status")).to_have_text("Submitted")
    expect(page.get_by_role("link", name="Edit", exact=True)).to_have_count(0)

    page.get_by_role("link", name="Opportunity Management", exact=True).first.click()
    field(page, "Review status").select_option("Pending Submission")
    page.get_by_role("button", name="Filter", exact=True).click()
    expect(page.get_by_text("No opportunities match.")).to_be_visible()
    field(page, "Review status").select_option("Submitted")
    page.get_by_role("button", name="Filter", exact=True).click()
    row = page.locator("table.opportunities tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(opportunity.public_id)
    expect(row).to_contain_text("Example Corp")
    screenshot(page, "opportunities-filtered")
    page.get_by_role("link", name="Clear filters").click()
    expect(field(page, "Review status")).to_have_value("")
