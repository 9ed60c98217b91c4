"""Content in the browser: every menu entry of Build, Market, Resources and My Company
that the content app builds opens its real page from the menu for a role that may see
it; and a partner walkthrough runs from the home page's icon to its end by keyboard."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from allyport.content.tests import factories
from allyport.content.walkthroughs.models import WalkthroughProgress
from allyport.testing import make_company, make_user
from e2e.helpers import sign_in

pytestmark = pytest.mark.browser

# (menu, item, role that may see it, the page's heading)
ENTRIES = [
    ("Build", "Case Studies", "technical_staff", "Case Studies"),
    ("Build", "Device Listing", "standard_user", "Device Listing"),
    ("Build", "Well-Architected workloads", "technical_staff", "Well-Architected workloads"),
    ("Market", "Sponsorships", "marketing_staff", "Sponsorships"),
    ("Market", "Marketing Toolkit", "marketing_staff", "Marketing Toolkit"),
    ("Market", "Public Reference", "marketing_staff", "Public Reference"),
    ("Market", "Badge Manager", "marketing_staff", "Badge Manager"),
    ("Resources", "Navigate", "standard_user", "Navigate"),
    ("Resources", "Documents", "standard_user", "Documents"),
    ("Resources", "Videos", "standard_user", "Videos"),
    ("Resources", "FAQs", "standard_user", "FAQs"),
    ("Resources", "View all", "standard_user", "All resources"),
    ("My Company", "Job Board", "alliance_team", "Job Board"),
]
ROLES = sorted({role for _menu, _item, role, _heading in ENTRIES})


@pytest.mark.parametrize("role", ROLES)
def test_each_menu_entry_opens_its_page_for_a_role_that_may(page: Page, role: str) -> None:
    company, _lead = make_company(
        "Octank", domain="octank.example", stage="Validated", paths=["Software", "Services"]
    )
    make_user(company, role, email=f"{role}@octank.example")
    sign_in(page, f"{role}@octank.example")
    expect(page.get_by_role("heading", name=re.compile("Welcome"))).to_be_visible()
    for menu, item, allowed, heading in ENTRIES:
        if allowed != role:
            continue
        page.goto("/")
        page.locator("summary", has_text=menu).first.click()
        page.get_by_role("link", name=item, exact=True).click()
        expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()


def test_a_walkthrough_runs_from_start_to_end_by_keyboard(page: Page) -> None:
    company, lead = make_company("Octank", domain="octank.example", stage="Validated")
    factories.news("Fresh partner news")
    factories.event("Partner summit")
    tour = factories.walkthrough()
    sign_in(page, lead.email)
    page.get_by_role("link", name="Partner walkthroughs").click()
    page.get_by_role("link", name="Start Find news and events").click()

    dialog = page.get_by_role("dialog", name="Partner news")
    expect(dialog).to_be_focused()
    expect(dialog).to_contain_text("1 / 3")
    expect(page.locator("#home-news")).to_have_class(re.compile("wt-highlight"))
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("dialog", name="Partner events")).to_contain_text("2 / 3")
    expect(page.locator("#home-events")).to_have_class(re.compile("wt-highlight"))
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_role("dialog", name="Partner news")).to_be_visible()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("dialog", name="Partner events")).to_be_visible()
    page.keyboard.press("ArrowRight")  # the third step is on another page
    expect(page).to_have_url(re.compile(r"/news/\?tour="))
    last = page.get_by_role("dialog", name="Search the news")
    expect(last).to_contain_text("3 / 3")
    expect(page.locator("#id_q")).to_have_class(re.compile("wt-highlight"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="Walkthrough completed.")).to_be_visible()
    expect(page.get_by_role("dialog")).to_have_count(0)
    progress = WalkthroughProgress.objects.get(walkthrough=tour, user=lead)
    assert progress.completed_at is not None

    page.goto(f"/?tour={tour.public_id}&step=0")
    expect(page.get_by_role("dialog", name="Partner news")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.get_by_role("link", name="Partner walkthroughs")).to_be_focused()
