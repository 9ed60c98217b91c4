from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from allyport.access.actor import Actor
from allyport.accounts.models import Company, User
from allyport.assistant.services import conversations
from allyport.assistant.tests.fake_helpcentre import FakeHelpCentre
from allyport.marketplace.services.linking import link_for_operator


@pytest.fixture
def helpcentre(monkeypatch: pytest.MonkeyPatch) -> FakeHelpCentre:
    """The help centre's answers and vote recording, replaced by the fake."""
    from allyport.assistant.services import feedback
    from allyport.helpcentre.services import answers

    fake = FakeHelpCentre()
    monkeypatch.setattr(answers, "answer", fake.answer)
    monkeypatch.setattr(feedback.helpcentre_feedback, "record_vote", fake.record_vote)
    return fake


@pytest.fixture
def linked(company: Company) -> Company:
    link_for_operator(company)
    return company


@pytest.fixture
def asked(helpcentre: FakeHelpCentre) -> Callable[..., Any]:
    def ask(user: User, question: str = "How do I link my account?") -> Any:
        return conversations.ask(Actor.for_member(user), question)

    return ask


@pytest.fixture
def staff(db: None) -> User:
    return User.objects.create_user(email="agent@allyport.example", password="x", is_staff=True)


@pytest.fixture
def staff_client(staff: User) -> Client:
    client = Client()
    client.force_login(staff)
    return client
