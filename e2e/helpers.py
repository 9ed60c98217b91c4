"""Helpers for the browser tests: mail reading, sign-in, screenshots."""

from __future__ import annotations

import re
from pathlib import Path

from django.core import mail
from playwright.sync_api import Page

from allyport.testing import PASSWORD

SHOTS = Path("/tmp/allyport-shots")
STRONG_PASSWORD = "Brand!New2pass"


def last_mail_to(address: str) -> mail.EmailMessage:
    sent = [m for m in mail.outbox if address in m.to]
    assert sent, f"no mail was sent to {address}"
    return sent[-1]


def code_from_mail(address: str) -> str:
    match = re.search(r"\b(\d{6})\b", str(last_mail_to(address).body))
    assert match, "the mail carries no 6-digit code"
    return match.group(1)


def path_from_mail(address: str) -> str:
    """The path of the link in the newest mail to `address` (its host is the public URL)."""
    match = re.search(r"https?://[^/\s]+(/\S+)", str(last_mail_to(address).body))
    assert match, "the mail carries no link"
    return match.group(1)


def sign_in(page: Page, email: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Business email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def screenshot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def field(page: Page, label: str):  # type: ignore[no-untyped-def]
    """The control labelled exactly `label` (Django adds a colon), so "Password" is
    not confused with "Confirm password"."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}:?\s*$"))


def field_group(page: Page, label: str):  # type: ignore[no-untyped-def]
    """The block around one field: its label, control and error messages."""
    return page.locator("div.field").filter(has=field(page, label))


def fill_password_pair(page: Page, password: str) -> None:
    field(page, "Password").fill(password)
    field(page, "Confirm password").fill(password)
