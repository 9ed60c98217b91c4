"""The assistant with the real help centre behind it: a suggested prompt is answered
with its sources as links, and a thumbs up reaches the help centre's ranking."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse
from django.utils.html import escape

from allyport.accounts.models import Company, User
from allyport.assistant.models import Exchange
from allyport.helpcentre import retrieval
from allyport.helpcentre.loading import load
from allyport.helpcentre.models import Vote as PassageVote
from allyport.helpcentre.services import answers

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def _knowledge(db: None) -> Iterator[None]:
    retrieval.reset()
    load()
    yield
    retrieval.reset()


def test_a_suggested_prompt_is_answered_with_source_links_and_votes_reach_the_ranking(
    client_for: Any, linked: Company, member: User
) -> None:
    client = client_for(member)
    prompt = str(answers.SUGGESTED_PROMPTS[0])
    panel = client.get(reverse("assistant:panel")).content.decode()
    assert f'<input type="hidden" name="question" value="{escape(prompt)}">' in panel
    fragment = client.post(
        reverse("assistant:ask"), {"question": prompt, "place": "panel"}, **HTMX
    ).content.decode()
    exchange = Exchange.objects.get()
    assert exchange.kind == "answer" and exchange.citations and exchange.passage_ids
    first = exchange.citations[0]
    assert "#" in first["url"]
    assert f'<a href="{first["url"]}">{escape(first["title"])}</a>' in fragment
    client.post(reverse("assistant:vote", args=[exchange.pk]), {"helpful": "yes"}, **HTMX)
    recorded = PassageVote.objects.filter(passage_id__in=exchange.passage_ids, helpful=True)
    assert recorded.count() == len(exchange.passage_ids)
