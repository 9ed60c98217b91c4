"""Event history keeps its views without read-only events rendered in the shared cache
(core.fragments.kept_page): it must never show one company's events to another, nor
miss a new event, nor let a member who lost the right in; views that show read-only
events (which move no generation) are drawn afresh."""

from __future__ import annotations

import re
from collections.abc import Callable
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from allyport.access import actor as actors
from allyport.accounts import backends
from allyport.accounts.models import Company, User
from allyport.accounts.services.roles import RoleChange, apply_role_changes
from allyport.audit import services
from allyport.audit.models import AuditEvent
from allyport.audit.tests.event_history_factory import add_event, add_events, build_event
from allyport.core import fragments
from allyport.testing import make_user

pytestmark = pytest.mark.django_db

URL = reverse("audit:event_history")
EVENTS_TABLE = AuditEvent._meta.db_table


@pytest.fixture(autouse=True)
def _only_these_events(company: Company) -> None:
    """Registration records CreatePartner; these tests count only the events they add."""
    AuditEvent.objects.all().delete()


def _table(page: str) -> str:
    """The table of a page (the filter bar and the language form echo the query)."""
    return page.split("<tbody>")[1].split("</tbody>")[0]


def _page(client: Client, **query: str) -> str:
    response = client.get(URL, query)
    assert response.status_code == 200
    return response.content.decode()


def _names(page: str) -> list[str]:
    return re.findall(r'<a href="/company/event-history/[0-9a-f-]+/">([^<]+)</a>', page)


def _reads_events(client: Client, **query: str) -> bool:
    """Whether drawing this view queried the events table (False: it was kept)."""
    # A wrapper sees each statement as sent (the captured text can be None on psycopg).
    statements: list[str] = []

    def note(run, sql, *args):  # type: ignore[no-untyped-def]
        statements.append(str(sql))
        return run(sql, *args)

    with connection.execute_wrapper(note):
        _page(client, **query)
    assert statements  # the session is read: the wrapper sees the page's queries
    return any(EVENTS_TABLE in sql for sql in statements)


def test_the_default_view_is_kept_and_shows_a_new_event_at_once(
    company: Company, lead: User, client_for: Callable[[User], Client]
) -> None:
    add_event(company, "Before")
    client = client_for(lead)
    assert _names(_page(client)) == ["Before"]
    assert not _reads_events(client)  # kept by now
    services.record(actors.for_user(lead), "UpdateThing")  # a change: moves the generation
    assert _names(_page(client)) == ["UpdateThing", "Before"]
    # A filtered view kept before the change follows it too.
    query = {"attribute": "EventName", "value": "Later"}
    assert _names(_page(client, **query)) == []
    assert not _reads_events(client, **query)
    services.record(actors.for_user(lead), "Later")
    assert _names(_page(client, **query)) == ["Later"]


def test_each_page_keeps_its_own_copy_and_its_links_work(
    company: Company, lead: User, client_for: Callable[[User], Client]
) -> None:
    add_events(company, 60)
    client = client_for(lead)
    for _ in range(2):  # rendered, then kept
        first = _page(client)
        assert _names(first)[0] == "Event000" and len(_names(first)) == 50
        link = re.search(r'href="(\?after=[^"]+)" rel="next"', first).group(1)  # type: ignore[union-attr]
        response = client.get(URL + link)
        assert response.status_code == 200
        second = response.content.decode()
        assert _names(second) == [f"Event{n:03d}" for n in range(50, 60)]
        assert 'href="?">First page</a>' in second and 'rel="next"' not in second
        assert f'href="{reverse("audit:download_csv")}" download' in first


def test_another_companys_lead_with_the_same_rights_never_sees_our_events(
    company: Company, lead: User, outsider: User, client_for: Callable[[User], Client]
) -> None:
    ours, theirs = actors.for_user(lead), actors.for_user(outsider)
    assert (ours.roles, ours.paths, ours.stage) == (theirs.roles, theirs.paths, theirs.stage)
    add_event(company, "OctankSecret")
    add_event(outsider.company, "NorthwindOwn")
    for query in ({}, {"attribute": "EventName", "value": "OctankSecret"}):
        for _ in range(2):  # rendered, then kept
            mine = _table(_page(client_for(lead), **query))
            assert "OctankSecret" in mine and "NorthwindOwn" not in mine
            other = _table(_page(client_for(outsider), **query))
            assert "OctankSecret" not in other and lead.email not in other
    assert "NorthwindOwn" in _names(_page(client_for(outsider)))


def test_a_member_who_loses_the_right_is_refused_at_the_next_request(
    company: Company, lead: User, client_for: Callable[[User], Client]
) -> None:
    admin = make_user(company, "cloud_admin", email="admin@octank.example")
    add_event(company, "UpdateThing")
    client = client_for(admin)
    for _ in range(2):  # rendered, then kept
        assert "UpdateThing" in _page(client)
    with mock.patch.object(fragments, "changed"):  # even with no generation moved on
        apply_role_changes(
            actors.for_user(lead),
            [RoleChange(admin.public_id, add=("standard_user",), remove=("cloud_admin",))],
        )
    for query in ({}, {"attribute": "EventName", "value": "UpdateThing"}):
        response = client.get(URL, query)
        assert response.status_code == 403
        body = response.content.decode()
        assert "needs the alliance lead or cloud admin role" in body
        assert "<tbody>" not in body and not _names(body)


@pytest.mark.parametrize(
    "query",
    [{"read_only": "on"}, {"attribute": "ReadOnly", "value": "true"}],
    ids=["read-only events shown", "lookup by ReadOnly"],
)
def test_a_view_with_read_only_events_is_not_served_stale(
    company: Company, lead: User, client_for: Callable[[User], Client], query: dict[str, str]
) -> None:
    client = client_for(lead)
    add_event(company, "DescribeThing", read_only=True)
    for _ in range(2):
        assert "DescribeThing" in _page(client, **query)
    # A read-only event moves no generation: the view must not be a kept copy.
    services.record(actors.for_user(lead), "ListThings", read_only=True)
    assert _names(_page(client, **query)) == ["ListThings", "DescribeThing"]
    assert _reads_events(client, **query)


def test_a_lookup_by_event_id_is_not_served_stale(
    company: Company, lead: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(lead)
    event = build_event(company, "ListThings", read_only=True)
    query = {"attribute": "EventId", "value": str(event.event_id)}
    assert _names(_page(client, **query)) == []
    event.save()
    assert _names(_page(client, **query)) == ["ListThings"]


def test_the_default_view_does_not_wait_on_read_only_events(
    company: Company, lead: User, client_for: Callable[[User], Client]
) -> None:
    """The kept default view hides read-only events, as it always did."""
    client = client_for(lead)
    add_event(company, "UpdateThing")
    _page(client)
    services.record(actors.for_user(lead), "ListThings", read_only=True)
    assert _names(_page(client)) == ["UpdateThing"]
    assert _names(_page(client, attribute="ReadOnly", value="false")) == ["UpdateThing"]


def test_nothing_of_the_request_is_kept(
    company: Company, lead: User, client_for: Callable[[User], Client]
) -> None:
    add_event(company, "UpdateThing")
    kept: list[str] = []
    store = fragments.Lookup.store

    def capture(self: fragments.Lookup, html: str, ttl: int = fragments.TTL) -> None:
        kept.append(html)
        store(self, html, ttl)

    other = Client(enforce_csrf_checks=True)
    other.force_login(lead, backend=backends.PATH)
    with mock.patch.object(fragments.Lookup, "store", capture):
        page = _page(client_for(lead))
        body = _page(other)  # another session of the same member: the kept page
    [html] = kept
    values = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert values and set(values) == {fragments.CSRF_HOLE}
    assert fragments.CSRF_HOLE not in page and fragments.CSRF_HOLE not in body
    # The kept page carries a token its own session accepts (sign out).
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)  # type: ignore[union-attr]
    assert other.post(reverse("account_logout"), {"csrfmiddlewaretoken": token}).status_code == 302
    assert other.get(URL).status_code == 302  # signed out: back to the sign-in page


def test_bad_filters_still_answer_400_with_the_errors(
    company: Company, lead: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(lead)
    for _ in range(2):
        response = client.get(URL, {"attribute": "EventName"})
        assert response.status_code == 400
        assert "Enter a value for the lookup attribute." in response.content.decode()


def test_a_kept_lookup_is_served_without_checking_its_filters_again(
    company: Company, lead: User, client_for: Callable[[User], Client]
) -> None:
    """Only a query that passed the form is kept, so its copy is served before the
    form runs; a query that fails is never kept and fails every time."""
    add_event(company, "Wanted")
    client = client_for(lead)
    query = {"attribute": "EventName", "value": "Wanted"}
    assert _names(_page(client, **query)) == ["Wanted"]
    with mock.patch("allyport.audit.views.EventHistoryForm", side_effect=AssertionError):
        assert _names(_page(client, **query)) == ["Wanted"]  # the kept copy, no form
    bad = {"attribute": "EventName", "value": "Wanted", "after": "forged"}
    for _ in range(2):
        response = client.get(URL, bad)
        assert response.status_code == 400
        assert "This page link is not valid" in response.content.decode()
