"""Registration tells a visitor nothing about which addresses have accounts or which
domains have companies, and limits attempts per client, target address and domain."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from allyport.access.actor import for_user
from allyport.accounts.models import Company, User
from allyport.accounts.services.members import remove_user
from allyport.accounts.tests.flows import start
from allyport.testing import make_user

pytestmark = pytest.mark.django_db


def answer(response: Any) -> tuple[int, str]:
    """What the visitor sees: the status, and where it leads or the page's text, with
    the typed address itself taken out."""
    if response.status_code == 302:
        return 302, response["Location"]
    text = re.sub(r"\S+@\S+", "ADDRESS", response.content.decode())
    return response.status_code, re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)


@pytest.mark.parametrize("kind", ["company", "user"])
def test_registered_removed_and_new_addresses_get_the_same_answer(
    kind: str, company: Company, lead: User
) -> None:
    gone = make_user(company, "ace_user", email="gone@octank.example")
    remove_user(for_user(lead), gone.public_id, "confirm")
    answers = set()
    for email in (lead.email, gone.email, "fresh@octank.example", "new@elsewhere.example"):
        client = Client()
        first = start(client, kind, email)
        answers.add((answer(first), answer(client.get(first["Location"]))))
    assert len(answers) == 1
    assert [m.to[0] for m in mail.outbox] == [
        lead.email, gone.email, "fresh@octank.example", "new@elsewhere.example"
    ]  # fmt: skip


def test_it_limits_attempts_per_client_before_checking_the_form() -> None:
    client = Client()
    for n in range(30):
        start(client, "company", f"probe{n}@domain{n}.example")
    response = start(client, "company", "another@another.example")
    assert response.status_code == 200
    assert "Too many attempts" in response.content.decode()
    refused = start(client, "company", "x@gmail.com")  # no form answer past the limit
    assert "Too many attempts" in refused.content.decode()
    assert "is a personal or education email domain" not in refused.content.decode()


def test_it_limits_attempts_per_target_domain_from_many_clients() -> None:
    for n in range(50):
        start(Client(REMOTE_ADDR=f"198.51.100.{n}"), "user", f"p{n}@target.example")
    response = start(Client(REMOTE_ADDR="203.0.113.9"), "user", "last@target.example")
    assert response.status_code == 200 and "Too many attempts" in response.content.decode()
