"""The Partner Solutions Finder: only Validated or higher companies with public
visibility are listed; search by name, solution, industry, location, qualification and
path; keyset pages; indexable pages (title, description, canonical)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from allyport.accounts.models import Company, User
from allyport.core import contributions
from allyport.profiles.selectors import finder
from allyport.profiles.services import listing, locations, profile, stages
from allyport.profiles.tests.conftest import details, lead_actor, staff
from allyport.testing import make_company

pytestmark = pytest.mark.django_db


def listed(name: str, **changes: Any) -> tuple[Company, User]:
    company, lead = make_company(name, stage="Confirmed", paths=["Services"])
    listing.start_profile_update(lead_actor(lead), company, details(DisplayName=name, **changes))
    stages.record_validation(staff(), company, "Validation passed")
    company.refresh_from_db()
    return company, lead


def names(page: finder.FinderPage) -> list[str]:
    return [str(item["display_name"]) for item in page.listings]


def test_only_validated_public_companies_are_listed() -> None:
    listed("Anycompany Cloud")
    make_company("Registered Co")
    private, lead = listed("Private Co")
    profile.put_profile_visibility(lead_actor(lead), private, "PRIVATE")
    assert names(finder.search(finder.FinderQuery())) == ["Anycompany Cloud"]
    page = Client().get(reverse("profiles:finder")).content.decode()
    assert "Anycompany Cloud" in page and "Private Co" not in page and "Registered Co" not in page


def test_search_by_each_criterion() -> None:
    acme, acme_lead = listed("Acme Analytics", IndustrySegments=["RETAIL"])
    listed("Blue Harbor Data", IndustrySegments=["HEALTHCARE"])
    profile.set_solution_areas(lead_actor(acme_lead), acme, ["SECURITY"])
    locations.create_location(
        lead_actor(acme_lead), acme, {"name": "HQ", "city": "Lyon", "country": "FR"}
    )
    assert names(finder.search(finder.FinderQuery(q="analy"))) == ["Acme Analytics"]
    assert names(finder.search(finder.FinderQuery(q="harbor data"))) == ["Blue Harbor Data"]
    assert names(finder.search(finder.FinderQuery(industry="HEALTHCARE"))) == ["Blue Harbor Data"]
    assert names(finder.search(finder.FinderQuery(solution="SECURITY"))) == ["Acme Analytics"]
    assert names(finder.search(finder.FinderQuery(country="FR"))) == ["Acme Analytics"]
    assert names(finder.search(finder.FinderQuery(path="Services"))) == [
        "Acme Analytics",
        "Blue Harbor Data",
    ]
    assert names(finder.search(finder.FinderQuery(q="acme", industry="HEALTHCARE"))) == []


def test_qualifications_come_from_the_slot() -> None:
    company, _lead = listed("Qualified Co")
    listed("Other Co")

    def designations(of: Company) -> list[dict[str, str]]:
        return [{"kind": "Competency", "name": "Migration Consulting"}] if of == company else []

    contributions.contribute("company.qualifications", designations, name="test")
    try:
        from allyport.profiles.services.finder import refresh_listing

        refresh_listing(company)
        found = finder.search(finder.FinderQuery(qualification="Migration Consulting"))
        assert names(found) == ["Qualified Co"]
    finally:
        contributions.withdraw("company.qualifications", "test")


def test_keyset_pages(client: Client) -> None:
    for n in range(5):
        listed(f"Partner {n}")
    first = finder.search(finder.FinderQuery(), size=2)
    second = finder.search(finder.FinderQuery(), first.next_cursor, size=2)
    third = finder.search(finder.FinderQuery(), second.next_cursor, size=2)
    assert names(first) + names(second) + names(third) == [f"Partner {n}" for n in range(5)]
    assert third.next_cursor is None
    assert names(finder.search(finder.FinderQuery(), "tampered", size=2)) == names(first)


def test_partner_page_is_indexable_and_canonical(client: Client) -> None:
    company, _lead = listed("Anycompany Cloud")
    response = client.get(f"/partners/{company.public_id}/")
    assert response.status_code == 301
    canonical = response["Location"]
    assert canonical == f"/partners/{company.public_id}/anycompany-cloud/"
    page = client.get(canonical).content.decode()
    assert "<title>Anycompany Cloud · Partner Solutions Finder</title>" in page
    assert '<meta name="description" content="Migrations and data platforms on AWS.">' in page
    assert f'<link rel="canonical" href="{settings.ALLYPORT_PUBLIC_URL}{canonical}">' in page
    assert client.get("/partners/partner-aaaaaaaaaaaaa/").status_code == 404


def test_private_or_early_partner_pages_are_404(client: Client) -> None:
    company, lead = make_company("Early Co")
    assert client.get(f"/partners/{company.public_id}/").status_code == 404


def test_my_listing_toggles_visibility(client_for: Callable[[User], Client]) -> None:
    company, lead = listed("Toggle Co")
    client = client_for(lead)
    page = client.get(reverse("profiles:my_listing")).content.decode()
    assert "Your listing is public at" in page and "Toggle Co" in page
    page = client.post(
        reverse("profiles:my_listing"), {"visibility": "PRIVATE"}, follow=True
    ).content.decode()
    assert "Your listing is private" in page
    assert finder.listing(company.public_id) is None


def test_find_partners_for_members(client_for: Callable[[User], Client]) -> None:
    listed("Anycompany Cloud")
    company, lead = make_company()
    page = (
        client_for(lead)
        .get(reverse("profiles:find_partners"), {"q": "anycompany"})
        .content.decode()
    )
    assert "Anycompany Cloud" in page
