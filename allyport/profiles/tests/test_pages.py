"""Every page of the profile: the trio (sign-in required, another company's record is
404, a role without the right is 403 with the reason) and what each page shows."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from allyport.accounts.models import Company, User
from allyport.profiles.models import Location
from allyport.profiles.services import locations
from allyport.profiles.tests.conftest import lead_actor
from allyport.testing import make_company, make_user

pytestmark = pytest.mark.django_db

# Pages of the company's own (no record in the URL), the role that may not see them and
# the reason shown.
MEMBER_PAGES = [
    ("profiles:company", "ace_user", "needs the"),
    ("profiles:products", "ace_user", "needs the"),
    ("profiles:domains", "ace_user", "needs the"),
    ("profiles:solutions", "ace_user", "needs the"),
    ("profiles:qualifications", "ace_user", "needs the"),
    ("profiles:locations", "ace_user", "needs the"),
    ("profiles:case_studies", "ace_user", "needs the"),
    ("profiles:versions", "ace_user", "needs the"),
    ("profiles:verification", "ace_user", "needs the"),
    ("profiles:fee", "marketing_staff", "needs the alliance lead or alliance team role"),
    ("profiles:find_partners", "technical_staff", "needs the"),
    ("profiles:my_listing", "ace_user", "needs the"),
]


@pytest.fixture
def listed() -> tuple[Company, User]:
    return make_company("Listed Partner", stage="Validated", paths=["Services"])


@pytest.mark.parametrize(("name", "role", "reason"), MEMBER_PAGES)
def test_sign_in_is_required(client: Client, name: str, role: str, reason: str) -> None:
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize(("name", "role", "reason"), MEMBER_PAGES)
def test_a_role_without_the_right_is_refused_with_the_reason(
    client_for: Callable[[User], Client],
    listed: tuple[Company, User],
    name: str,
    role: str,
    reason: str,
) -> None:
    response = client_for(make_user(listed[0], role)).get(reverse(name))
    assert response.status_code == 403
    assert reason in response.content.decode()


def test_terms_page_sign_in_required(client: Client) -> None:
    response = client.get(reverse("profiles:terms"))
    assert response.status_code == 302


@pytest.mark.parametrize(("name", "role", "reason"), MEMBER_PAGES)
def test_each_page_shows_its_content_to_the_lead(
    client_for: Callable[[User], Client],
    listed: tuple[Company, User],
    name: str,
    role: str,
    reason: str,
) -> None:
    response = client_for(listed[1]).get(reverse(name))
    assert response.status_code == 200, response.content.decode()[:500]


def test_early_stages_see_three_tabs(client_for: Callable[[User], Client]) -> None:
    company, lead = make_company(stage="Enrolled")
    client = client_for(lead)
    page = client.get(reverse("profiles:company")).content.decode()
    assert "My Domains" in page and "Products &amp; Services" in page
    assert "Solutions/Practices" not in page
    refused = client.get(reverse("profiles:locations"))
    assert refused.status_code == 403
    assert "your company must be Validated or higher" in refused.content.decode()


def test_another_company_s_location_is_404(client_for: Callable[[User], Client], listed) -> None:  # type: ignore[no-untyped-def]
    other, other_lead = make_company(stage="Validated")
    office = locations.create_location(
        lead_actor(other_lead), other, {"name": "HQ", "city": "Oslo", "country": "NO"}
    )
    client = client_for(listed[1])
    assert client.get(reverse("profiles:location_edit", args=[office.pk])).status_code == 404
    response = client.post(
        reverse("profiles:location_delete", args=[office.pk]), {"confirm": "confirm"}
    )
    assert response.status_code == 404
    assert Location.objects.filter(pk=office.pk).exists()


def test_another_company_s_domain_is_404(client_for: Callable[[User], Client], listed) -> None:  # type: ignore[no-untyped-def]
    make_company(domain="theirs.example")
    response = client_for(listed[1]).post(
        reverse("profiles:domain_remove", args=["theirs.example"]), {"confirm": "confirm"}
    )
    assert response.status_code == 404
