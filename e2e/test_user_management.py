"""User Management in the browser: roles for 10 users in one Update, reassigning the
alliance lead, removing a user, and turning MFA on."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from allyport.access.models import RoleAssignment
from allyport.accounts.models import Company, User
from allyport.testing import make_company, make_user
from e2e.helpers import field, field_group, screenshot, sign_in

pytestmark = pytest.mark.browser

LIMIT_REASON = "ACE manager is limited to 20 users per company"


def _octank() -> Company:
    return make_company("Octank Ltd", domain="octank.example")[0]


def _open_users(page: Page) -> None:
    sign_in(page, "lead@octank.example")
    page.goto("/company/users/")
    expect(page.get_by_role("heading", name="User management")).to_be_visible()


def test_it_assigns_roles_to_10_users_in_one_update_and_reports_the_limit(page: Page) -> None:
    company = _octank()
    for n in range(18):
        make_user(company, "ace_manager", email=f"ace{n:02}@octank.example")
    picked = [f"pick{n:02}@octank.example" for n in range(10)]
    for email in picked:
        make_user(company, "standard_user", email=email)
    _open_users(page)
    for email in picked:
        page.get_by_role("checkbox", name=f"Select {email}").check()
    screenshot(page, "users-tab")
    page.get_by_role("button", name="Manage roles").click()
    expect(page.get_by_role("heading", name="Manage roles")).to_be_visible()
    for email in picked:
        page.get_by_role("group", name=email).get_by_label("Role(s)").select_option(
            label="ACE manager"
        )
    page.get_by_role("button", name="Update").click()
    expect(page.get_by_text("2 succeeded, 8 failed")).to_be_visible()
    failures = page.locator("table.failures tbody tr")
    expect(failures).to_have_count(8)
    expect(failures.filter(has_text=LIMIT_REASON)).to_have_count(8)
    screenshot(page, "manage-roles-result")
    assert RoleAssignment.objects.filter(company=company, role="ace_manager").count() == 20


def test_it_keeps_a_group_between_buttons_without_javascript(browser, live_server) -> None:  # type: ignore[no-untyped-def]
    company = _octank()
    a = make_user(company, "ace_user", email="a@octank.example")
    make_user(company, "standard_user", email="b@octank.example")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    _open_users(page)
    page.get_by_role("checkbox", name="Select a@octank.example").check()
    page.get_by_role("button", name="Manage roles").click()
    page.get_by_label("User", exact=True).select_option(label="b@octank.example <b@octank.example>")
    page.get_by_role("button", name="Manage another user").click()
    expect(page.get_by_role("group", name="b@octank.example")).to_be_visible()
    page.get_by_role("button", name="Remove role ACE user from a@octank.example").click()
    expect(page.get_by_role("group", name="a@octank.example")).to_contain_text("(to be removed)")
    screenshot(page, "manage-roles")
    page.get_by_role("group", name="a@octank.example").get_by_label("Role(s)").select_option(
        label="Technical staff"
    )
    page.get_by_role("button", name="Update").click()
    expect(page.get_by_text("2 succeeded, 0 failed")).to_be_visible()
    assert set(a.role_assignments.values_list("role", flat=True)) == {"technical_staff"}
    context.close()


def test_it_reassigns_the_alliance_lead_with_confirm(page: Page) -> None:
    company = _octank()
    make_user(company, "ace_user", email="nadia@octank.example")
    _open_users(page)
    page.get_by_role("link", name="Reassign the alliance lead role").click()
    field(page, "New alliance lead").select_option(
        label="nadia@octank.example <nadia@octank.example>"
    )
    page.get_by_label(re.compile("Type .confirm. to continue")).fill("confrim")
    page.get_by_role("button", name="Reassign").click()
    expect(page.locator("div.field.has-error")).to_contain_text('Type "confirm" to continue.')
    page.get_by_label(re.compile("Type .confirm. to continue")).fill("confirm")
    page.get_by_role("button", name="Reassign").click()
    expect(page.get_by_text("nadia@octank.example is now the alliance lead.")).to_be_visible()
    leads = User.objects.filter(company=company, role_assignments__role="alliance_lead")
    assert [u.email for u in leads] == ["nadia@octank.example"]


def test_it_removes_a_user_with_confirm(page: Page) -> None:
    company = _octank()
    make_user(company, "ace_user", email="leaving@octank.example")
    _open_users(page)
    page.get_by_role("link", name="Remove user leaving@octank.example").click()
    expect(page.get_by_role("heading", name="Remove user")).to_be_visible()
    page.get_by_role("button", name="Remove").click()
    expect(page.get_by_role("alert")).to_be_visible()
    page.get_by_label(re.compile("Type .confirm. to continue")).fill("confirm")
    page.get_by_role("button", name="Remove").click()
    expect(page.get_by_text("leaving@octank.example was removed.")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="leaving@octank.example")
    expect(row).to_contain_text("Removed")
    assert User.objects.get(email="leaving@octank.example").status == User.Status.REMOVED


def test_it_turns_mfa_on_and_the_next_sign_in_asks_for_a_code(page: Page, new_page) -> None:  # type: ignore[no-untyped-def]
    company = _octank()
    make_user(company, "ace_user", email="member@octank.example")
    _open_users(page)
    page.get_by_role("link", name="Security").click()
    expect(page.locator(".mfa-status")).to_have_text("Disabled")
    page.get_by_role("link", name="Edit").click()
    page.get_by_role("radio", name="Enabled").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".mfa-status")).to_have_text("Enabled")
    later = new_page()
    sign_in(later, "member@octank.example")
    expect(later.get_by_role("heading", name="Verification code")).to_be_visible()
    expect(field_group(later, "Code")).to_be_visible()


def test_it_offers_reassign_not_removal_for_the_lead_and_refuses_a_forged_role(
    page: Page,
) -> None:
    company = _octank()
    member = make_user(company, "standard_user", email="member@octank.example")
    _open_users(page)
    page.get_by_role("checkbox", name="Select lead@octank.example").check()
    page.get_by_role("checkbox", name="Select member@octank.example").check()
    page.get_by_role("button", name="Manage roles").click()
    lead_row = page.get_by_role("group", name="lead@octank.example")
    expect(lead_row).to_contain_text("Alliance lead (changes by reassignment)")
    expect(
        lead_row.get_by_role("button", name="Remove role Alliance lead from lead@octank.example")
    ).to_have_count(0)
    screenshot(page, "manage-roles-lead")
    # An option the page does not offer, added by editing the page.
    roles = page.get_by_role("group", name="member@octank.example").get_by_label("Role(s)")
    roles.evaluate("select => select.add(new Option('Alliance lead', 'alliance_lead', true, true))")
    page.get_by_role("button", name="Update").click()
    expect(page.get_by_role("status")).to_contain_text(
        "The alliance lead role is not added or removed here"
    )
    assert set(member.role_assignments.values_list("role", flat=True)) == {"standard_user"}
    lead_row = page.get_by_role("group", name="lead@octank.example")
    lead_row.get_by_role("link", name="Reassign").click()
    expect(page.get_by_role("heading", name=re.compile("alliance lead", re.I))).to_be_visible()
