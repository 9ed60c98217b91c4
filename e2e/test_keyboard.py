"""The portal by keyboard alone: the skip link, a menu opened with Enter and Space,
moved through with the arrows, closed with Escape (focus back on its button), each
item's description on focus and hover; a form's errors announced and tied to fields."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from allyport.testing import make_company
from e2e.helpers import field, sign_in

pytestmark = pytest.mark.browser

PARTNER_TRAINING = (
    "Build your competence, confidence, and credibility to better support customers "
    "with essential knowledge of the AWS Cloud."
)


def focused(page: Page) -> str:
    return page.evaluate(
        "() => { const e = document.activeElement; return e.id || e.textContent.trim(); }"
    )


def test_skip_link_and_a_menu_by_keyboard(page: Page) -> None:
    make_company("Anycompany", stage="Validated", paths=["Software"], domain="anycompany.example")
    sign_in(page, "lead@anycompany.example")
    expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert focused(page) == "main"

    learn = page.locator("details.menu", has=page.locator("summary", has_text="Learn"))
    summary = learn.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(learn).to_have_attribute("open", "")
    page.keyboard.press("ArrowDown")
    item = learn.get_by_role("link", name="Partner Training")
    expect(item).to_be_focused()
    expect(item).to_have_accessible_description(PARTNER_TRAINING)
    expect(learn.get_by_role("tooltip")).to_have_text(PARTNER_TRAINING)
    expect(learn.get_by_role("tooltip")).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(learn.get_by_role("link", name="Self-Paced Training")).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(learn.get_by_role("link", name="Certification", exact=True)).to_be_focused()

    page.keyboard.press("Escape")
    expect(learn).not_to_have_attribute("open", "")
    expect(summary).to_be_focused()

    page.keyboard.press(" ")
    expect(learn).to_have_attribute("open", "")
    page.keyboard.press("Escape")
    expect(summary).to_be_focused()

    # A pointer shows the same description on hover, and nothing else is open.
    summary.click()
    learn.get_by_role("link", name="Self-Paced Training").hover()
    expect(learn.get_by_text("Find courses and content on AWS Skill Builder")).to_be_visible()
    expect(page.locator("details.menu[open]")).to_have_count(1)


def test_form_errors_are_announced_and_tied_to_their_fields(page: Page) -> None:
    page.goto("/register/user/")
    field(page, "First name").fill("Jane")
    field(page, "Last name").fill("Doe")
    field(page, "Business email").fill("jane@gmail.com")
    page.get_by_role("button", name="Verify email").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Correct the field marked below.")
    expect(summary).to_be_focused()
    email = field(page, "Business email")
    expect(email).to_have_attribute("aria-invalid", "true")
    error = page.locator("#" + (email.get_attribute("aria-describedby") or "none"))
    expect(error).to_contain_text("personal")
    expect(email).to_have_accessible_description(error.inner_text())
    expect(field(page, "First name")).not_to_have_attribute("aria-invalid", "true")

    summary.get_by_role("link", name="Business email").click()
    expect(email).to_be_focused()
