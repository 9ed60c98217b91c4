"""Programs and certifications in the browser: the guide's application flow (Create →
Select Designation → Yes, I Agree → Submit Later → resume → Submit), and a
certification import showing on My Certifications and on the Partner Scorecard."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from allyport.access.actor import Actor
from allyport.programs.services.certification_import import import_certifications
from allyport.programs.tests.conftest import make_catalogue, requirement
from allyport.testing import make_company
from e2e.helpers import screenshot, sign_in

pytestmark = pytest.mark.browser


def test_the_guides_application_flow(page: Page) -> None:
    make_company("Anycompany", stage="Validated", paths=["Software"], domain="anycompany.example")
    make_catalogue()
    sign_in(page, "lead@anycompany.example")
    page.goto("/programs/applications/")
    expect(page.get_by_role("heading", name="Applications and Programs")).to_be_visible()
    page.get_by_role("link", name="Create").click()
    expect(page.get_by_role("heading", name="Apply for Program")).to_be_visible()
    page.get_by_role("link", name="Select Designation").click()
    dialog = page.get_by_role("dialog", name="Select Designation")
    dialog.get_by_label("Search designations").fill("ISV")
    dialog.get_by_role("button", name="Search").click()
    dialog = page.get_by_role("dialog", name="Select Designation")
    expect(dialog.get_by_label("Migration Consulting Competency")).to_have_count(0)
    dialog.get_by_label("ISV Workload Migration").check()
    screenshot(page, "programs-select-designation")
    dialog.get_by_role("button", name="Select").click()
    page.get_by_label("I acknowledge the terms above and the program guidelines.").check()
    page.get_by_role("button", name="Yes, I Agree").click()
    expect(page.get_by_role("heading", name="ISV Workload Migration")).to_be_visible()
    page.get_by_label("Describe your migration methodology.").fill("Assess, mobilise, migrate.")
    page.get_by_role("button", name="Submit Later").click()
    expect(page.get_by_text("Your application was saved as a draft.")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="ISV Workload Migration")
    expect(row).to_contain_text("Draft")
    row.get_by_role("link").click()
    expect(page.get_by_label("Describe your migration methodology.")).to_have_value(
        "Assess, mobilise, migrate."
    )
    page.get_by_role("button", name="Submit", exact=True).click()
    expect(page.get_by_text("Name at least 1 customer references.")).to_be_visible()
    page.get_by_label("Customer references").fill("AnyCompany Retail, Jane Doe, CTO")
    page.get_by_role("button", name="Submit", exact=True).click()
    expect(page.get_by_text("Your application was submitted for review.")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="ISV Workload Migration")).to_contain_text(
        "Submitted"
    )


def test_an_imported_certification_shows_on_my_certifications_and_the_scorecard(
    page: Page, settings: object
) -> None:
    settings.ALLYPORT_CERTIFICATION_DELAY_DAYS = 0  # type: ignore[attr-defined]
    make_company("Anycompany", stage="Validated", paths=["Software"], domain="anycompany.example")
    requirement("technical_certified", 2)
    content = (
        b"email,certification,level,date,expiry\n"
        b"lead@anycompany.example,AWS Certified Solutions Architect - Associate,"
        b"Associate,2026-01-10,2029-01-10\n"
    )
    import_certifications(Actor.system(), "certs.csv", content)
    sign_in(page, "lead@anycompany.example")
    page.goto("/profile/certifications/")
    expect(
        page.get_by_role("cell", name="AWS Certified Solutions Architect - Associate")
    ).to_be_visible()
    page.goto("/company/scorecard/")
    row = page.get_by_role("row").filter(has_text="AWS Technical Certified professionals")
    expect(row).to_contain_text("1 / 2")
    expect(row).to_contain_text("Not met")
    expect(page.get_by_text("Only registered, consented certifications count")).to_be_visible()
    screenshot(page, "programs-scorecard")
