"""The public Partner Solutions Finder search is kept rendered per language and query
string (core.fragments): a listing published, changed, unpublished or removed shows at
the next search, whoever changed it (the partner, staff, the sweep), and the kept page
holds nothing of the visitor who drew it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from allyport.accounts.models import User
from allyport.core import contributions
from allyport.profiles.services import listing, profile
from allyport.profiles.services.finder import refresh_stale_listings
from allyport.profiles.tests.conftest import details, lead_actor, staff
from allyport.profiles.tests.test_finder import listed

pytestmark = pytest.mark.django_db
SEARCH = "/partners/?q=harbor"


def _search(client: Client, path: str = SEARCH) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def _warm(client: Client, path: str = SEARCH) -> str:
    _search(client, path)
    return _search(client, path)  # rendered and kept by now


def test_a_published_listing_shows_at_once(client: Client) -> None:
    listed("Blue Harbor Data")
    assert "Red Harbor Cloud" not in _warm(client)
    listed("Red Harbor Cloud")
    page = _search(client)
    assert "Blue Harbor Data" in page and "Red Harbor Cloud" in page


def test_an_unpublished_listing_leaves_at_once(client: Client) -> None:
    company, lead = listed("Blue Harbor Data")
    assert "Blue Harbor Data" in _warm(client)
    profile.put_profile_visibility(lead_actor(lead), company, "PRIVATE")
    assert "Blue Harbor Data" not in _search(client)


def test_a_change_approved_by_staff_shows_at_once(client: Client) -> None:
    company, lead = listed("Blue Harbor Data")
    assert "Migrations and data platforms on AWS." in _warm(client)
    version = listing.start_profile_update(
        lead_actor(lead), company, details(DisplayName="Blue Harbor Data", Description="Lakes.")
    )
    assert "Lakes." not in _search(client)  # waiting for approval: not published yet
    listing.approve_profile_update(staff(), version)
    page = _search(client)
    assert "Lakes." in page and "Migrations and data platforms" not in page


def test_a_company_removed_by_staff_leaves_at_once(client: Client) -> None:
    company, _lead = listed("Blue Harbor Data")
    assert "Blue Harbor Data" in _warm(client)
    User.objects.filter(company=company).delete()  # the admin's deletes: its people, then
    company.delete()  # the company, whose listing goes by cascade
    assert "Blue Harbor Data" not in _search(client)


def test_a_qualification_the_sweep_finds_shows_at_once(client: Client) -> None:
    company, _lead = listed("Blue Harbor Data")
    path = "/partners/?qualification=Migration+Consulting"
    assert "Blue Harbor Data" not in _warm(client, path)

    def designations(of: object) -> list[dict[str, str]]:
        return [{"kind": "Competency", "name": "Migration Consulting"}] if of == company else []

    contributions.contribute("company.qualifications", designations, name="test")
    try:
        refresh_stale_listings()  # the maintenance sweep, a system job
        assert "Blue Harbor Data" in _search(client, path)
    finally:
        contributions.withdraw("company.qualifications", "test")


def test_each_search_and_language_is_kept_apart(client: Client) -> None:
    listed("Blue Harbor Data")
    listed("Acme Analytics")
    assert "Acme Analytics" not in _warm(client)
    other = _warm(client, "/partners/?q=acme")
    assert "Acme Analytics" in other and "Blue Harbor Data" not in other
    german = Client(HTTP_ACCEPT_LANGUAGE="de")
    assert '<html lang="de">' in _search(german)
    assert '<html lang="en">' in _search(client)


def test_the_kept_page_holds_nothing_of_the_visitor(
    client_for: Callable[[User], Client],
) -> None:
    """A member's view is kept and served to a signed-out visitor: it must name nobody
    and carry no token (nor set a cookie) of the member's."""
    _company, lead = listed("Blue Harbor Data")
    User.objects.filter(pk=lead.pk).update(first_name="Lena", last_name="Lindqvist")
    member = client_for(lead)
    kept = _warm(member)
    anonymous = Client()
    response = anonymous.get(SEARCH)
    page = response.content.decode()
    assert page == kept and "Blue Harbor Data" in page
    for private in ("Lena", "Lindqvist", lead.email, "csrfmiddlewaretoken", "Sign out"):
        assert private not in page
    assert "Sign in" in page
    assert "csrftoken" not in response.cookies and "sessionid" not in response.cookies
