"""Registration in the browser: a new company, and a user joining one."""

from __future__ import annotations

import shutil

import pytest
from captcha.models import CaptchaStore
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


def _to_company_details(page: Page, email: str) -> None:
    _start(page, "Register your company", email)
    page.get_by_role("checkbox", name="Yes, I am the main point of contact").check()
    page.get_by_role("button", name="Continue").click()
    _verify(page, email)
    expect(field(page, "Legal company name")).to_be_visible()


def _captcha_answer(page: Page) -> str:
    key = page.locator("input[name=captcha_0]").input_value()
    return CaptchaStore.objects.get(hashkey=key).response


def test_it_preselects_no_country_or_industry_and_shows_whole_labels(page: Page) -> None:
    _to_company_details(page, "mateo@anycompany-robotics.example")
    for label in ("Country", "Industry", "Number of employees"):
        expect(field(page, label)).to_have_value("")
        expect(field(page, label).locator("option:checked")).to_have_text("Select…")
    field(page, "Industry").select_option(label="Business services")
    expect(field(page, "Industry")).to_have_value("BUSINESS_SERV")
    _fill_company_details(page)
    field(page, "Country").select_option("")
    page.get_by_role("button", name="Register").click()
    expect(field_group(page, "Country")).to_contain_text("This field is required.")
    assert not Company.objects.exists()


def test_with_the_captcha_on_it_gives_new_characters_in_place_and_registers(
    page: Page, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.ALLYPORT_CAPTCHA = True
    _to_company_details(page, "mateo@anycompany-robotics.example")
    _fill_company_details(page)
    image = page.get_by_role("img", name="The characters to type, as an image")
    first_image = image.get_attribute("src")
    page.get_by_role("button", name="Show new characters").click()
    expect(image).not_to_have_attribute("src", first_image or "")
    expect(page.get_by_role("status")).to_have_text("New characters are shown.")
    expect(field(page, "Password")).to_have_value(STRONG_PASSWORD)
    screenshot(page, "registration-captcha")
    audio = page.get_by_role("link", name="Listen to the characters (audio)")
    if shutil.which("flite"):
        spoken = page.request.get(audio.get_attribute("href") or "")
        assert spoken.headers["content-type"] == "audio/wav"
        assert spoken.body()[:4] == b"RIFF"
    field(page, "Type the characters you see or hear").fill(_captcha_answer(page))
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("heading", name="Welcome, Mateo")).to_be_visible()


def test_with_the_captcha_on_new_characters_work_without_javascript(
    browser, live_server, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.ALLYPORT_CAPTCHA = True
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    _to_company_details(page, "mateo@anycompany-robotics.example")
    _fill_company_details(page)
    first_key = page.locator("input[name=captcha_0]").input_value()
    page.get_by_role("button", name="Show new characters").click()
    expect(page.locator("input[name=captcha_0]")).not_to_have_value(first_key)
    expect(page.get_by_role("alert")).to_have_count(0)
    expect(field(page, "Legal company name")).to_have_value("Anycompany Robotics LLC")
    expect(field(page, "Country")).to_have_value("DE")
    expect(page.get_by_role("checkbox", name="Enterprise")).to_be_checked()
    fill_password_pair(page, STRONG_PASSWORD)
    field(page, "Type the characters you see or hear").fill(_captcha_answer(page))
    field(page, "Type the characters you see or hear").press("Enter")
    expect(page.get_by_role("heading", name="Welcome, Mateo")).to_be_visible()
    context.close()
