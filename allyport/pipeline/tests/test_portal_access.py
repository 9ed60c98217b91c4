"""The trio for every portal page of the pipeline: sign-in required, another
company's (or a missing) record is 404, a role without the right is 403 with the
reason; and the menus link to the pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from allyport.access import actor as actors
from allyport.access.decisions import authorize
from allyport.pipeline.tests.conftest import make_solution
from allyport.pipeline.tests.test_portal_support import member, opportunity_of, signed_in, text
from allyport.testing import make_company

pytestmark = pytest.mark.django_db

LIST_PAGES = [("GET", "pipeline:opportunities"), ("GET", "pipeline:opportunity_new"),
              ("POST", "pipeline:bulk_transfer")]  # fmt: skip
OPPORTUNITY_PAGES = [
    ("GET", "pipeline:opportunity"),
    ("GET", "pipeline:opportunity_edit"),
    ("GET", "pipeline:opportunity_submit"),
    ("GET", "pipeline:opportunity_transfer"),
    ("POST", "pipeline:opportunity_associate"),
    ("POST", "pipeline:opportunity_disassociate"),
]
OFFERING_LIST_PAGES = [("GET", "pipeline:offerings"), ("GET", "pipeline:offering_new")]
OFFERING_PAGES = [("GET", "pipeline:offering_edit"), ("POST", "pipeline:offering_status")]
ASSOCIATE = {"entity_type": "AwsProducts", "product": "AmazonRedshift"}


def call(client: Any, method: str, url: str) -> Any:
    if method == "POST":
        return client.post(url, {**ASSOCIATE, "entity_id": "x", "status": "Active"})
    return client.get(url)


@pytest.fixture
def opportunity(company: Any) -> Any:
    return opportunity_of(member(company, "ace_manager"))


def every_page(opportunity: Any, solution_id: str) -> list[tuple[str, str]]:
    pages = [(m, reverse(n)) for m, n in LIST_PAGES + OFFERING_LIST_PAGES]
    pages += [(m, reverse(n, args=[opportunity.public_id])) for m, n in OPPORTUNITY_PAGES]
    pages += [(m, reverse(n, args=[solution_id])) for m, n in OFFERING_PAGES]
    return pages


def test_it_sends_visitors_to_sign_in_on_every_page(client: Any, opportunity: Any) -> None:
    solution = make_solution(opportunity.company)
    for method, url in every_page(opportunity, solution.public_id):
        response = call(client, method, url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login")), url


@pytest.mark.parametrize(("method", "name"), OPPORTUNITY_PAGES)
def test_it_answers_404_for_another_companys_and_missing_opportunities(
    opportunity: Any, method: str, name: str
) -> None:
    other, _lead = make_company("Northwind", domain="northwind.example")
    outsider = signed_in(member(other, "ace_manager"))
    insider = signed_in(member(opportunity.company, "ace_manager"))
    theirs = reverse(name, args=[opportunity.public_id])
    missing = reverse(name, args=["O9999999999"])
    assert call(outsider, method, theirs).status_code == 404
    assert call(insider, method, missing).status_code == 404
    # The other catalog is another world too.
    assert call(insider, method, theirs + "?catalog=Sandbox").status_code == 404


def test_it_answers_404_for_an_opportunity_an_ace_user_does_not_own(
    company: Any, opportunity: Any
) -> None:
    ace = signed_in(member(company, "ace_user"))
    for method, name in OPPORTUNITY_PAGES:
        url = reverse(name, args=[opportunity.public_id])
        assert call(ace, method, url).status_code == 404, name


@pytest.mark.parametrize(("method", "name"), OFFERING_PAGES)
def test_it_answers_404_for_another_companys_offering(company: Any, method: str, name: str) -> None:
    other, _lead = make_company("Northwind", domain="northwind.example")
    theirs = make_solution(other)
    client = signed_in(member(company, "marketing_staff"))
    assert call(client, method, reverse(name, args=[theirs.public_id])).status_code == 404
    assert call(client, method, reverse(name, args=["S-9999999"])).status_code == 404


def reason_of(user: Any, action: str) -> str:
    decision = authorize(actors.for_user(user), action)
    assert not decision
    return str(decision.reason)


@pytest.mark.parametrize("role", ["standard_user", "technical_staff", "channel_user"])
def test_it_refuses_opportunity_pages_to_roles_without_the_menu_with_the_reason(
    company: Any, opportunity: Any, role: str
) -> None:
    user = member(company, role)
    client = signed_in(user)
    reason = reason_of(user, "menu:Sell/Opportunity Management")
    pages = [(m, reverse(n)) for m, n in LIST_PAGES]
    pages += [(m, reverse(n, args=[opportunity.public_id])) for m, n in OPPORTUNITY_PAGES]
    for method, url in pages:
        response = call(client, method, url)
        assert response.status_code == 403, url
        assert reason in text(response), url


@pytest.mark.parametrize("role", ["ace_user", "ace_manager", "standard_user"])
def test_it_refuses_offerings_to_roles_without_the_menu_with_the_reason(
    company: Any, role: str
) -> None:
    user = member(company, role)
    solution = make_solution(company)
    client = signed_in(user)
    reason = reason_of(user, "menu:Build/Offerings")
    pages = [(m, reverse(n)) for m, n in OFFERING_LIST_PAGES]
    pages += [(m, reverse(n, args=[solution.public_id])) for m, n in OFFERING_PAGES]
    for method, url in pages:
        response = call(client, method, url)
        assert response.status_code == 403, url
        assert reason in text(response), url


def test_it_refuses_submission_to_marketing_staff_with_the_reason(company: Any) -> None:
    user = member(company, "marketing_staff")
    opportunity = opportunity_of(user)
    client = signed_in(user)
    url = reverse("pipeline:opportunity_submit", args=[opportunity.public_id])
    response = client.get(url)
    assert response.status_code == 403
    assert reason_of(user, "submit_opportunities") in text(response)
    detail = client.get(reverse("pipeline:opportunity", args=[opportunity.public_id]))
    assert url not in detail.content.decode()


def test_it_links_the_menus_to_the_pages(company: Any) -> None:
    from allyport.access.navigation import navigation

    seller = navigation(actors.for_user(member(company, "ace_manager")))["pages"]
    assert ("Sell", "Opportunity Management", reverse("pipeline:opportunities")) in seller
    builder = navigation(actors.for_user(member(company, "marketing_staff")))["pages"]
    assert ("Build", "Offerings", reverse("pipeline:offerings")) in builder
    assert ("Market", "Offerings", reverse("pipeline:offerings")) in builder
