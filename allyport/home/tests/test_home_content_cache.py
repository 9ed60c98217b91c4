"""The home page keeps its rendered content in the shared cache (core.fragments): it
must never show one company's or member's content to another, nor keep showing rights,
data, tasks or news that have changed."""

from __future__ import annotations

import re

import pytest
from django.db import transaction
from django.utils import timezone

from allyport.access import actor as actors
from allyport.accounts.models import User
from allyport.accounts.services.roles import RoleChange, apply_role_changes
from allyport.profiles.services.stages import change_stage
from allyport.testing import csrf_browsers, kept_page_text, make_company, make_user, page_text

pytestmark = pytest.mark.django_db


def _home(client) -> str:  # type: ignore[no-untyped-def]
    return page_text(client, "/")


def _warm(client) -> str:  # type: ignore[no-untyped-def]
    return kept_page_text(client, "/")


def test_each_company_sees_its_own_content(client_for, lead) -> None:  # type: ignore[no-untyped-def]
    """Same roles, paths, stage and language: the content is still per member."""
    _, other_lead = make_company("Northwind", domain="northwind.example")
    assert "<dd>Octank</dd>" in _warm(client_for(lead))
    other = _warm(client_for(other_lead))
    assert "<dd>Northwind</dd>" in other and "Octank" not in other
    again = _home(client_for(lead))
    assert "<dd>Octank</dd>" in again and "Northwind" not in again


def test_each_member_sees_their_own_welcome(client_for, company, lead) -> None:  # type: ignore[no-untyped-def]
    colleague = make_user(company, "standard_user")
    User.objects.filter(pk=lead.pk).update(first_name="Lena")
    User.objects.filter(pk=colleague.pk).update(first_name="Carl")
    assert "Welcome, Lena" in _warm(client_for(lead))
    page = _warm(client_for(colleague))
    assert "Welcome, Carl" in page and "Lena" not in page


def test_a_new_role_shows_at_once(client_for, company, lead, member) -> None:  # type: ignore[no-untyped-def]
    client = client_for(member)
    before = _warm(client)
    assert "ACE user" not in before and "Opportunity Management" not in before
    [result] = apply_role_changes(
        actors.for_user(lead), [RoleChange(member.public_id, add=("ace_user",))]
    )
    assert result.ok
    after = _home(client)
    assert "ACE user" in after and "Opportunity Management" in after


def test_a_removed_role_takes_its_pages_away_at_once(client_for, company, lead) -> None:  # type: ignore[no-untyped-def]
    colleague = make_user(company, "standard_user", "ace_user")
    client = client_for(colleague)
    assert "Opportunity Management" in _warm(client)
    [result] = apply_role_changes(
        actors.for_user(lead), [RoleChange(colleague.public_id, remove=("ace_user",))]
    )
    assert result.ok
    assert "Opportunity Management" not in _home(client)


def test_a_stage_change_shows_at_once(client_for, company, lead) -> None:  # type: ignore[no-untyped-def]
    client = client_for(lead)
    assert "Registered" in _warm(client)
    with transaction.atomic():
        change_stage(actors.system(), company, "Validated", "reviewed")
    page = _home(client)
    assert "Validated" in page.split("Your company")[1][:400]


def test_a_profile_change_by_another_member_shows_at_once(client_for, company, lead) -> None:  # type: ignore[no-untyped-def]
    from allyport.audit import services as audit

    client = client_for(lead)
    _warm(client)
    with transaction.atomic():  # any audited change of the company's data
        type(company).objects.filter(pk=company.pk).update(legal_name="Octank Renamed")
        audit.record_change(actors.system(), "UpdatePartner", company=company)
    assert "<dd>Octank Renamed</dd>" in _home(client)  # the Your company card


def test_published_news_shows_at_once(client_for, lead) -> None:  # type: ignore[no-untyped-def]
    from allyport.content.news.models import NewsItem, NewsTopic

    client = client_for(lead)
    assert "Quarterly partner update" not in _warm(client)
    NewsItem.objects.create(
        title="Quarterly partner update",
        summary="What changed.",
        topic=NewsTopic.values[0],
        published_at=timezone.now(),
    )
    assert "Quarterly partner update" in _home(client)


def test_a_kept_page_carries_each_browsers_own_csrf_token(lead) -> None:  # type: ignore[no-untyped-def]
    """Two browsers of one member share the kept page, never a CSRF token: each one's
    forms (Language, Logout) post with its own."""

    from allyport.core.fragments import CSRF_HOLE

    first, second = csrf_browsers(lead)
    _warm(first)
    page = _home(second)
    assert CSRF_HOLE not in page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    answer = second.post(
        "/i18n/setlang/", {"language": "de", "next": "/", "csrfmiddlewaretoken": token}
    )
    assert answer.status_code == 302
    assert (
        first.post("/i18n/setlang/", {"language": "de", "csrfmiddlewaretoken": token}).status_code
        == 403
    )


def test_messages_show_once_on_the_home_page(client_for, lead) -> None:  # type: ignore[no-untyped-def]
    """A page with a message is drawn for this request, not taken from the kept one."""
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.test import RequestFactory

    client = client_for(lead)
    _warm(client)
    storage = CookieStorage(RequestFactory().get("/"))
    client.cookies["messages"] = storage._encode(
        [Message(constants.SUCCESS, "Your changes were saved.")]
    )
    assert "Your changes were saved." in _home(client)
    assert "Your changes were saved." not in _home(client)
