"""Registration in the browser: a new company, and a user joining one."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from allyport.accounts.models import Company, User
from allyport.testing import make_company
from e2e.helpers import (
    STRONG_PASSWORD,
    code_from_mail,
    field,
    field_group,
    fill_password_pair,
    screenshot,
)

pytestmark = pytest.mark.browser


def _start(page: Page, link: str, email: str) -> None:
    page.goto("/register/")
    page.get_by_role("link", name=link).click()
    field(page, "First name").fill("Mateo")
    field(page, "Last name").fill("Jackson")
    field(page, "Business email").fill(email)


def _verify(page: Page, email: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text(f"We sent a security code to {email}")).to_be_visible()
    field(page, "Security code").fill(code_from_mail(email))
    page.get_by_role("button", name="Submit code").click()


def _fill_company_details(page: Page) -> None:
    fill_password_pair(page, STRONG_PASSWORD)
    field(page, "Job title").fill("Partner manager")
    field(page, "Phone").fill("+1 206 555 0100")
    field(page, "Legal company name").fill("Anycompany Robotics LLC")
    page.get_by_role("radio", name="Software products").check()
    field(page, "Company website").fill("anycompany-robotics.example")
    field(page, "Country").select_option(label="Germany")
    field(page, "City").fill("Berlin")
    field(page, "Number of employees").select_option("11-50")
    field(page, "Industry").select_option("COMPUTER_SOFTWARE")
    page.get_by_role("checkbox", name="Enterprise").check()


def test_it_registers_a_company_end_to_end(page: Page) -> None:
    _start(page, "Register your company", "mateo@anycompany-robotics.example")
    page.get_by_role("checkbox", name="Yes, I am the main point of contact").check()
    page.get_by_role("button", name="Continue").click()
    _verify(page, "mateo@anycompany-robotics.example")
    expect(field(page, "Legal company name")).to_be_visible()
    _fill_company_details(page)
    screenshot(page, "registration-details")
    page.get_by_role("button", name="Register").click()

    expect(page.get_by_role("heading", name="Welcome, Mateo")).to_be_visible()
    card = page.get_by_role("region", name="Your company")
    expect(card).to_contain_text("Anycompany Robotics LLC")
    expect(card).to_contain_text("Alliance lead")
    screenshot(page, "home")
    company = Company.objects.get(legal_name="Anycompany Robotics LLC")
    assert company.country_code == "DE"
    assert company.customer_segments == ["ENTERPRISE"]


def test_it_refuses_a_personal_email_next_to_the_field(page: Page) -> None:
    _start(page, "Register your company", "mateo@gmail.com")
    page.get_by_role("checkbox", name="Yes, I am the main point of contact").check()
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("alert")).to_contain_text("Correct the field marked below")
    expect(field_group(page, "Business email")).to_contain_text(
        "gmail.com is a personal or education email domain"
    )
    expect(field_group(page, "First name")).not_to_contain_text("personal")
    assert not User.objects.filter(email="mateo@gmail.com").exists()


def test_it_registers_a_user_of_an_existing_company(page: Page) -> None:
    company, _lead = make_company("Octank Ltd", domain="octank.example")
    _start(page, "Register as a user", "mateo@octank.example")
    page.get_by_role("button", name="Verify email").click()
    _verify(page, "mateo@octank.example")
    expect(page.get_by_text("You will join Octank Ltd")).to_be_visible()
    fill_password_pair(page, STRONG_PASSWORD)
    field(page, "Job title").fill("Engineer")
    field(page, "Phone").fill("+1 206 555 0101")
    page.get_by_role("button", name="Register").click()

    card = page.get_by_role("region", name="Your company")
    expect(card).to_contain_text("Octank Ltd")
    expect(card).to_contain_text("Standard user")
    assert User.objects.get(email="mateo@octank.example").company == company
