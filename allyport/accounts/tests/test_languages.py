"""A member's language: chosen in the Language menu or on My Profile, applied at
sign-in and on every page, used for emails to them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from allyport.accounts.models import User
from allyport.audit.models import AuditEvent
from allyport.core import mail as outbox
from allyport.testing import PASSWORD

Build = Callable[[User], Client]


def test_the_language_menu_stores_a_members_choice_on_my_profile(
    member: User, client_for: Build
) -> None:
    client = client_for(member)
    response = client.post("/i18n/setlang/", {"language": "ja", "next": "/profile/"})
    assert response.status_code == 302 and response.cookies["django_language"].value == "ja"
    member.refresh_from_db()
    assert member.preferred_language == "ja"
    event = AuditEvent.objects.get(event_name="UpdateProfile")
    assert event.record["requestParameters"] == {"preferred_language": "ja"}
    # My Profile shows the choice, in the language chosen.
    page = client.get("/profile/").content.decode()
    assert '<html lang="ja">' in page
    assert '<option value="ja" selected>日本語</option>' in page


def test_the_language_menu_refuses_a_language_allyport_lacks(
    member: User, client_for: Build
) -> None:
    client_for(member).post("/i18n/setlang/", {"language": "xx", "next": "/"})
    member.refresh_from_db()
    assert member.preferred_language == "en"
    assert not AuditEvent.objects.filter(event_name="UpdateProfile").exists()


@pytest.mark.django_db
def test_a_visitors_choice_changes_only_the_session(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "de", "next": "/"})
    assert response.cookies["django_language"].value == "de"
    assert '<html lang="de">' in client.get("/").content.decode()


def test_signing_in_applies_the_language_stored_on_my_profile(member: User) -> None:
    member.preferred_language = "zh-hant"
    member.save()
    client = Client(headers={"accept-language": "de"})  # the browser asks for German
    assert '<html lang="de">' in client.get(reverse("account_login")).content.decode()
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "zh-hant"
    page = client.get("/profile/")
    assert '<html lang="zh-hant">' in page.content.decode()
    assert page["Content-Language"] == "zh-hant"


def test_my_profile_changes_the_language_of_the_next_page(member: User, client_for: Build) -> None:
    client = client_for(member)
    client.post(
        "/profile/",
        {"first_name": "Mia", "last_name": "Ng", "job_title": "", "phone": "",
         "preferred_language": "ko", "region": ""},
    )  # fmt: skip
    member.refresh_from_db()
    assert member.preferred_language == "ko"
    assert '<html lang="ko">' in client.get("/profile/").content.decode()


def _rendered_in(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The language active each time an email template is rendered."""
    seen: list[str | None] = []
    real = outbox.render_to_string

    def spy(*args: Any, **kwargs: Any) -> str:
        seen.append(translation.get_language())
        return real(*args, **kwargs)

    monkeypatch.setattr(outbox, "render_to_string", spy)
    return seen


def test_an_email_to_a_japanese_reader_is_in_japanese(
    member: User, monkeypatch: pytest.MonkeyPatch, fake_translations: Any
) -> None:
    fake_translations("ja", {"Hello from Allyport!": "Allyport からのお知らせです。"})
    member.preferred_language = "ja"
    member.save()
    seen = _rendered_in(monkeypatch)
    with translation.override("de"):  # whoever sends it reads German
        outbox.send("accounts/email/lead_change_request", member.email.upper(), {})
    assert seen == ["ja", "ja"]  # subject and body
    assert mail.outbox[-1].body.startswith("Allyport からのお知らせです。")


def test_an_email_to_someone_without_an_account_is_in_the_senders_language(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _rendered_in(monkeypatch)
    with translation.override("fr"):
        outbox.send("accounts/email/lead_change_request", "new.person@example.com", {})
    assert seen == ["fr", "fr"]


def test_allauths_emails_are_sent_in_the_members_language(
    member: User, client: Client, fake_translations: Any
) -> None:
    fake_translations("es", {"Hello from Allyport!": "¡Hola desde Allyport!"})
    member.preferred_language = "es"
    member.save()
    client.post(reverse("account_reset_password"), {"email": member.email})
    assert mail.outbox[-1].to == [member.email]
    assert mail.outbox[-1].body.startswith("¡Hola desde Allyport!")


@pytest.mark.django_db
def test_registering_keeps_the_language_the_visitor_chose(monkeypatch: pytest.MonkeyPatch) -> None:
    from allyport.accounts.tests.flows import company_details, start, verify

    seen = _rendered_in(monkeypatch)
    client = Client()
    client.post("/i18n/setlang/", {"language": "pt-br", "next": "/"})
    start(client, "company", "ana@anycompany.example")
    response = verify(client, "company")
    assert response["Location"] == "/register/company/details/"
    client.post("/register/company/details/", company_details())
    assert User.objects.get(email="ana@anycompany.example").preferred_language == "pt-br"
    assert "pt-br" in seen  # the code email was rendered in the visitor's language
