"""The cloud console in the browser: sign in as an IAM user, a policy with
problems (each listed), an access key whose secret is shown once, and the
policy simulator's decision and reasons."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from allyport.cloud.models import AccessKey, CustomerPolicy
from allyport.core import encryption
from allyport.testing import PASSWORD, make_cloud_account
from e2e.helpers import field, screenshot

pytestmark = pytest.mark.browser

BAD_POLICY = json.dumps({"Version": "2012-10-17", "Statement": [{
    "Effect": "Permit", "Action": "iam:CreateRole", "Resource": "role/x",
    "Condition": {"StringEqualz": {"a": "b"}}}]})  # fmt: skip
GOOD_POLICY = json.dumps({"Version": "2012-10-17", "Statement": [{
    "Sid": "Roles", "Effect": "Allow", "Action": "iam:CreateRole",
    "Resource": "arn:aws:iam::*:role/PartnerCentralRoleFor*"}]})  # fmt: skip


def test_it_creates_a_policy_an_access_key_and_simulates(page: Page) -> None:
    account, admin = make_cloud_account("octank-cloud")
    page.goto("/cloud/")
    field(page, "Account ID (12 digits)").fill(account.account_id)
    field(page, "IAM user name").fill("admin")
    field(page, "Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text(admin.arn).first).to_be_visible()

    page.get_by_role("navigation").get_by_role("link", name="Policies", exact=True).click()
    page.get_by_role("link", name="Create policy").click()
    field(page, "Policy name").fill("LinkRoles")
    field(page, "Policy document (JSON)").fill(BAD_POLICY)
    page.get_by_role("button", name="Create policy").click()
    for problem in ("Effect", "StringEqualz", "role/x"):
        expect(page.locator(".has-error")).to_contain_text(problem)
    assert not CustomerPolicy.objects.exists()
    screenshot(page, "cloud-policy-errors")
    field(page, "Policy document (JSON)").fill(GOOD_POLICY)
    page.get_by_role("button", name="Create policy").click()
    expect(page.get_by_role("heading", name="LinkRoles")).to_be_visible()

    page.get_by_role("navigation").get_by_role("link", name="Users", exact=True).click()
    page.get_by_role("link", name="admin", exact=True).click()
    page.get_by_role("button", name="Create access key").click()
    key = AccessKey.objects.get()
    secret = encryption.decrypt(key.secret_encrypted)
    expect(page.get_by_text(secret)).to_be_visible()
    assert re.fullmatch(r"AKIA[A-Z0-9]{16}", key.access_key_id) and len(secret) == 40
    screenshot(page, "cloud-key-created")
    page.get_by_role("link", name="Done").click()
    expect(page.get_by_text(key.access_key_id)).to_be_visible()
    expect(page.get_by_text(secret)).to_have_count(0)

    page.get_by_role("link", name="Policy simulator").click()
    field(page, "Principal").select_option(label="admin (user)")
    field(page, "Action").fill("iam:CreateRole")
    field(page, "Resource").fill(f"arn:aws:iam::{account.account_id}:role/Admin")
    page.get_by_role("button", name="Run simulation").click()
    expect(page.locator(".simulation")).to_contain_text("Allowed")
    expect(page.locator("table.matched")).to_contain_text("AdministratorAccess")
    screenshot(page, "cloud-simulator")
