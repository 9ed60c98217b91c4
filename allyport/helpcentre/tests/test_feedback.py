from __future__ import annotations

import pytest

from allyport.helpcentre import retrieval
from allyport.helpcentre.models import Passage, Vote
from allyport.helpcentre.services.answers import answer
from allyport.helpcentre.services.feedback import record_vote

pytestmark = pytest.mark.django_db

QUESTION = "What does the Partner Scorecard show?"


def _order(question: str) -> list[int]:
    return [hit.passage_id for hit in retrieval.search(question, None)]


def test_thumbs_down_ranks_the_passages_down_for_similar_questions(loaded, member_actor):
    first, second = _order(QUESTION)[:2]
    for _ in range(8):
        record_vote([first], QUESTION, helpful=False)
    assert _order("What does the Partner Scorecard show us?")[0] == second
    # An unrelated question is not moved by these votes.
    assert Vote.objects.filter(passage_id=first, helpful=False).count() == 8


def test_thumbs_up_keeps_the_passage_first(loaded, member_actor):
    reply = answer(member_actor, QUESTION)
    record_vote(reply.passage_ids, QUESTION, helpful=True)
    assert _order(QUESTION)[0] == reply.passage_ids[0]
    votes = Vote.objects.filter(passage_id=reply.passage_ids[0])
    assert [(v.helpful, v.terms) for v in votes] == [(True, "partner scorecard")]


def test_votes_keep_no_personal_data_and_skip_missing_passages(loaded):
    passage = Passage.objects.first()
    record_vote([passage.pk, 10**9], "scorecard for jo@example.com", helpful=False)
    vote = Vote.objects.get()
    assert vote.passage_id == passage.pk
    assert "example" not in vote.terms and "jo" not in vote.terms.split()
