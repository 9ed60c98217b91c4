"""Signing in in the browser: MFA by emailed code, and lockout after failures."""

from __future__ import annotations

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from allyport.accounts.models import LockoutContact
from allyport.testing import make_company
from e2e.helpers import code_from_mail, field, field_group, sign_in

pytestmark = pytest.mark.browser


def test_it_signs_in_with_an_emailed_code_after_a_resend(page: Page) -> None:
    make_company("Octank Ltd", domain="octank.example", mfa=True)
    sign_in(page, "lead@octank.example")
    expect(page.get_by_role("heading", name="Verification code")).to_be_visible()
    first_code = code_from_mail("lead@octank.example")
    wrong = "000000" if first_code != "000000" else "111111"
    field(page, "Code").fill(wrong)
    page.get_by_role("button", name="Submit code").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(field_group(page, "Code")).to_contain_text("Incorrect code")

    sent_before = len(mail.outbox)
    page.get_by_role("button", name="Resend").click()
    expect(page.get_by_role("heading", name="Verification code")).to_be_visible()
    assert len(mail.outbox) == sent_before + 1
    field(page, "Code").fill(code_from_mail("lead@octank.example"))
    page.get_by_role("button", name="Submit code").click()
    expect(page.get_by_role("heading", name="Welcome")).to_be_visible()
    expect(page.get_by_role("region", name="Your company")).to_contain_text("Octank Ltd")


def test_it_locks_sign_in_after_five_failures_and_takes_a_message(page: Page) -> None:
    make_company("Octank Ltd", domain="octank.example")
    for _attempt in range(5):
        sign_in(page, "lead@octank.example", "Wrong!Pass9")
        expect(page.get_by_role("alert")).to_be_visible()
    locked = page.get_by_role("alert").filter(has_text="Sign-in is locked")
    expect(locked).not_to_be_visible()

    sign_in(page, "lead@octank.example")  # even the right password is refused now
    expect(locked).to_be_visible()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    locked.get_by_role("link", name="Contact the partner team").click()
    field(page, "Name").fill("Pat Lead")
    field(page, "Business email").fill("lead@octank.example")
    field(page, "How can we help?").fill("I am locked out after mistyping my password.")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    assert LockoutContact.objects.filter(email="lead@octank.example").count() == 1
