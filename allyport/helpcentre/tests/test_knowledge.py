"""What other apps contribute to the "assistant.knowledge" slot becomes passages the
assistant cites, kept current by the maintenance sweep."""

from __future__ import annotations

import pytest

from allyport.core import contributions, maintenance
from allyport.helpcentre import knowledge
from allyport.helpcentre.models import Passage
from allyport.helpcentre.services.answers import answer
from allyport.support.models import Article as SupportArticle

pytestmark = pytest.mark.django_db


def test_support_articles_are_retrieved_and_cited(loaded, member_actor):
    SupportArticle.objects.create(
        slug="quokka-export",
        title="Exporting quokka reports",
        body="To export quokka reports, open Reports and choose **Export quokka**.",
        published=True,
    )
    assert maintenance._sweeps["helpcentre.knowledge"]() >= 1
    reply = answer(member_actor, "How do I export quokka reports?")
    assert reply.kind == "answer"
    assert "Export quokka" in reply.text
    assert reply.citations[0].url == "/support/articles/quokka-export/"
    SupportArticle.objects.filter(slug="quokka-export").update(published=False)
    knowledge.sweep()
    assert not Passage.objects.filter(key__startswith="support.article:quokka-export").exists()
    assert answer(member_actor, "How do I export quokka reports?").kind == "unanswered"


def test_a_companys_own_documents_are_invisible_to_other_companies(
    loaded, company, lead_actor, outsider
):
    from allyport.access.actor import Actor

    def private() -> list[dict[str, object]]:
        body = "The wombat rollout plan starts in March."
        return [
            {"type": "note", "company_id": company.pk, "id": "n1", "title": "Wombat plan",
             "body": body, "url": "/notes/n1/"}
        ]  # fmt: skip

    contributions.contribute(knowledge.SLOT, private, name="test.private")
    try:
        knowledge.sync_contributed()
        assert "wombat rollout" in answer(lead_actor, "When does the wombat rollout start?").text
        other = answer(Actor.for_member(outsider), "When does the wombat rollout start?")
        assert other.kind == "unanswered" and "wombat" not in other.text.lower()
    finally:
        contributions.withdraw(knowledge.SLOT, "test.private")
