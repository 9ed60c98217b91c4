"""What a newcomer notices in the first hour: links in the development mailbox, the
admin's model names, counts, the favicon and the shared mail style."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import Page, expect

from allyport.accounts.models import User
from allyport.core.models import DevMail

pytestmark = pytest.mark.browser


def test_the_development_mailbox_shows_web_addresses_as_links(page: Page, settings) -> None:  # type: ignore[no-untyped-def]
    settings.DEBUG = True
    DevMail.objects.create(
        to="ana@octank.example",
        subject="[Allyport] Invitation",
        body=(
            "Hello from Allyport!\n\nRegister through this link:\n"
            "https://portal.example/invitations/t0ken/.\n"
            "Not a link: javascript:alert(1) <b>bold?</b>\n\nThe partner portal team\n"
        ),
    )
    page.goto("/dev/mailbox/")
    mail = page.get_by_role("article").filter(has_text="[Allyport] Invitation")
    link = mail.get_by_role("link", name="https://portal.example/invitations/t0ken/")
    expect(link).to_have_attribute("href", "https://portal.example/invitations/t0ken/")
    expect(mail.get_by_role("link")).to_have_count(1)
    expect(mail).to_contain_text("<b>bold?</b>")
    expect(page.get_by_role("status")).to_have_count(0)


def test_the_admin_names_opportunities_and_pages_have_a_favicon(page: Page, live_server) -> None:  # type: ignore[no-untyped-def]
    staff = User.objects.create_superuser("ops@staff.example", "Ops!Pass12")
    client = Client()
    client.force_login(staff)
    session = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": django_settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    page.goto("/staff/admin/")
    expect(page.get_by_role("link", name="Opportunities", exact=True)).to_be_visible()
    expect(page.get_by_text("Opportunitys")).to_have_count(0)
    page.goto("/")
    icon = page.locator("link[rel=icon][type='image/svg+xml']").get_attribute("href")
    assert icon
    served = page.request.get(icon)
    assert served.ok and served.headers["content-type"].startswith("image/svg")
    fallback = page.request.get("/favicon.ico")
    assert fallback.ok and fallback.body()[:4] == b"\x00\x00\x01\x00"
