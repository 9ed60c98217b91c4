"""Questions per person are limited; a chat whose gate closed since it was shown
says why instead of 'not responding'."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.urls import reverse

from allyport.accounts.models import Company, User
from allyport.assistant.models import CompanySetting, Exchange
from allyport.assistant.tests.fake_helpcentre import FakeHelpCentre
from allyport.testing import make_user

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def _fresh_counts() -> Any:
    cache.clear()
    yield
    cache.clear()


def test_a_person_over_the_minute_rate_is_told_to_wait_in_panel_and_page(
    client_for: Any, linked: Company, member: User, helpcentre: FakeHelpCentre, settings: Any
) -> None:
    settings.ALLYPORT_ASSISTANT_QUESTION_RATES = ("2/m", "100/d")
    client = client_for(member)
    for question in ("First?", "Second?"):
        client.post(reverse("assistant:ask"), {"question": question, "place": "panel"}, **HTMX)
    panel = client.post(reverse("assistant:ask"), {"question": "Third?", "place": "panel"}, **HTMX)
    assert panel.status_code == 200 and panel["HX-Retarget"] == "#assistant-error-panel"
    assert "Wait a minute and try again." in panel.content.decode()
    page = client.post(reverse("assistant:ask"), {"question": "Fourth?"})
    text = page.content.decode()
    assert page.status_code == 429
    assert "Wait a minute and try again." in text and 'value="Fourth?"' in text
    # Refused questions reach neither the help centre nor the conversation.
    assert helpcentre.questions == ["First?", "Second?"]
    assert list(Exchange.objects.values_list("question", flat=True)) == ["First?", "Second?"]
    # The count is the person's own: a colleague still gets answers.
    colleague = client_for(make_user(linked))
    colleague.post(reverse("assistant:ask"), {"question": "Mine?", "place": "panel"}, **HTMX)
    assert Exchange.objects.filter(question="Mine?").exists()


def test_a_person_over_the_daily_rate_is_told_to_come_back_tomorrow(
    client_for: Any, linked: Company, member: User, helpcentre: FakeHelpCentre, settings: Any
) -> None:
    settings.ALLYPORT_ASSISTANT_QUESTION_RATES = ("100/m", "1/d")
    client = client_for(member)
    client.post(reverse("assistant:ask"), {"question": "First?"})
    page = client.post(reverse("assistant:ask"), {"question": "Second?"})
    assert page.status_code == 429
    assert "as many questions as you may today" in page.content.decode()
    assert helpcentre.questions == ["First?"]


def test_an_empty_question_does_not_count(
    client_for: Any, linked: Company, member: User, helpcentre: FakeHelpCentre, settings: Any
) -> None:
    settings.ALLYPORT_ASSISTANT_QUESTION_RATES = ("1/m", "1/d")
    client = client_for(member)
    client.post(reverse("assistant:ask"), {"question": "  "})
    client.post(reverse("assistant:ask"), {"question": "Real?"})
    assert helpcentre.questions == ["Real?"]


def test_turned_off_meanwhile_the_panel_says_so_not_that_it_is_not_responding(
    client_for: Any, linked: Company, lead: User, member: User, helpcentre: FakeHelpCentre
) -> None:
    member_client, lead_client = client_for(member), client_for(lead)
    assert 'name="question"' in member_client.get(reverse("assistant:panel")).content.decode()
    CompanySetting.objects.create(company=linked, enabled=False)
    data = {"question": "Still there?", "place": "panel", "next": "/support/"}
    refused = member_client.post(reverse("assistant:ask"), data, **HTMX)
    text = refused.content.decode()
    assert refused.status_code == 200
    assert refused["HX-Retarget"] == "#assistant-chat-panel"
    assert refused["HX-Reswap"] == "outerHTML"
    assert "AWS Partner Assistant is turned off for your company." in text
    assert "Your alliance lead can turn it on again." in text
    assert 'name="question"' not in text and "isn&#x27;t responding" not in text
    lead_text = lead_client.post(reverse("assistant:ask"), data, **HTMX).content.decode()
    assert reverse("assistant:settings") in lead_text and "turned off" in lead_text
    # Starting over in a stale panel says the same.
    again = member_client.post(reverse("assistant:start_over"), {"place": "panel"}, **HTMX)
    assert "turned off for your company" in again.content.decode()
    # The full page: the reason with the chat around it (the lead gets the settings link).
    page = lead_client.post(reverse("assistant:ask"), {"question": "Still there?"})
    assert page.status_code == 403
    assert "turned off for your company" in page.content.decode()
    assert reverse("assistant:settings") in page.content.decode()
    assert helpcentre.questions == [] and not Exchange.objects.exists()
