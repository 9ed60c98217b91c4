"""Every email shares one base: the same greeting and signature, plain text that is not
HTML-escaped."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.template.loader import render_to_string

import allyport

ROOT = Path(allyport.__file__).parent
# Template names (the path under an app's templates/) of the portal's own mail.
OWN = sorted(
    str(Path(*path.parts[path.parts.index("templates") + 1 :]))
    for path in ROOT.glob("*/templates/**/email/*_message.txt")
)
ALLAUTH = [
    "account/email/password_reset_key_message.txt",
    "account/email/login_code_message.txt",
    "account/email/unknown_account_message.txt",
]


def test_the_portal_has_its_own_mail_templates() -> None:
    assert "accounts/email/invitation_message.txt" in OWN


@pytest.mark.parametrize("name", OWN + ALLAUTH)
def test_every_mail_opens_and_closes_alike(name: str) -> None:
    context = {"company": "Octank", "link": "https://p.example/x", "days": 14, "minutes": 10}
    body = render_to_string(name, context)
    assert body.startswith("Hello from Allyport!\n\n"), body[:80]
    assert body.rstrip().endswith("The partner portal team"), body[-80:]


def test_a_company_name_is_not_html_escaped_in_a_text_mail() -> None:
    body = render_to_string(
        "accounts/email/invitation_message.txt",
        {"inviter": "Ana", "company": "Smith & Sons <EU>", "roles": ["ACE user"], "days": 14},
    )
    assert "join Smith & Sons <EU> on the partner portal" in body


@pytest.mark.parametrize(
    ("name", "context", "one", "many"),
    [
        ("accounts/email/invitation_message.txt", "days", "expires in 1 day)", "in 2 days)"),
        ("accounts/email/security_code_message.txt", "minutes", "in 1 minute.", "in 2 minutes."),
    ],
)
def test_counts_in_mail_are_singular_for_one(name: str, context: str, one: str, many: str) -> None:
    assert one in render_to_string(name, {context: 1})
    assert many in render_to_string(name, {context: 2})
