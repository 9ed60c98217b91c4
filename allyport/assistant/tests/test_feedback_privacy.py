"""Votes and ratings (stored, and the help centre told the answer's passages), masking
of everything stored and logged, the retention sweep, and the staff report."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from allyport.accounts.models import Company, User
from allyport.assistant.models import Conversation, Exchange, Rating, Vote
from allyport.assistant.services import retention
from allyport.assistant.tests.fake_helpcentre import FakeHelpCentre
from allyport.core import maintenance

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def test_thumbs_up_is_stored_and_sent_as_a_signal_with_the_passages(
    client_for: Any, linked: Company, member: User, asked: Any, helpcentre: FakeHelpCentre
) -> None:
    exchange = asked(member)
    response = client_for(member).post(
        reverse("assistant:vote", args=[exchange.pk]), {"helpful": "yes"}, **HTMX
    )
    assert "Thank you for your feedback." in response.content.decode()
    assert Vote.objects.get(exchange=exchange).helpful is True
    assert helpcentre.votes == [((11, 12), "How do I link my account?", True)]
    # The same vote again is not a second signal.
    client_for(member).post(reverse("assistant:vote", args=[exchange.pk]), {"helpful": "yes"})
    assert len(helpcentre.votes) == 1


def test_thumbs_down_asks_why_and_keeps_the_reason_and_the_masked_comment(
    client_for: Any, linked: Company, member: User, asked: Any, helpcentre: FakeHelpCentre
) -> None:
    exchange = asked(member)
    client = client_for(member)
    down = client.post(reverse("assistant:vote", args=[exchange.pk]), {"helpful": "no"}, **HTMX)
    page = down.content.decode()
    assert "Tell us what was wrong" in page
    assert '<option value="outdated">The information is outdated</option>' in page
    assert "<textarea" in page
    assert helpcentre.votes == [((11, 12), "How do I link my account?", False)]
    empty = client.post(reverse("assistant:explain", args=[exchange.pk]), {}, **HTMX)
    assert "Choose a reason or enter a comment." in empty.content.decode()
    bad = client.post(
        reverse("assistant:explain", args=[exchange.pk]), {"reason": "nonsense"}, **HTMX
    )
    assert "Choose a reason from the list." in bad.content.decode()
    done = client.post(
        reverse("assistant:explain", args=[exchange.pk]),
        {"reason": "outdated", "comment": "Mail me at ana@octank.example or +1 206 555 0100"},
        **HTMX,
    )
    assert "Thank you for your feedback." in done.content.decode()
    vote = Vote.objects.get(exchange=exchange)
    assert (vote.helpful, vote.reason) == (False, "outdated")
    assert "ana@octank.example" not in vote.comment and "555 0100" not in vote.comment
    assert len(helpcentre.votes) == 1  # the details are not a second signal


def test_the_rating_scale_stores_the_score_and_masked_comments(
    client_for: Any, linked: Company, member: User, helpcentre: FakeHelpCentre
) -> None:
    client = client_for(member)
    form = client.get(reverse("assistant:feedback") + "?place=panel", **HTMX).content.decode()
    assert "Rate your experience" in form and 'value="5"' in form
    refused = client.post(reverse("assistant:feedback"), {"score": "9", "place": "panel"}, **HTMX)
    assert "Choose a rating from 1 to 5." in refused.content.decode()
    done = client.post(
        reverse("assistant:feedback"),
        {"score": "4", "comment": "Key AKIAIOSFODNN7EXAMPLE leaked", "place": "panel"},
        **HTMX,
    )
    assert "Thank you for rating your experience." in done.content.decode()
    rating = Rating.objects.get()
    assert (rating.score, rating.user, rating.company) == (4, member, linked)
    assert "AKIAIOSFODNN7EXAMPLE" not in rating.comment and "leaked" in rating.comment
    # Without JavaScript, the same form is a page of its own.
    page = client.get(reverse("assistant:feedback")).content.decode()
    assert "<h1>Feedback</h1>" in page


def test_questions_and_answers_are_stored_and_logged_masked(
    client_for: Any, linked: Company, member: User, asked: Any, caplog: Any,
    helpcentre: FakeHelpCentre,
) -> None:  # fmt: skip
    caplog.set_level(logging.INFO, logger="allyport.assistant")
    secret = "I am ana@octank.example, phone +1 206 555 0100, key AKIAIOSFODNN7EXAMPLE: weather?"
    exchange = asked(member, secret)
    stored = Exchange.objects.get(pk=exchange.pk)
    for private in ("ana@octank.example", "555 0100", "AKIAIOSFODNN7EXAMPLE"):
        assert private not in stored.question
        assert private not in caplog.text
        assert all(private not in question for question in helpcentre.questions)
    assert "weather?" in stored.question
    assert "assistant could not answer" in caplog.text


def test_the_retention_sweep_deletes_older_conversations_and_ratings(
    linked: Company, member: User, asked: Any, settings: Any
) -> None:
    settings.ALLYPORT_ASSISTANT_RETENTION_DAYS = 30
    old = asked(member).conversation
    Conversation.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=31))
    old_rating = Rating.objects.create(user=member, company=linked, score=3)
    Rating.objects.filter(pk=old_rating.pk).update(rated_at=timezone.now() - timedelta(days=31))
    fresh = Conversation.objects.create(user=member, company=linked)
    fresh_rating = Rating.objects.create(user=member, company=linked, score=5)
    results = maintenance.sweep_all()
    assert results["assistant.retention"] == 2
    assert list(Conversation.objects.all()) == [fresh]
    assert not Exchange.objects.exists()
    assert list(Rating.objects.all()) == [fresh_rating]
    assert retention.sweep() == 0


def test_staff_see_feedback_unanswered_questions_and_topics(
    staff_client: Any, linked: Company, member: User, asked: Any, helpcentre: FakeHelpCentre
) -> None:
    from allyport.access.actor import Actor
    from allyport.assistant.services import feedback

    answered = asked(member, "How do I link my account?")
    asked(member, "Where do I link the seller account?")
    asked(member, "What is the weather on Mars?")
    feedback.vote(Actor.for_member(member), answered.pk, False)
    feedback.explain_vote(Actor.for_member(member), answered.pk, "incomplete", "Too short")
    Rating.objects.create(user=member, company=linked, score=4, comment="Handy")
    page = staff_client.get(reverse("assistant_staff:report")).content.decode()
    assert "<td>Linking accounts</td>" in page or ">Linking accounts</a></td><td>2</td>" in page
    assert "<td>What is the weather on Mars?</td>" in page
    assert "The answer is incomplete" in page and "Too short" in page
    assert "4 – Good" in page and "Handy" in page
    assert "average 4.0 of 5" in page


def test_staff_pages_need_a_staff_sign_in(client: Any, client_for: Any, member: User) -> None:
    url = reverse("assistant_staff:report")
    assert "/staff/admin/login/" in client.get(url)["Location"]
    partner = client_for(member).get(url)
    assert partner.status_code == 403
    assert "only staff may see this page" in partner.content.decode()


def test_staff_turn_it_off_at_a_companys_request_and_it_is_recorded(
    staff_client: Any, staff: User, linked: Company, client_for: Any, member: User
) -> None:
    from allyport.assistant.models import CompanySetting
    from allyport.audit.models import AuditEvent

    missing = staff_client.post(
        reverse("assistant_staff:company_setting"), {"domain": "nowhere.example"}, follow=True
    )
    assert "Enter a company&#x27;s domain and choose on or off." in missing.content.decode()
    done = staff_client.post(
        reverse("assistant_staff:company_setting"),
        {"domain": "octank.example", "enabled": "off"},
        follow=True,
    )
    page = done.content.decode()
    assert "AWS Partner Assistant is now off for Octank." in page
    assert "<td>Octank</td><td>agent@allyport.example</td>" in page
    assert CompanySetting.objects.get(company=linked).enabled is False
    event = AuditEvent.objects.get(event_name="UpdatePartnerAssistantSettings")
    assert event.company_id == linked.pk
    assert event.record["requestParameters"] == {"enabled": False}
    assert event.record["responseElements"] == {"enabled": False, "previouslyEnabled": True}
    assert "turned off" in client_for(member).get(reverse("assistant:panel")).content.decode()
    partner = client_for(member).post(
        reverse("assistant_staff:company_setting"), {"domain": "octank.example", "enabled": "on"}
    )
    assert partner.status_code == 403
    assert CompanySetting.objects.get(company=linked).enabled is False
