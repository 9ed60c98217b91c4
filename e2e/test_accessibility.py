"""Accessibility: axe-core on every page of the menu, for a member of each role of the
access model and for staff; the menus by keyboard; form errors announced and tied to
their fields.

The company is Differentiated on the Software and Services paths, so every menu item
whose path or stage can be met is in some role's menu.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from allyport.access.actor import for_user
from allyport.access.model import access_model
from allyport.access.navigation import navigation
from allyport.accounts.models import User
from allyport.testing import PASSWORD, make_company, make_user
from e2e.axe import violations
from e2e.helpers import sign_in

pytestmark = pytest.mark.browser

ROLES = sorted(access_model().roles)


def member_of(role: str) -> User:
    company, lead = make_company(
        "Anycompany", stage="Differentiated", paths=["Software", "Services"],
        domain="anycompany.example",
    )  # fmt: skip
    return lead if role == "alliance_lead" else make_user(company, role)


def menu_pages(user: User) -> list[tuple[str, str]]:
    """(name, path) of the home page and every built page of the user's menus."""
    pages = [("Home", "/")]
    pages += [(f"{menu} > {item}", url) for menu, item, url in navigation(for_user(user))["pages"]]
    return pages


def check_menus_open(page: Page, role: str) -> list[str]:
    """Each menu of the bar open, its first item focused (its description shown)."""
    found = []
    summaries = page.locator("details.menu > summary")
    for index in range(summaries.count()):
        summary = summaries.nth(index)
        name = summary.inner_text().strip()
        summary.focus()
        page.keyboard.press("Enter")
        page.keyboard.press("ArrowDown")
        found += violations(page, f"{role}, menu {name} open", "details.menu[open]")
        page.keyboard.press("Escape")
    return found


@pytest.mark.parametrize("role", ROLES)
def test_every_page_of_the_menu_passes_axe(page: Page, role: str) -> None:
    user = member_of(role)
    pages = menu_pages(user)
    assert len(pages) > 5, pages
    sign_in(page, user.email)
    expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()
    found: list[str] = check_menus_open(page, role)
    for name, path in pages:
        response = page.goto(path)
        assert response is not None and response.status == 200, (name, path)
        found += violations(page, f"{role}, {name} ({path})")
    assert not found, "\n".join(found)


def test_staff_pages_pass_axe(page: Page) -> None:
    User.objects.create_user(
        email="ops@allyport.example", password=PASSWORD, is_staff=True, is_superuser=True
    )
    page.goto("/staff/admin/login/?next=/staff/admin/")
    page.get_by_label("Email").fill("ops@allyport.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()
    links = page.locator("#content-main a[href$='/']:not(.addlink):not(.changelink)")
    paths = sorted(
        {href for href in links.evaluate_all("ls => ls.map(l => l.getAttribute('href'))")}
    )
    paths = ["/staff/admin/", "/staff/support/", *paths]
    assert len(paths) > 5, paths
    found: list[str] = []
    for path in paths:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        found += violations(page, f"staff, {path}")
    assert not found, "\n".join(found)


def test_pages_before_sign_in_pass_axe(page: Page) -> None:
    """What a visitor reaches from the landing page, and a form sent back with errors."""
    found: list[str] = []
    for path in ("/", "/accounts/login/", "/register/", "/register/company/", "/register/user/"):
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        found += violations(page, f"visitor, {path}")
    page.get_by_role("button", name="Verify email").click()
    expect(page.get_by_role("alert")).to_contain_text("Correct the 3 fields marked below.")
    found += violations(page, "visitor, /register/user/ with errors")
    assert not found, "\n".join(found)
