"""The assistant's pages and endpoints: who gets in (sign-in, the linked-account gate,
the company opt-out), a conversation that stays across page loads, unanswered
questions turned into a support case, and the sign-in / other person / role checks."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from allyport.accounts.models import Company, User
from allyport.assistant.models import CompanySetting, Exchange
from allyport.assistant.tests.fake_helpcentre import FakeHelpCentre
from allyport.helpcentre.services import answers
from allyport.marketplace.services.linking import link_for_operator
from allyport.testing import make_user

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def _exchange_urls(exchange_id: int) -> list[tuple[str, str]]:
    return [
        ("post", reverse("assistant:vote", args=[exchange_id])),
        ("post", reverse("assistant:explain", args=[exchange_id])),
    ]


def _all_urls(exchange_id: int = 1) -> list[tuple[str, str]]:
    return [
        ("get", reverse("assistant:chat")),
        ("get", reverse("assistant:panel")),
        ("post", reverse("assistant:ask")),
        ("post", reverse("assistant:start_over")),
        ("get", reverse("assistant:feedback")),
        ("get", reverse("assistant:settings")),
        *_exchange_urls(exchange_id),
    ]


def test_every_page_and_endpoint_needs_a_sign_in(client: Any) -> None:
    for method, url in _all_urls():
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert "/login" in response["Location"], url


def test_the_launcher_is_on_signed_in_pages_only(
    client: Any, client_for: Any, member: User
) -> None:
    home = client_for(member).get(reverse("support:home")).content.decode()
    assert 'id="assistant-launcher"' in home
    assert reverse("assistant:panel") in home
    assert "Instant chat with AWS Partner Assistant" in home  # Support menu and the page
    visitor = client.get(reverse("account_login")).content.decode()
    assert "assistant-launcher" not in visitor


def test_without_a_linked_account_people_see_why_and_the_link_account_link(
    client_for: Any, member: User, helpcentre: FakeHelpCentre
) -> None:
    client = client_for(member)
    for url in (reverse("assistant:chat"), reverse("assistant:panel")):
        page = client.get(url).content.decode()
        assert "once your company links its AWS Partner Central account" in page
        assert reverse("marketplace:account_linking") in page and "Link Account" in page
        assert 'name="question"' not in page
    refused = client.post(reverse("assistant:ask"), {"question": "How do I link?"})
    assert refused.status_code == 403
    assert "once your company links" in refused.content.decode()
    assert not Exchange.objects.exists() and helpcentre.questions == []


def test_an_opted_out_company_sees_that_it_is_off(
    client_for: Any, linked: Company, lead: User, member: User, helpcentre: FakeHelpCentre
) -> None:
    CompanySetting.objects.create(company=linked, enabled=False)
    page = client_for(member).get(reverse("assistant:panel")).content.decode()
    assert "AWS Partner Assistant is turned off for your company." in page
    assert "Your alliance lead can turn it on again." in page
    assert 'name="question"' not in page
    lead_page = client_for(lead).get(reverse("assistant:chat")).content.decode()
    assert reverse("assistant:settings") in lead_page
    refused = client_for(member).post(reverse("assistant:ask"), {"question": "How do I link?"})
    assert refused.status_code == 403 and "turned off" in refused.content.decode()
    assert helpcentre.questions == []


def test_a_conversation_stays_across_page_loads(
    client_for: Any, linked: Company, member: User, helpcentre: FakeHelpCentre
) -> None:
    client = client_for(member)
    first = client.get(reverse("assistant:panel")).content.decode()
    assert str(answers.SUGGESTED_PROMPTS[0]) in first  # a suggested prompt
    answered = client.post(
        reverse("assistant:ask"),
        {"question": "How do I link my account?", "place": "panel"},
        **HTMX,
    )
    fragment = answered.content.decode()
    assert "How do I link my account?" in fragment
    assert "<p>Choose Link Account on the home page.</p>" in fragment
    assert '<a href="/support/articles/linking/#steps">Linking accounts</a>' in fragment
    assert "supports only English" in fragment
    # Another page load, the panel and the full page show the same conversation.
    again = client.get(reverse("assistant:panel")).content.decode()
    assert "How do I link my account?" in again and "Sign in as an IAM user." in again
    assert "Suggested prompts" not in again
    full = client.get(reverse("assistant:chat")).content.decode()
    assert "How do I link my account?" in full and "Linking accounts" in full
    # A new conversation starts empty; the other colleague's panel never showed it.
    client.post(reverse("assistant:start_over"), {"place": "panel"}, **HTMX)
    assert (
        "How do I link my account?" not in client.get(reverse("assistant:panel")).content.decode()
    )
    colleague = client_for(make_user(linked)).get(reverse("assistant:panel")).content.decode()
    assert "How do I link my account?" not in colleague


def test_without_htmx_asking_returns_to_the_page_it_came_from(
    client_for: Any, linked: Company, member: User, helpcentre: FakeHelpCentre
) -> None:
    response = client_for(member).post(
        reverse("assistant:ask"), {"question": "How do I link?", "next": "/support/"}
    )
    exchange = Exchange.objects.get()
    assert response["Location"] == f"/support/#exchange-{exchange.pk}"
    evil = client_for(member).post(
        reverse("assistant:ask"), {"question": "How do I link?", "next": "https://evil.example/"}
    )
    assert evil["Location"].startswith(reverse("assistant:chat"))


def test_an_empty_question_is_refused_next_to_the_box(
    client_for: Any, linked: Company, member: User, helpcentre: FakeHelpCentre
) -> None:
    response = client_for(member).post(
        reverse("assistant:ask"), {"question": "   ", "place": "panel"}, **HTMX
    )
    assert response["HX-Retarget"] == "#assistant-error-panel"
    assert "Enter a question." in response.content.decode()
    page = client_for(member).post(reverse("assistant:ask"), {"question": "x" * 1001})
    assert page.status_code == 400 and "Enter at most 1000 characters." in page.content.decode()
    assert not Exchange.objects.exists()


def test_an_unanswered_question_offers_a_support_case_with_the_question(
    client_for: Any, linked: Company, member: User, helpcentre: FakeHelpCentre
) -> None:
    client = client_for(member)
    fragment = client.post(
        reverse("assistant:ask"), {"question": "What is the weather on Mars?"}, **HTMX
    ).content.decode()
    assert "I could not find an answer to that." in fragment
    assert "Try rephrasing your question" in fragment
    case_link = (
        reverse("support:create")
        + "?subject=What+is+the+weather+on+Mars%3F&amp;description=What+is+the+weather+on+Mars%3F"
    )
    assert case_link in fragment
    form = client.get(case_link.replace("&amp;", "&")).content.decode()
    assert 'value="What is the weather on Mars?"' in form  # the subject, filled in
    assert "What is the weather on Mars?</textarea>" in form  # the description


def test_the_create_case_form_offers_the_assistant_with_the_subject(
    client_for: Any, member: User
) -> None:
    form = client_for(member).get(reverse("support:create") + "?subject=Renewal+date").content
    assert b"Ask AWS Partner Assistant" in form
    assert (reverse("assistant:chat") + "?q=Renewal%20date").encode() in form
    chat = client_for(member).get(reverse("assistant:chat") + "?q=Renewal+date")
    # Not linked here: the question box is not offered, the reason is.
    assert b"once your company links" in chat.content


def test_the_chat_page_fills_in_the_question(
    client_for: Any, linked: Company, member: User, helpcentre: FakeHelpCentre
) -> None:
    page = client_for(member).get(reverse("assistant:chat") + "?q=Renewal+date").content.decode()
    assert 'value="Renewal date"' in page
    assert "<h1>Instant chat with AWS Partner Assistant</h1>" in page
    assert 'id="assistant-launcher"' not in page  # the page is the chat: no floating copy


def test_another_persons_or_companys_answer_is_missing(
    client_for: Any, linked: Company, member: User, asked: Any, outsider: User
) -> None:
    exchange = asked(member)
    colleague = make_user(linked, "alliance_team")
    link_for_operator(outsider.company)
    for user in (colleague, outsider):
        for method, url in _exchange_urls(exchange.pk):
            response = getattr(client_for(user), method)(url, {"helpful": "no", "reason": "other"})
            assert response.status_code == 404, (user, url)
    assert not hasattr(Exchange.objects.get(pk=exchange.pk), "vote")


def test_links_of_other_schemes_are_not_shown(
    client_for: Any, linked: Company, member: User, asked: Any
) -> None:
    exchange = asked(member)
    exchange.citations = [
        {"title": "Bad", "url": "javascript:alert(1)"},
        {"title": "Good", "url": "/support/articles/a/#x"},
    ]
    exchange.save()
    page = client_for(member).get(reverse("assistant:panel")).content.decode()
    assert "javascript:" not in page and 'href="/support/articles/a/#x"' in page


def _settings_post(client: Any, value: str) -> Any:
    return client.post(reverse("assistant:settings"), {"enabled": value})


def test_only_the_alliance_lead_may_turn_it_off(
    client_for: Any, linked: Company, lead: User, member: User
) -> None:
    denied = client_for(member).get(reverse("assistant:settings"))
    assert denied.status_code == 403 and "alliance lead" in denied.content.decode()
    assert _settings_post(client_for(member), "off").status_code == 403
    assert not CompanySetting.objects.filter(enabled=False).exists()
    page = client_for(lead).get(reverse("assistant:settings")).content.decode()
    assert "AWS Partner Assistant is on for your company." in page
    done = _settings_post(client_for(lead), "off")
    assert done.status_code == 302
    page = client_for(lead).get(done["Location"]).content.decode()
    assert "AWS Partner Assistant is off for your company." in page
    assert CompanySetting.objects.get(company=linked).enabled is False
    from allyport.audit.models import AuditEvent

    recorded = AuditEvent.objects.get(event_name="UpdatePartnerAssistantSettings")
    assert recorded.record["userIdentity"]["userName"] == lead.email
    assert recorded.record["requestParameters"] == {"enabled": False}
    # Refused attempts by the member were recorded as refusals, not as changes.
    assert not AuditEvent.objects.filter(
        event_name="UpdatePartnerAssistantSettings", error_code=""
    ).exclude(pk=recorded.pk)


def test_another_company_lead_changes_only_their_own(
    client_for: Any, linked: Company, outsider: User
) -> None:
    _settings_post(client_for(outsider), "off")
    assert CompanySetting.objects.get(company=outsider.company).enabled is False
    assert not CompanySetting.objects.filter(company=linked).exists()
