"""Opportunity Management's list: owned vs all, filters, search, sort, keyset pages,
the catalog switch, and a query count that does not grow with the page."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from allyport.access import actor as actors
from allyport.pipeline import services
from allyport.pipeline.tests.conftest import complete
from allyport.pipeline.tests.test_portal_support import member, opportunity_of, signed_in, text

pytestmark = pytest.mark.django_db
LIST = "/sell/opportunities/"


def ids(response: Any) -> list[str]:
    return [row.opportunity.public_id for row in response.context["rows"]]


def named(user: Any, customer: str, days: int = 60, **changes: Any) -> Any:
    payload = complete(**changes)
    payload["Customer"]["Account"]["CompanyName"] = customer
    payload["LifeCycle"]["TargetCloseDate"] = (
        timezone.localdate() + timedelta(days=days)
    ).isoformat()
    created = services.create_opportunity(actors.for_user(user), "AWS", payload)
    time.sleep(0.002)  # a LastModifiedDate of its own (millisecond precision)
    return created


@pytest.fixture
def team(company: Any) -> dict[str, Any]:
    return {
        "ana": member(company, "ace_user", email="ana@octank.example"),
        "bo": member(company, "ace_user", email="bo@octank.example"),
        "manager": member(company, "ace_manager", email="manager@octank.example"),
    }


def test_it_shows_ace_users_only_what_they_own(team: Any) -> None:
    mine = opportunity_of(team["ana"])
    theirs = opportunity_of(team["bo"])
    response = signed_in(team["ana"]).get(LIST)
    assert ids(response) == [mine.public_id]
    assert "owner" not in response.context["filters"].fields
    assert "You see the opportunities you own." in text(response)
    assert theirs.public_id not in response.content.decode()


@pytest.mark.parametrize("role", ["ace_manager", "alliance_team"])
def test_it_shows_managers_every_opportunity(company: Any, team: Any, role: str) -> None:
    made = [opportunity_of(team["ana"]), opportunity_of(team["bo"])]
    response = signed_in(member(company, role)).get(LIST)
    assert set(ids(response)) == {o.public_id for o in made}
    assert "You see every opportunity of your company." in text(response)


def test_it_shows_the_alliance_lead_everything_too(lead: Any, team: Any) -> None:
    made = opportunity_of(team["ana"])
    assert ids(signed_in(lead).get(LIST)) == [made.public_id]


def test_it_filters_by_owner_stage_review_status_customer_and_dates(team: Any) -> None:
    a = named(team["ana"], "Alpha", days=10)
    b = named(team["bo"], "Beta", days=40)
    c = named(team["bo"], "Gamma", days=80, LifeCycle={"Stage": "Prospect"})
    client = signed_in(team["manager"])
    assert ids(client.get(LIST, {"owner": team["ana"].public_id})) == [a.public_id]
    assert ids(client.get(LIST, {"stage": "Prospect"})) == [c.public_id]
    assert ids(client.get(LIST, {"review_status": "Submitted"})) == []
    assert set(ids(client.get(LIST, {"review_status": "Pending Submission"}))) == {
        a.public_id, b.public_id, c.public_id,
    }  # fmt: skip
    assert ids(client.get(LIST, {"customer": "Beta"})) == [b.public_id]
    day = timezone.localdate()
    window = {
        "close_from": (day + timedelta(days=10)).isoformat(),
        "close_to": (day + timedelta(days=40)).isoformat(),  # inclusive
        "sort": "close-asc",
    }
    assert ids(client.get(LIST, window)) == [a.public_id, b.public_id]
    backwards = {**window, "close_to": (day + timedelta(days=5)).isoformat()}
    response = client.get(LIST, backwards)
    assert "The end is before the start." in text(response)


def test_it_searches_titles_and_customers(team: Any) -> None:
    a = named(team["ana"], "Alpha Industries")
    b = named(team["ana"], "Beta", Project={**complete()["Project"], "Title": "Alpha rollout"})
    named(team["ana"], "Gamma")
    client = signed_in(team["ana"])
    assert set(ids(client.get(LIST, {"q": "alpha"}))) == {a.public_id, b.public_id}
    assert ids(client.get(LIST, {"q": "zzz"})) == []
    assert "No opportunities match." in text(client.get(LIST, {"q": "zzz"}))


def test_it_sorts_by_customer_close_date_and_last_modified(team: Any) -> None:
    b = named(team["ana"], "Beta", days=10)
    a = named(team["ana"], "Alpha", days=30)
    c = named(team["ana"], "Gamma", days=20)
    client = signed_in(team["ana"])
    assert ids(client.get(LIST)) == [c.public_id, a.public_id, b.public_id]
    assert ids(client.get(LIST, {"sort": "modified-asc"})) == [
        b.public_id,
        a.public_id,
        c.public_id,
    ]
    assert ids(client.get(LIST, {"sort": "customer-asc"})) == [
        a.public_id,
        b.public_id,
        c.public_id,
    ]
    assert ids(client.get(LIST, {"sort": "customer-desc"})) == [
        c.public_id,
        b.public_id,
        a.public_id,
    ]
    assert ids(client.get(LIST, {"sort": "close-asc"})) == [b.public_id, c.public_id, a.public_id]
    assert ids(client.get(LIST, {"sort": "close-desc"})) == [a.public_id, c.public_id, b.public_id]


def test_it_pages_by_50_with_next_and_first_page(team: Any) -> None:
    actor = actors.for_user(team["ana"])
    created = [services.create_opportunity(actor, "AWS", {}) for _ in range(53)]
    made = sorted(created, key=lambda o: (o.last_modified_date, o.public_id))
    client = signed_in(team["ana"])
    first = client.get(LIST, {"sort": "modified-asc"})
    assert ids(first) == [o.public_id for o in made[:50]]
    token = first.context["next_token"]
    assert token and "Next page" in text(first) and "First page" not in text(first)
    second = client.get(LIST, {"sort": "modified-asc", "token": token})
    assert ids(second) == [o.public_id for o in made[50:]]
    assert second.context["next_token"] is None
    assert "First page" in text(second) and "Next page" not in text(second)
    # A token of other filters starts again at the first page instead of failing.
    other = client.get(LIST, {"sort": "customer-asc", "token": token})
    assert len(ids(other)) == 50


def test_it_switches_catalogs(team: Any) -> None:
    aws = opportunity_of(team["ana"])
    sandbox = opportunity_of(team["ana"], "Sandbox")
    client = signed_in(team["ana"])
    assert ids(client.get(LIST)) == [aws.public_id]
    response = client.get(LIST, {"catalog": "Sandbox"})
    assert ids(response) == [sandbox.public_id]
    assert f"/sell/opportunities/{sandbox.public_id}/?catalog=Sandbox" in response.content.decode()


def test_it_reads_a_page_in_as_many_queries_whatever_its_size(company: Any, team: Any) -> None:
    owners = [member(company, "ace_user") for _ in range(5)]

    def count() -> int:
        client = signed_in(team["manager"])
        client.get(LIST)  # the session and caches warm
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST).status_code == 200
        return len(queries)

    for owner in owners[:2]:
        opportunity_of(owner)
    few = count()
    for n in range(30):
        opportunity_of(owners[n % 5])
    assert count() == few
