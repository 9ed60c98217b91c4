"""The global search's pages are kept whole per member and query string
(core.fragments): they must never show one company's results to another, nor keep
results the index no longer holds, whoever wrote the index (a colleague, the API, a
job, the content sweep); and a member who loses a right is refused as before."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from allyport.access import actor as actors
from allyport.accounts.models import Company, User
from allyport.accounts.services.roles import RoleChange, apply_role_changes
from allyport.core import contributions
from allyport.customers.services.accounts import create_customer_account
from allyport.pipeline import services
from allyport.pipeline.tests.conftest import iam_actor, make_solution, member_actor
from allyport.search.sources import contributed
from allyport.search.tests.test_search import URL, page, titled
from allyport.testing import make_company, make_user

pytestmark = pytest.mark.django_db


def _warm(client: Client, **params: Any) -> str:
    page(client, **params)
    return page(client, **params)  # rendered and kept by now


def test_each_company_sees_its_own_results(company: Company, lead: User, client_for: Any) -> None:
    """Same roles and query: the results are still per member."""
    other, other_lead = make_company("Other Co", domain="other.example")
    make_solution(company, name="Griffin own offering")
    make_solution(other, name="Griffin other offering")
    mine = _warm(client_for(lead), q="griffin")
    assert "Griffin own offering" in mine and "Griffin other offering" not in mine
    theirs = _warm(client_for(other_lead), q="griffin")
    assert "Griffin other offering" in theirs and "Griffin own offering" not in theirs


def test_a_record_a_colleague_adds_shows_at_once(
    company: Company, lead: User, client_for: Any
) -> None:
    client = client_for(lead)
    assert "Heron rollout" not in _warm(client, q="heron")
    _colleague, actor = member_actor(company, "ace_manager")
    services.create_opportunity(actor, "AWS", titled("Heron rollout"))
    assert "Heron rollout" in page(client, q="heron")


def test_a_record_the_api_adds_or_a_deletion_shows_at_once(
    company: Company, lead: User, client_for: Any
) -> None:
    client = client_for(lead)
    assert "Ibex Foods" not in _warm(client, q="ibex")
    create_customer_account(
        iam_actor(company),
        "AWS",
        {"Account": {"CompanyName": "Ibex Foods", "WebsiteUrl": "https://ibex.example"}},
    )
    assert "Ibex Foods" in _warm(client, q="ibex")
    solution = make_solution(company, name="Ibex gateway")
    assert "Ibex gateway" in _warm(client, q="ibex")
    solution.delete()
    assert "Ibex gateway" not in page(client, q="ibex")


def test_shared_content_the_sweep_indexes_shows_at_once(
    company: Company, lead: User, client_for: Any
) -> None:
    client = client_for(lead)
    assert "Jackal summit recap" not in _warm(client, q="jackal")

    def documents() -> list[dict[str, Any]]:
        return [{"type": "news", "company_id": None, "id": "n1", "title": "Jackal summit recap",
                 "body": "", "url": "/news/n1/"}]  # fmt: skip

    contributions.contribute("search.documents", documents, name="test-docs")
    try:
        contributed.reindex()
        assert "Jackal summit recap" in page(client, q="jackal")
    finally:
        contributions.withdraw("search.documents", "test-docs")
    contributed.reindex()
    assert "Jackal summit recap" not in page(client, q="jackal")


def test_a_member_who_loses_the_right_loses_its_results_and_is_refused(
    company: Company, lead: User, client_for: Any
) -> None:
    services.create_opportunity(actors.for_user(lead), "AWS", titled("Kudu expansion"))
    never = client_for(make_user(company))
    refusal = never.get(URL, {"q": "kudu", "all": "opportunity"})
    assert refusal.status_code == 403
    colleague = make_user(company, "standard_user", "ace_manager")
    client = client_for(colleague)
    assert "Kudu expansion" in _warm(client, q="kudu")
    assert "Kudu expansion" in _warm(client, q="kudu", all="opportunity")
    [result] = apply_role_changes(
        actors.for_user(lead), [RoleChange(colleague.public_id, remove=("ace_manager",))]
    )
    assert result.ok
    assert "Kudu expansion" not in page(client, q="kudu")
    after = client.get(URL, {"q": "kudu", "all": "opportunity"})
    assert after.status_code == 403
    reason = "your roles do not include this kind of record"
    assert reason in after.content.decode() and reason in refusal.content.decode()


def test_a_kept_results_page_carries_each_browsers_own_csrf_token(lead: User) -> None:
    from allyport.accounts import backends
    from allyport.core.fragments import CSRF_HOLE

    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    for browser in (first, second):
        browser.force_login(lead, backend=backends.PATH)
    _warm(first, q="anything")
    html = page(second, q="anything")
    assert CSRF_HOLE not in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    assert token not in page(first, q="anything")
    answer = second.post(
        "/i18n/setlang/", {"language": "de", "next": "/", "csrfmiddlewaretoken": token}
    )
    assert answer.status_code == 302
