"""Marketing Central in the browser: the Market menu's entry opens the real page for a
role that may see it, a campaign starts from a template, its email is filled in and
previewed (the script typed into the body is gone), and Activate sends it."""

from __future__ import annotations

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from allyport.marketing.catalogue import make_template
from allyport.testing import make_company, make_user
from e2e.helpers import field, sign_in

pytestmark = pytest.mark.browser


def test_marketing_central_from_the_menu_to_an_activated_email(page: Page) -> None:
    company, _lead = make_company("Octank Ltd", domain="octank.example", stage="Confirmed")
    make_user(company, "ace_user", email="ace@octank.example")
    make_template("Migrate to AWS")

    sign_in(page, "ace@octank.example")
    page.locator("summary", has_text="Market").click()
    page.get_by_role("link", name="Marketing Central", exact=True).click()
    expect(page.get_by_role("heading", name="Marketing Central", exact=True)).to_be_visible()
    page.get_by_role("link", name="Migrate to AWS").click()
    field(page, "Campaign name").fill("Spring webinar")
    page.get_by_role("button", name="Create campaign").click()
    expect(page.get_by_role("heading", name="Spring webinar")).to_be_visible()

    field(page, "Sender email").fill("news@octank.example")
    field(page, "Privacy policy URL").fill("https://octank.example/privacy")
    field(page, "Partner address").fill("1 Main Street")
    field(page, "End date").fill("2031-01-31")
    field(page, "Recipients").fill("cio@customer.example")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Campaign settings saved.")).to_be_visible()

    page.get_by_role("link", name="Invitation email").click()
    field(page, "Subject line").fill("Plan your move")
    field(page, "Headline").fill("Move faster")
    field(page, "Body").fill("<p>Join <em>us</em><script>alert(1)</script></p>")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".asset-preview em")).to_have_text("us")
    expect(page.locator(".asset-preview script")).to_have_count(0)

    page.get_by_role("link", name="Spring webinar").click()
    page.get_by_role("button", name="Activate").click()
    expect(page.get_by_text("Activation atsk-")).to_be_visible()
    assert [m.to for m in mail.outbox if m.subject == "Plan your move"] == [
        ["cio@customer.example"]
    ]
