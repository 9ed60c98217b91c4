"""The Users tab keeps its tabs, filter bar and table rendered in the shared cache
(core.fragments): it must never show one company's users to another, nor keep showing
roles, members or statuses that have changed, nor let a member who lost the right in."""

from __future__ import annotations

import re
from unittest import mock

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from allyport.access import actor as actors
from allyport.accounts import backends
from allyport.accounts.models import Company, User
from allyport.accounts.services.invitations import InviteRow, invite_users
from allyport.accounts.services.operators import create_member
from allyport.accounts.services.roles import RoleChange, apply_role_changes
from allyport.accounts.tests.flows import STRONG
from allyport.core import fragments
from allyport.testing import PASSWORD, make_user

pytestmark = pytest.mark.django_db

URL = reverse("users:list")


def _tab(client: Client, **query: str) -> str:
    response = client.get(URL, query)
    assert response.status_code == 200
    return response.content.decode()


def _warm(client: Client, **query: str) -> str:
    _tab(client, **query)
    return _tab(client, **query)  # kept by now


def _row(page: str, email: str) -> tuple[str, str, str] | None:
    """(roles, status, last sign-in) of the user's row, None when not listed."""
    found = re.search(
        rf"<td>[^<]*</td><td>{re.escape(email)}</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>",
        page,
    )
    return found.groups() if found else None  # type: ignore[return-value]


def test_another_companys_lead_with_the_same_rights_sees_only_its_own_users(
    company: Company, lead: User, outsider: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    ours, theirs = actors.for_user(lead), actors.for_user(outsider)
    assert (ours.roles, ours.paths, ours.stage) == (theirs.roles, theirs.paths, theirs.stage)
    colleague = make_user(company, "ace_user", email="ana@octank.example")
    make_user(theirs.company, "ace_user", email="bo@northwind.example")  # type: ignore[arg-type]
    for query in ({}, {"q": "example"}, {"role": "ace_user"}):
        mine = _warm(client_for(lead), **query)
        assert _row(mine, "ana@octank.example") and not _row(mine, "bo@northwind.example")
        other = _warm(client_for(outsider), **query)
        assert _row(other, "bo@northwind.example") and "ana@octank.example" not in other
    # Their actions on our users still answer as before: not found.
    remove = reverse("users:remove", args=[colleague.public_id])
    assert client_for(outsider).get(remove).status_code == 404
    again = _tab(client_for(lead))
    assert _row(again, "ana@octank.example") and "bo@northwind.example" not in again


def test_each_member_sees_the_actions_their_own_row_allows(
    company: Company, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    """Same company, roles and query: the rows still differ (nobody removes themself)."""
    ana = make_user(company, "alliance_team", email="ana@octank.example")
    bo = make_user(company, "alliance_team", email="bo@octank.example")
    for _ in range(2):  # rendered, then kept
        ana_page = _tab(client_for(ana))
        assert "Remove user bo@octank.example" in ana_page
        assert "Remove user ana@octank.example" not in ana_page
        bo_page = _tab(client_for(bo))
        assert "Remove user ana@octank.example" in bo_page
        assert "Remove user bo@octank.example" not in bo_page


def test_a_role_change_shows_at_once(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    colleague = make_user(company, "ace_user", email="ana@octank.example")
    client = client_for(lead)
    assert _row(_warm(client), colleague.email) == ("ACE user", "Active", "—")
    [result] = apply_role_changes(
        actors.for_user(lead), [RoleChange(colleague.public_id, add=("technical_staff",))]
    )
    assert result.ok
    assert _row(_tab(client), colleague.email) == ("Technical staff, ACE user", "Active", "—")
    # A filtered view kept before the change follows it too.
    assert _row(_warm(client, role="technical_staff"), colleague.email)
    apply_role_changes(
        actors.for_user(lead), [RoleChange(colleague.public_id, remove=("technical_staff",))]
    )
    assert not _row(_tab(client, role="technical_staff"), colleague.email)


def test_an_invited_member_who_registers_shows_at_once(
    company: Company, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    client = client_for(lead)
    before = _warm(client)
    assert "2 users" not in before and "ina@octank.example" not in before
    invite_users(actors.for_user(lead), [InviteRow("ina@octank.example", ["ace_user"])])
    token = re.search(r"/invitations/([^/\s]+)/", str(mail.outbox[-1].body)).group(1)  # type: ignore[union-attr]
    details = {"first_name": "Ina", "last_name": "Vite", "job_title": "Dev", "phone": "1"}
    response = Client().post(
        f"/invitations/{token}/", {**details, "password1": STRONG, "password2": STRONG}
    )
    assert response.status_code == 302
    after = _tab(client)
    assert "2 users" in after
    assert _row(after, "ina@octank.example")[:2] == ("ACE user", "Active")  # type: ignore[index]


def test_an_added_member_shows_at_once(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(lead)
    assert "new@octank.example" not in _warm(client)
    create_member(company, "new@octank.example", PASSWORD, ["technical_staff"])
    assert _row(_tab(client), "new@octank.example") == ("Technical staff", "Active", "—")


def test_a_deactivated_member_shows_at_once(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    colleague = make_user(company, "ace_user", email="ana@octank.example")
    client = client_for(lead)
    assert _row(_warm(client), colleague.email) == ("ACE user", "Active", "—")
    done = client.post(reverse("users:deactivate", args=[colleague.public_id]), follow=True)
    page = done.content.decode()
    assert "ana@octank.example was deactivated." in page  # the frame's message
    assert _row(page, colleague.email) == ("ACE user", "Deactivated", "—")
    assert "Reactivate ana@octank.example" in page
    # The message was this request's: it is not kept with the table.
    assert "was deactivated" not in _tab(client)


def test_a_sign_in_shows_at_once(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    colleague = make_user(company, "ace_user", email="ana@octank.example")
    client = client_for(lead)
    assert _row(_warm(client), colleague.email) == ("ACE user", "Active", "—")
    signed_in = Client().post("/accounts/login/", {"login": colleague.email, "password": PASSWORD})
    assert signed_in.status_code == 302
    today = timezone.localtime().strftime("%Y-%m-%d")
    assert _row(_tab(client), colleague.email)[2].startswith(today)  # type: ignore[index]


def test_a_member_who_loses_the_right_is_refused_as_before(
    company: Company, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    team = make_user(company, "alliance_team", email="team@octank.example")
    client = client_for(team)
    assert _row(_warm(client), lead.email)
    apply_role_changes(
        actors.for_user(lead),
        [RoleChange(team.public_id, add=("standard_user",), remove=("alliance_team",))],
    )
    for query in ({}, {"page": "1"}):
        response = client.get(URL, query)
        assert response.status_code == 403
        body = response.content.decode()
        assert "needs the alliance lead, alliance team or cloud admin role" in body
        assert lead.email not in body


def test_each_query_keeps_its_own_table_and_filter_bar(
    company: Company, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    make_user(company, "ace_user", email="ana@octank.example")
    make_user(company, "technical_staff", email="bo@octank.example")
    client = client_for(lead)
    for _ in range(2):  # rendered, then kept
        ana = _tab(client, q="ana")
        assert _row(ana, "ana@octank.example") and not _row(ana, "bo@octank.example")
        assert 'name="q" id="id_q" value="ana"' in ana
        bo = _tab(client, q="bo")
        assert _row(bo, "bo@octank.example") and not _row(bo, "ana@octank.example")
        assert 'name="q" id="id_q" value="bo"' in bo


def test_nothing_of_the_request_is_kept(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    colleague = make_user(company, "ace_user", email="ana@octank.example")
    kept: list[str] = []
    store = fragments.Lookup.store

    def capture(self: fragments.Lookup, html: str, ttl: int = fragments.TTL) -> None:
        kept.append(html)
        store(self, html, ttl)

    other = Client(enforce_csrf_checks=True)
    other.force_login(lead, backend=backends.PATH)
    with mock.patch.object(fragments.Lookup, "store", capture):
        page = _tab(client_for(lead))
        body = _tab(other)  # another session of the same member: the kept table
    assert page.count('name="csrfmiddlewaretoken"') == 4  # sign-out, language, two forms
    [html] = kept
    # The kept page has holes where each request's CSRF token goes, never a token.
    assert "ana@octank.example" in html
    values = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert values and set(values) == {fragments.CSRF_HOLE}
    assert fragments.CSRF_HOLE not in page and fragments.CSRF_HOLE not in body
    # The page drawn around the kept table carries a token its own session accepts.
    token = re.search(r'id="row-actions"[^>]*>\s*<input[^>]*value="([^"]+)"', body).group(1)  # type: ignore[union-attr]
    url = reverse("users:deactivate", args=[colleague.public_id])
    assert other.post(url, {"csrfmiddlewaretoken": token}).status_code == 302
    colleague.refresh_from_db()
    assert colleague.status == User.Status.DEACTIVATED
