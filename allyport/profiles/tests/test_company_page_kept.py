"""The Company Profile page is kept rendered in the shared cache (core.fragments): it
must never show one company's profile to another, nor keep showing a profile, listing
change, version, stage or right that has changed, whoever changed it."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from allyport.access import actor as actors
from allyport.accounts.models import Company, User
from allyport.accounts.services.operators import set_company
from allyport.accounts.services.roles import RoleChange, apply_role_changes
from allyport.core.fragments import CSRF_HOLE
from allyport.profiles.models import ProfileVersion
from allyport.profiles.services import listing, locations, stages
from allyport.profiles.services.profile import update_company_profile
from allyport.profiles.tests.conftest import details, iam, staff
from allyport.testing import csrf_browsers, make_company, make_user

pytestmark = pytest.mark.django_db

URL = reverse("profiles:company")
VALUES = {
    "display_name": "Octank Cloud",
    "description": "Data platforms.",
    "website_url": "https://octank.example",
    "phone": "+1 555 0100",
    "employee_count": "11-50",
    "industry_segments": ["RETAIL"],
    "customer_segments": ["SMB"],
    "countries_served": ["US"],
}


def _page(client: Client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def _warm(client: Client) -> str:
    _page(client)
    return _page(client)  # rendered and kept by now


def _shown_name(page: str) -> str:
    found = re.search(r'name="display_name" value="([^"]*)"', page)
    assert found, "the name field is missing"
    return found.group(1)


def _versions(page: str) -> str:
    return page.split("Recent versions")[1]


def test_another_company_with_the_same_rights_sees_only_its_own_profile(
    client_for: Callable[[User], Client], lead: User, outsider: User
) -> None:
    ours, theirs = actors.for_user(lead), actors.for_user(outsider)
    assert (ours.roles, ours.paths, ours.stage) == (theirs.roles, theirs.paths, theirs.stage)
    update_company_profile(ours, ours.company, VALUES)  # type: ignore[arg-type]
    assert _shown_name(_warm(client_for(lead))) == "Octank Cloud"
    page = _warm(client_for(outsider))
    assert _shown_name(page) == "Northwind" and "Octank" not in page
    assert "+1 555 0100" not in page and "No changes yet." in _versions(page)
    assert _shown_name(_page(client_for(lead))) == "Octank Cloud"


def test_another_company_s_listing_change_stays_not_found(
    client_for: Callable[[User], Client], outsider: User
) -> None:
    company, lead = make_company("Listed", stage="Validated", paths=["Services"])
    version = listing.start_profile_update(iam(company), company, details())
    assert "Listing change waiting for approval" in _warm(client_for(lead))
    client = client_for(outsider)
    assert "Listing change waiting for approval" not in _warm(client)
    answer = client.post(reverse("profiles:cancel_update"), {"task": version.task_id})
    assert answer.status_code == 404
    version.refresh_from_db()
    assert version.status == "IN_PROGRESS"


def test_a_change_by_another_member_shows_at_once(
    client_for: Callable[[User], Client], company: Company, lead: User
) -> None:
    client = client_for(lead)
    assert _shown_name(_warm(client)) == "Octank"
    colleague = actors.for_user(make_user(company, "marketing_staff"))
    update_company_profile(colleague, company, VALUES)
    page = _page(client)
    assert _shown_name(page) == "Octank Cloud" and 'value="+1 555 0100"' in page
    assert '<option value="US" selected>United States of America</option>' in page
    assert "DisplayName</strong>: Octank → Octank Cloud" in _versions(page)


def test_a_listing_change_its_approval_and_rejection_show_at_once(
    client_for: Callable[[User], Client],
) -> None:
    company, lead = make_company("Listed", stage="Validated", paths=["Services"])
    client = client_for(lead)
    assert "Listing change waiting for approval" not in _warm(client)
    # Through the account API (an IAM principal of the company), then staff review.
    version = listing.start_profile_update(iam(company), company, details(DisplayName="New"))
    page = _page(client)
    assert "Listing change waiting for approval" in page and "Withdraw change" in page
    listing.approve_profile_update(staff(), version)
    page = _page(client)
    assert "Listing change waiting for approval" not in page
    assert _shown_name(page) == "New"
    second = listing.start_profile_update(iam(company), company, details(DisplayName="Newer"))
    assert "Listing change waiting for approval" in _page(client)
    listing.reject_profile_update(staff(), second, "The description repeats the name.")
    page = _page(client)
    assert "Listing change waiting for approval" not in page
    assert '<div class="error">The description repeats the name.</div>' in _versions(page)


def test_a_withdrawn_change_shows_at_once(client_for: Callable[[User], Client]) -> None:
    company, lead = make_company("Listed", stage="Validated", paths=["Services"])
    version = listing.start_profile_update(iam(company), company, details())
    client = client_for(lead)
    assert "Listing change waiting for approval" in _warm(client)
    page = client.post(
        reverse("profiles:cancel_update"), {"task": version.task_id}, follow=True
    ).content.decode()
    assert "The listing change was withdrawn." in page
    assert "Listing change waiting for approval" not in page
    page = _page(client)  # and on the next view, without the message
    assert "Listing change waiting for approval" not in page
    assert "The listing change was withdrawn." not in page


def test_a_new_location_s_version_shows_at_once(
    client_for: Callable[[User], Client], company: Company, lead: User
) -> None:
    client = client_for(lead)
    assert "No changes yet." in _versions(_warm(client))
    values = {"name": "Seattle office", "city": "Seattle", "country": "US"}
    locations.create_location(actors.for_user(lead), company, values)
    versions = _versions(_page(client))
    assert "No changes yet." not in versions
    assert "<td>Locations</td>" in versions and "Seattle office" in versions


def test_a_stage_move_by_staff_shows_its_tabs_at_once(
    client_for: Callable[[User], Client], company: Company, lead: User
) -> None:
    client = client_for(lead)
    assert 'href="/company/profile/locations/"' not in _warm(client)
    stages.move_stage(staff(), company, "Validated", "reviewed")
    page = _page(client)
    assert 'href="/company/profile/locations/"' in page
    assert "Octank · Validated" in page


def test_a_change_by_the_operators_shows_at_once(
    client_for: Callable[[User], Client], company: Company, lead: User
) -> None:
    client = client_for(lead)
    assert "Octank · Registered" in _warm(client)
    set_company("octank.example", stage="Confirmed", paths=["Services"])
    assert "Octank · Confirmed · Services" in _page(client)


def test_a_member_who_loses_the_right_is_refused_as_before(
    client_for: Callable[[User], Client], company: Company, lead: User
) -> None:
    colleague = make_user(company, "marketing_staff")
    client = client_for(colleague)
    assert _shown_name(_warm(client)) == "Octank"
    results = apply_role_changes(
        actors.for_user(lead),
        [RoleChange(colleague.public_id, add=("ace_user",), remove=("marketing_staff",))],
    )
    assert all(result.ok for result in results)
    response = client.get(URL)
    assert response.status_code == 403
    assert "needs the" in response.content.decode()
    assert 'name="display_name"' not in response.content.decode()


def test_a_member_who_loses_the_right_to_edit_sees_the_profile_only(
    client_for: Callable[[User], Client], company: Company, lead: User
) -> None:
    colleague = make_user(company, "cloud_admin", "marketing_staff")
    client = client_for(colleague)
    assert 'name="display_name"' in _warm(client)
    [result] = apply_role_changes(
        actors.for_user(lead), [RoleChange(colleague.public_id, remove=("marketing_staff",))]
    )
    assert result.ok
    page = _page(client)
    assert 'name="display_name"' not in page
    assert "Only the alliance lead, alliance team and marketing staff can change" in page


def test_errors_after_a_post_are_drawn_for_that_request_only(
    client_for: Callable[[User], Client], lead: User
) -> None:
    client = client_for(lead)
    _warm(client)
    page = client.post(URL, {**VALUES, "display_name": ""}).content.decode()
    assert "Correct the field marked below." in page
    assert 'value="+1 555 0100"' in page  # what was typed, not the kept form
    page = _page(client)
    assert "Correct the field marked below." not in page and "+1 555 0100" not in page
    assert _shown_name(page) == "Octank"


def test_a_kept_page_carries_each_browser_s_own_csrf_token(lead: User) -> None:
    first, second = csrf_browsers(lead)
    _warm(first)
    page = _page(second)
    assert CSRF_HOLE not in page
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))
    assert len(tokens) == 1  # the profile form, Logout and Language carry the same one
    [token] = tokens
    answer = second.post(URL, {**VALUES, "csrfmiddlewaretoken": token})
    assert answer.status_code == 302
    assert first.post(URL, {**VALUES, "csrfmiddlewaretoken": token}).status_code == 403
    assert ProfileVersion.objects.filter(company=lead.company, section="company").count() == 1
