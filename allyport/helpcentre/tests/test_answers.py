"""The assistant's answers, through the interface the chat panel calls."""

from __future__ import annotations

import pytest

from allyport.access.actor import Actor
from allyport.helpcentre import retrieval
from allyport.helpcentre.loading import load
from allyport.helpcentre.services.answers import answer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _loaded():
    retrieval.reset()
    load()
    yield
    retrieval.reset()


@pytest.fixture
def actor(member):
    return Actor.for_member(member)


def test_how_to_question_is_answered_from_the_help_centre_with_a_citation(actor):
    reply = answer(actor, "How do I enroll in a path?")
    assert reply.kind == "answer"
    assert "Enroll" in reply.text
    assert reply.citations[0].url == "/help/paths-and-stages/#enroll"


def test_request_to_act_is_declined_with_where_to_do_it(actor):
    reply = answer(actor, "Enroll us in the Software path.")
    assert reply.kind == "action_declined"
    assert "never change anything" in reply.text
    assert "/help/paths-and-stages/" in reply.text


def test_unknown_question_is_unanswered(actor):
    reply = answer(actor, "What is the airspeed velocity of an unladen swallow?")
    assert reply.kind == "unanswered"
    assert reply.citations == ()
