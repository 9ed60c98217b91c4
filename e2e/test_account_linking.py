"""Account linking in the browser: the missing-permission list, the three steps,
mapping and unmapping users, and unlinking with `confirm`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from allyport.cloud.guide import guide_policy
from allyport.marketplace import testing
from allyport.marketplace.models import AccountLink, RoleMapping, UnlinkRequest
from allyport.testing import PASSWORD, make_company, make_user
from e2e.helpers import field, screenshot, sign_in

pytestmark = pytest.mark.browser


def _iam_sign_in(page: Page, account_id: str) -> None:
    field(page, "AWS account ID").fill(account_id)
    field(page, "IAM user name").fill("linker")
    field(page, "Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_it_lists_missing_permissions_then_links_maps_and_unlinks(page: Page) -> None:
    company, lead = make_company("Octank Ltd", domain="octank.example")
    ace = make_user(company, "ace_user", email="ace@octank.example")
    narrow = json.loads(guide_policy("partner-account-management"))
    narrow["Statement"] = [
        s for s in narrow["Statement"] if s.get("Sid") != "AssociatePartnerAccount"
    ]
    weak = testing.seller_account(policy=json.dumps(narrow))
    strong = testing.seller_account(legal_name="")

    sign_in(page, "lead@octank.example")
    page.get_by_role("link", name="Link Account").click()
    expect(page.get_by_role("heading", name="AWS Marketplace Account linking")).to_be_visible()
    page.get_by_role("link", name="Link Account").click()
    _iam_sign_in(page, weak.account.account_id)
    missing = page.locator("#missing-permissions")
    expect(missing).to_contain_text("lacks 1 permission")
    expect(missing).to_contain_text(
        "partnercentral-account-management:AssociatePartnerAccount on *"
    )
    screenshot(page, "linking-missing-permission")

    _iam_sign_in(page, strong.account.account_id)
    expect(page.get_by_text("Step 1: Review account")).to_be_visible()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("This field is required.")).to_be_visible()
    field(page, "Legal business name").fill("Octank Holdings LLC")
    page.get_by_role("button", name="Next").click()
    expect(
        page.get_by_role("heading", name="PartnerCentralRoleForAce-", exact=False)
    ).to_be_visible()
    page.get_by_label("Map users with the ACE manager or ACE user role to this role").check()
    page.get_by_role("button", name="Next").click()
    screenshot(page, "linking-review")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("Your account is linked")).to_be_visible()
    expect(page.locator("#linked-account-id")).to_have_text(strong.account.account_id)
    link = AccountLink.objects.get(company=company)
    assert RoleMapping.objects.get(user=ace).role == link.ace_role

    # Unmap the ACE user, then map them again.
    page.get_by_role("link", name="Unmap role").click()
    page.get_by_label("ace@octank.example").check()
    page.get_by_role("button", name="Unmap role").click()
    expect(page.get_by_text("1 succeeded, 0 failed.")).to_be_visible()
    assert not RoleMapping.objects.filter(user=ace).exists()
    page.get_by_role("link", name="Map to IAM role").click()
    page.get_by_label("ace@octank.example").check()
    field(page, "IAM role").select_option(label=link.alliance_role.name)
    page.get_by_role("button", name="Map role").click()
    expect(page.get_by_text("1 succeeded, 0 failed.")).to_be_visible()
    assert RoleMapping.objects.get(user=ace).role == link.alliance_role
    screenshot(page, "linked-account")

    # Unlink: reason, confirm, Open support case.
    page.get_by_role("link", name="Unlink account").click()
    field(page, "Reason for unlinking").select_option(label="I linked the wrong AWS account")
    field(page, 'Type "confirm" to continue').fill("confirm")
    page.get_by_role("button", name="Open support case").click()
    expect(page.get_by_role("link", name="View case details")).to_be_visible()
    expect(page.get_by_role("link", name="Map to IAM role")).to_have_count(0)
    assert UnlinkRequest.objects.get().status == UnlinkRequest.OPEN
    page.get_by_role("link", name="View case details").click()
    expect(page.locator("#case-status")).to_have_text("Open")
    page.get_by_role("button", name="Resolve case").click()
    expect(page.locator("#case-status")).to_have_text("Resolved")
    assert UnlinkRequest.objects.get().status == UnlinkRequest.CANCELLED


def test_it_finds_linking_events_in_event_history_and_downloads_them(page: Page) -> None:
    company, lead = make_company("Octank Ltd", domain="octank.example")
    iam_user = testing.seller_account()
    testing.link(lead, iam_user)

    sign_in(page, "lead@octank.example")
    page.get_by_role("link", name="Event history").click()
    expect(page.get_by_role("heading", name="Event history")).to_be_visible()
    field(page, "Lookup attributes").select_option(label="Event name")
    field(page, "Attribute value").fill("AssociatePartnerAccount")
    page.get_by_role("button", name="Filter").click()
    rows = page.locator("table.events tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("linker")
    screenshot(page, "event-history")
    rows.first.get_by_role("link").first.click()
    expect(page.locator("pre.event-record")).to_contain_text('"type": "IAMUser"')
    expect(page.locator("pre.event-record")).to_contain_text("HIDDEN_DUE_TO_SECURITY_REASONS")
    page.go_back()

    with page.expect_download() as csv_download:
        page.get_by_role("link", name="CSV").click()
    text = Path(csv_download.value.path()).read_text(encoding="utf-8")
    assert "AssociatePartnerAccount" in text and "CreateRole" not in text
    with page.expect_download() as json_download:
        page.get_by_role("link", name="JSON").click()
    records = json.loads(Path(json_download.value.path()).read_text(encoding="utf-8"))["Records"]
    assert [r["eventName"] for r in records] == ["AssociatePartnerAccount"]
    assert records[0]["userIdentity"]["accessKeyId"] == ""
    assert records[0]["recipientAccountId"] == iam_user.account.account_id
