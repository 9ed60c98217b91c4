"""Company Profile in the browser: editing the profile, adding a domain by code (and a
user registering with it joins), and a company reaching Validated and appearing in the
public Partner Solutions Finder."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from allyport.accounts.models import User
from allyport.testing import make_company
from e2e.helpers import (
    STRONG_PASSWORD,
    code_from_mail,
    field,
    fill_password_pair,
    screenshot,
    sign_in,
)

pytestmark = pytest.mark.browser


def test_the_lead_edits_the_company_profile(page: Page) -> None:
    make_company("Octank Ltd", domain="octank.example")
    sign_in(page, "lead@octank.example")
    page.goto("/company/profile/")
    expect(page.get_by_role("heading", name="Company Profile")).to_be_visible()
    field(page, "Company name shown on your listing").fill("Octank Cloud")
    field(page, "Description").fill("Data platforms for retailers.")
    field(page, "Website").fill("https://octank.example")
    field(page, "Industries you serve (up to 3)").select_option(["RETAIL"])
    page.get_by_role("checkbox", name="Small and medium business").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your company profile was saved.")).to_be_visible()
    expect(field(page, "Company name shown on your listing")).to_have_value("Octank Cloud")
    expect(page.locator("table.versions")).to_contain_text("Octank Cloud")
    screenshot(page, "company-profile")


def test_a_domain_added_by_code_brings_a_registering_user_into_the_company(
    page: Page, new_page
) -> None:  # type: ignore[no-untyped-def]
    company, _lead = make_company("Octank Ltd", domain="octank.example")
    sign_in(page, "lead@octank.example")
    page.goto("/company/profile/domains/")
    field(page, "An email address on the domain to add").fill("it@octank-labs.example")
    page.get_by_role("button", name="Verify email").click()
    expect(page.get_by_text("We sent a code to it@octank-labs.example")).to_be_visible()
    page.get_by_label("Verification code").fill(code_from_mail("it@octank-labs.example"))
    page.get_by_role("button", name="Submit code").click()
    expect(page.get_by_text("octank-labs.example was added.")).to_be_visible()
    expect(page.locator("table.domains")).to_contain_text("octank-labs.example")

    visitor = new_page()
    visitor.goto("/register/")
    visitor.get_by_role("link", name="Register as a user").click()
    field(visitor, "First name").fill("Mateo")
    field(visitor, "Last name").fill("Jackson")
    field(visitor, "Business email").fill("mateo@octank-labs.example")
    visitor.get_by_role("button", name="Verify email").click()
    field(visitor, "Security code").fill(code_from_mail("mateo@octank-labs.example"))
    visitor.get_by_role("button", name="Submit code").click()
    expect(visitor.get_by_text("You will join Octank Ltd")).to_be_visible()
    fill_password_pair(visitor, STRONG_PASSWORD)
    field(visitor, "Job title").fill("Engineer")
    field(visitor, "Phone").fill("+1 206 555 0101")
    visitor.get_by_role("button", name="Register").click()
    expect(visitor.get_by_role("region", name="Your company")).to_contain_text("Octank Ltd")
    assert User.objects.get(email="mateo@octank-labs.example").company == company


def test_a_company_validated_by_staff_appears_in_the_public_finder(page: Page, new_page) -> None:  # type: ignore[no-untyped-def]
    company, _lead = make_company(
        "Anycompany Robotics", stage="Confirmed", domain="robotics.example"
    )
    User.objects.create_superuser("ops@program.example", STRONG_PASSWORD)
    visitor = new_page()
    visitor.goto("/partners/?q=robotics")
    expect(visitor.get_by_text("No partners match your search.")).to_be_visible()

    page.goto("/staff/admin/login/")
    page.get_by_label("Email").fill("ops@program.example")
    page.get_by_label("Password").fill(STRONG_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto("/staff/admin/profiles/partnerstanding/")
    page.get_by_role("checkbox", name="Select this object for an action").first.check()
    page.locator("select[name=action]").select_option("validate")
    page.get_by_role("button", name="Go").click()
    page.get_by_label("Reason").fill("Foundational technical review passed")
    page.get_by_role("button", name="Record a passed validation").click()
    expect(page.get_by_text("1 done.")).to_be_visible()

    visitor.goto("/partners/?q=robotics")
    visitor.get_by_role("link", name="Anycompany Robotics").click()
    expect(visitor.get_by_role("heading", name="Anycompany Robotics", level=1)).to_be_visible()
    assert visitor.title() == "Anycompany Robotics · Partner Solutions Finder"
    assert company.public_id in visitor.url
    screenshot(visitor, "finder-partner")
