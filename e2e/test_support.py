"""The support centre in the browser: a partner opens a case with an attachment,
staff reply from the queue, the partner replies and closes the case."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from allyport.accounts.models import User
from allyport.support.models import Topic
from allyport.support.tests.conftest import ensure_topics
from allyport.testing import PASSWORD, make_company
from e2e.helpers import field, sign_in

pytestmark = pytest.mark.browser


def test_create_with_attachment_staff_reply_partner_reply_close(
    new_page, tmp_path: Path, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = str(tmp_path / "media")
    ensure_topics()
    make_company("Octank Ltd", domain="octank.example")
    User.objects.create_user(email="agent@allyport.example", password=PASSWORD, is_staff=True)
    attachment = tmp_path / "details.txt"
    attachment.write_text("Our renewal invoice number is 42.")

    partner: Page = new_page()
    sign_in(partner, "lead@octank.example")
    partner.locator("summary", has_text="Support").click()
    partner.get_by_role("link", name="Contact Support").click()
    expect(partner.get_by_role("heading", name="Partner Support")).to_be_visible()
    partner.get_by_role("link", name="Create case").click()
    # The lists follow each other through htmx: choose only once it listens.
    partner.wait_for_function("() => window.htmx && document.readyState === 'complete'")
    field(partner, "Type of Case").select_option(label="APN Program Fee and Renewal")
    expect(field(partner, "Question Type").locator("option", has_text="Renewal")).to_have_count(1)
    field(partner, "Question Type").select_option(label="Renewal")
    expect(field(partner, "Get Specific").locator("option", has_text="Downgrade")).to_have_count(1)
    field(partner, "Get Specific").select_option(label="Downgrade my APN Membership")
    field(partner, "Subject").fill("Downgrade our membership")
    field(partner, "Description").fill("Please downgrade us from next month.")
    field(partner, "Attachments").set_input_files(str(attachment))
    partner.get_by_role("button", name="Submit").click()
    expect(partner.locator("#case-status")).to_have_text("Open")
    expect(partner.get_by_role("link", name="details.txt")).to_be_visible()
    case_url = partner.url

    staff: Page = new_page()
    staff.goto("/staff/admin/login/?next=/staff/support/")
    staff.get_by_label("Email").fill("agent@allyport.example")
    staff.get_by_label("Password").fill(PASSWORD)
    staff.get_by_role("button", name="Log in").click()
    staff.get_by_role("link", name=case_url.rstrip("/").rsplit("/", 1)[1]).click()
    staff.locator("form:has(input[value=reply])").get_by_label("Message").fill("Done from June.")
    staff.get_by_role("button", name="Reply", exact=True).click()
    expect(staff.locator("#case-status")).to_have_text("Pending partner action")

    partner.goto(case_url)
    expect(partner.get_by_text("Done from June.")).to_be_visible()
    field(partner, "Message").fill("Thank you!")
    partner.get_by_role("button", name="Reply", exact=True).click()
    expect(partner.get_by_text("Thank you!")).to_be_visible()
    partner.get_by_role("button", name="Resolve case").click()
    expect(partner.locator("#case-status")).to_have_text("Resolved")
    assert Topic.objects.filter(parent=None).exists()
