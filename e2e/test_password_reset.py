"""Resetting a forgotten password in the browser with an emailed code."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from allyport.testing import make_company
from e2e.helpers import STRONG_PASSWORD, code_from_mail, field, field_group, sign_in

pytestmark = pytest.mark.browser


def _set_new_password(page: Page, password: str) -> None:
    field(page, "New Password").fill(password)
    field(page, "New Password (again)").fill(password)
    page.get_by_role("button", name="Submit").click()


def test_it_resets_a_password_with_an_emailed_code(page: Page) -> None:
    make_company("Octank Ltd", domain="octank.example")
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Forgot password").click()
    page.get_by_label("Email").fill("lead@octank.example")
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", name="Reset password")).to_be_visible()
    field(page, "Code").fill(code_from_mail("lead@octank.example"))
    page.get_by_role("button", name="Submit code").click()

    _set_new_password(page, "weakpass")
    expect(page.get_by_role("alert")).to_be_visible()
    rules = field_group(page, "New Password")
    expect(rules).to_contain_text("Include an upper-case letter.")
    expect(rules).to_contain_text("Include a number.")
    expect(rules).not_to_contain_text("Use at least 8 characters.")
    _set_new_password(page, STRONG_PASSWORD)
    expect(page.get_by_role("heading", name="Your password was changed")).to_be_visible()

    sign_in(page, "lead@octank.example", STRONG_PASSWORD)
    expect(page.get_by_role("heading", name="Welcome")).to_be_visible()
