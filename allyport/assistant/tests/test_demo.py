"""`load_demo` gives Northwind a conversation and staff some feedback to read."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from allyport.accounts.models import User
from allyport.assistant.models import Exchange, Rating, Vote

pytestmark = pytest.mark.django_db


def test_the_demo_loads_a_conversation_and_feedback(
    capsys: pytest.CaptureFixture[str], staff_client: Client
) -> None:
    call_command("load_demo")
    assert "AWS Partner Assistant" in capsys.readouterr().out
    lead = User.objects.get(email="lead@northwind.example")
    assert Exchange.objects.filter(conversation__user=lead).count() == 3
    assert sorted(Vote.objects.values_list("helpful", flat=True)) == [False, True]
    assert Rating.objects.get().score == 4
    page = staff_client.get(reverse("assistant_staff:report")).content.decode()
    assert "I wanted the event venue." in page and "Quick answers with links." in page
