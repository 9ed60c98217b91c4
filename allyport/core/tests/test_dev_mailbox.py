"""The development mailbox shows web addresses in mail as links, and nothing else as
markup."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from allyport.core.models import DevMail
from allyport.core.templatetags.mail_links import web_links

pytestmark = pytest.mark.django_db


def test_it_links_http_and_https_addresses_and_leaves_trailing_punctuation() -> None:
    html = web_links("Open https://portal.example/invite/abc?x=1&y=2. Or http://a.example/b)")
    assert (
        '<a href="https://portal.example/invite/abc?x=1&amp;y=2" rel="noreferrer">'
        "https://portal.example/invite/abc?x=1&amp;y=2</a>." in html
    )
    assert '<a href="http://a.example/b" rel="noreferrer">http://a.example/b</a>)' in html


@pytest.mark.parametrize(
    "text",
    [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "mailto:someone@example.com",
        "ftp://files.example/x",
    ],
)
def test_it_links_no_other_scheme_and_escapes_markup(text: str) -> None:
    html = web_links(text)
    assert "<a " not in html
    assert "<script>" not in html


def test_an_address_cannot_break_out_of_the_link() -> None:
    html = web_links('https://x.example/"><script>alert(1)</script>')
    assert "<script>" not in html
    assert html.startswith('<a href="https://x.example/" rel="noreferrer">')


@override_settings(DEBUG=True)
def test_the_mailbox_page_shows_the_link_and_only_the_mail() -> None:
    DevMail.objects.create(
        to="ana@octank.example",
        subject="Invitation",
        body="Accept: https://portal.example/invitations/t0ken/\n<b>not bold</b>",
    )
    body = Client().get("/dev/mailbox/").content.decode()
    assert '<a href="https://portal.example/invitations/t0ken/"' in body
    assert "&lt;b&gt;not bold&lt;/b&gt;" in body
    assert 'class="message' not in body, "mail is not shown as a status message"
