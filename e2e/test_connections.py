"""Connections in the browser: a partner invites another from Market > Find Partners >
Connections, and the other accepts."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from allyport.marketplace.services.linking import link_for_operator
from allyport.testing import make_company
from e2e.helpers import field, screenshot, sign_in

pytestmark = pytest.mark.browser


def test_a_partner_invites_and_the_other_accepts(page: Page, new_page) -> None:  # type: ignore[no-untyped-def]
    octank, _lead = make_company("Octank Ltd", domain="octank.example")
    anycompany, _other = make_company("AnyCompany Cloud", domain="anycompany.example")
    link_for_operator(octank)
    link_for_operator(anycompany)
    sign_in(page, "lead@octank.example")
    page.goto("/market/find-partners/")
    page.get_by_role("link", name="Connect", exact=True).click()
    field(page, "Partner ID or AWS account ID").fill(anycompany.public_id)
    field(page, "Your name").fill("Pat Lead")
    field(page, "Message").fill("Shall we co-sell?")
    page.get_by_role("button", name="Invite").click()
    expect(page.get_by_text("Your invitation is sent.")).to_be_visible()
    expect(page.locator("#sent-heading + table")).to_contain_text("AnyCompany Cloud")

    other = new_page()
    sign_in(other, "lead@anycompany.example")
    other.goto("/market/connections/")
    other.get_by_role("button", name="Accept the invitation from Octank Ltd").click()
    expect(other.get_by_text("You are connected.")).to_be_visible()
    expect(other.locator("#connections-heading + table")).to_contain_text("Octank Ltd")
    screenshot(other, "connections")
