"""Inviting colleagues in the browser, and accepting the invitation."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from allyport.accounts.models import Invitation
from allyport.testing import make_company
from e2e.helpers import STRONG_PASSWORD, field, fill_password_pair, path_from_mail, sign_in

pytestmark = pytest.mark.browser


def _fill_row(page: Page, number: int, email: str, roles: list[str]) -> None:
    row = page.get_by_role("group", name=f"User {number}")
    field(row, "Email").fill(email)
    for role in roles:
        row.get_by_role("checkbox", name=role, exact=True).check()


def _invite_two(page: Page) -> None:
    page.get_by_text("My Company", exact=True).click()
    page.get_by_role("link", name="User Management").first.click()
    page.get_by_role("link", name="Partner Central roles").click()
    page.get_by_role("link", name="Invite users").click()
    _fill_row(page, 1, "ana@octank.example", ["Alliance team", "ACE user"])
    page.get_by_role("button", name="Add Another User").click()
    expect(field(page.get_by_role("group", name="User 1"), "Email")).to_have_value(
        "ana@octank.example"
    )
    _fill_row(page, 2, "li@octank.example", ["Technical staff"])
    page.get_by_role("button", name="Invite", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("2 invitations sent.")


def test_it_invites_two_users_and_one_accepts(new_page) -> None:  # type: ignore[no-untyped-def]
    make_company("Octank Ltd", domain="octank.example")
    lead_page = new_page()
    sign_in(lead_page, "lead@octank.example")
    _invite_two(lead_page)
    pending = lead_page.get_by_role("table")
    expect(pending).to_contain_text("ana@octank.example")
    expect(pending).to_contain_text("li@octank.example")
    assert Invitation.objects.filter(accepted_at=None).count() == 2

    page = new_page()
    page.goto(path_from_mail("ana@octank.example"))
    expect(page.get_by_role("heading", name="Join Octank Ltd")).to_be_visible()
    field(page, "First name").fill("Ana")
    field(page, "Last name").fill("Silva")
    field(page, "Job title").fill("Alliance manager")
    field(page, "Phone").fill("+1 206 555 0102")
    fill_password_pair(page, STRONG_PASSWORD)
    page.get_by_role("button", name="Register").click()

    card = page.get_by_role("region", name="Your company")
    expect(card).to_contain_text("Octank Ltd")
    expect(card.get_by_role("definition").last).to_have_text("Alliance team, ACE user")
    assert Invitation.objects.get(email="ana@octank.example").accepted_at is not None
