"""The trio for every Event history endpoint: sign-in required; another company's
event answers 404 like a missing one and its events never show; a member whose roles
lack view_event_history gets 403 with the reason."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from allyport.accounts.models import Company, User
from allyport.audit.tests.event_history_factory import add_event
from allyport.testing import make_user

LISTS = ["audit:event_history", "audit:download_csv", "audit:download_json"]


def _body(response) -> str:  # type: ignore[no-untyped-def]
    """A download, or the table of a page (the filter bar echoes the query)."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode().split("<tbody>")[1].split("</tbody>")[0]


@pytest.mark.parametrize("name", [*LISTS, "audit:event_detail"])
def test_it_requires_sign_in(db: None, name: str) -> None:
    args = [uuid.uuid4()] if name == "audit:event_detail" else []
    response = Client().get(reverse(name, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", ["standard_user", "alliance_team", "ace_manager"])
@pytest.mark.parametrize("name", [*LISTS, "audit:event_detail"])
def test_it_refuses_a_member_without_the_right(
    company: Company, client_for: Callable[[User], Client], role: str, name: str
) -> None:
    event = add_event(company, "UpdateThing")
    args = [event.event_id] if name == "audit:event_detail" else []
    response = client_for(make_user(company, role)).get(reverse(name, args=args))
    assert response.status_code == 403
    body = response.content.decode()
    assert "needs the alliance lead or cloud admin role" in body
    assert "UpdateThing" not in body


def test_it_lets_a_cloud_admin_in(company: Company, client_for: Callable[[User], Client]) -> None:
    add_event(company, "UpdateThing")
    response = client_for(make_user(company, "cloud_admin")).get(reverse("audit:event_history"))
    assert response.status_code == 200
    assert "UpdateThing" in response.content.decode()


def test_it_answers_404_for_another_companys_event_and_a_missing_one(
    company: Company, outsider: User, client_for: Callable[[User], Client]
) -> None:
    theirs = add_event(company, "UpdateThing")
    client = client_for(outsider)
    for event_id in (theirs.event_id, uuid.uuid4()):
        assert client.get(reverse("audit:event_detail", args=[event_id])).status_code == 404


@pytest.mark.parametrize("name", LISTS)
def test_it_never_shows_another_companys_events(
    company: Company, lead: User, outsider: User, client_for: Callable[[User], Client], name: str
) -> None:
    add_event(company, "OctankSecret", username=lead.email)
    add_event(outsider.company, "NorthwindOwn", username=outsider.email)
    add_event(None, "ConsoleLogin")  # a failed sign-in of nobody known
    for query in ("", "?attribute=EventName&value=OctankSecret", "?read_only=on"):
        body = _body(client_for(outsider).get(reverse(name) + query))
        assert "OctankSecret" not in body and lead.email not in body
        assert "ConsoleLogin" not in body
    assert "NorthwindOwn" in _body(client_for(outsider).get(reverse(name)))


def test_it_finds_no_other_company_event_by_its_id(
    company: Company, outsider: User, client_for: Callable[[User], Client]
) -> None:
    theirs = add_event(company, "OctankSecret")
    url = reverse("audit:download_json") + f"?attribute=EventId&value={theirs.event_id}"
    assert json.loads(_body(client_for(outsider).get(url))) == {"Records": []}
