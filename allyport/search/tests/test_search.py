"""Global search: what a member finds, and what they never find."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from allyport.access import actor as actors
from allyport.access.actor import Actor
from allyport.accounts.models import Company, User
from allyport.core import contributions
from allyport.customers.services.accounts import create_customer_account
from allyport.pipeline import services
from allyport.pipeline.models import Opportunity
from allyport.pipeline.tests.conftest import complete, iam_actor, make_solution, member_actor
from allyport.search.models import SearchEntry
from allyport.search.sources import contributed
from allyport.testing import make_company, make_user

pytestmark = pytest.mark.django_db
URL = reverse("search:results")


def titled(title: str, **changes: Any) -> dict[str, Any]:
    payload = complete(**changes)
    payload["Project"]["Title"] = title
    return payload


@pytest.fixture
def lead_actor(lead: User) -> tuple[User, Actor]:
    return lead, actors.for_user(lead)


def page(client: Client, **params: Any) -> str:
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def test_it_needs_sign_in(client: Client) -> None:
    response = client.get(URL, {"q": "anything"})
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_it_finds_an_opportunity_by_a_word_prefix_and_links_to_it(
    company: Company, client_for: Any, lead_actor: Any
) -> None:
    user, actor = lead_actor
    opportunity = services.create_opportunity(actor, "AWS", titled("Quarkfield telemetry rollout"))
    html = page(client_for(user), q="quarkf")
    assert "Quarkfield telemetry rollout" in html
    assert reverse("pipeline:opportunity", args=[opportunity.public_id]) in html
    assert "Opportunities" in html


def test_another_companys_unique_words_find_nothing(
    company: Company, client_for: Any, lead_actor: Any
) -> None:
    other, _ = make_company("Other Co")
    _, other_actor = member_actor(other, "ace_manager")
    services.create_opportunity(other_actor, "AWS", titled("Zebulonic secret merger"))
    make_solution(other, name="Zebulonic appliance")
    user, _ = lead_actor
    html = page(client_for(user), q="zebulonic")
    assert "Zebulonic" not in html
    assert "Nothing matches" in html


def test_an_ace_user_finds_only_their_own_opportunities(
    company: Company, client_for: Any, lead_actor: Any
) -> None:
    ace, ace_actor = member_actor(company, "ace_user")
    lead, lead_act = lead_actor
    services.create_opportunity(ace_actor, "AWS", titled("Orrery mine owned"))
    services.create_opportunity(lead_act, "AWS", titled("Orrery theirs hidden"))
    services.create_opportunity(iam_actor(company), "AWS", titled("Orrery unassigned"))
    html = page(client_for(ace), q="orrery")
    assert "Orrery mine owned" in html
    assert "Orrery theirs hidden" not in html
    assert "Orrery unassigned" not in html
    everything = page(client_for(lead), q="orrery")
    for title in ("Orrery mine owned", "Orrery theirs hidden", "Orrery unassigned"):
        assert title in everything


def test_a_role_without_the_menu_sees_no_such_results_and_view_all_is_refused(
    company: Company, client_for: Any, lead_actor: Any
) -> None:
    _, lead_act = lead_actor
    services.create_opportunity(lead_act, "AWS", titled("Halberd expansion"))
    standard = make_user(company)
    client = client_for(standard)
    html = page(client, q="halberd")
    assert "Halberd expansion" not in html
    refused = client.get(URL, {"q": "halberd", "all": "opportunity"})
    assert refused.status_code == 403
    assert "your roles do not include this kind of record" in refused.content.decode()


def test_five_per_kind_then_view_all_pages_through_the_rest(
    company: Company, client_for: Any, lead_actor: Any
) -> None:
    user, actor = lead_actor
    for number in range(23):
        services.create_opportunity(actor, "AWS", titled(f"Marmoset deal {number:02d}"))
    client = client_for(user)
    html = page(client, q="marmoset")
    assert html.count("Marmoset deal") == 5
    assert "View all Opportunities" in html
    first = page(client, q="marmoset", all="opportunity")
    second = page(client, q="marmoset", all="opportunity", page=2)
    assert first.count("Marmoset deal") == 20
    assert second.count("Marmoset deal") == 3
    assert "Next page" in first and "Next page" not in second
    shown = {line for line in (first + second).split("Marmoset deal ")[1:]}
    assert len(shown) == 23


def test_ticking_a_record_type_limits_the_results(
    company: Company, client_for: Any, lead_actor: Any
) -> None:
    user, actor = lead_actor
    services.create_opportunity(actor, "AWS", titled("Kestrel migration"))
    make_solution(company, name="Kestrel analytics suite")
    client = client_for(user)
    both = page(client, q="kestrel")
    assert "Kestrel migration" in both and "Kestrel analytics suite" in both
    only = page(client, q="kestrel", kind="offering")
    assert "Kestrel analytics suite" in only and "Kestrel migration" not in only
    assert "Clear filters" in only


def test_the_index_follows_updates_deletes_and_batches(
    company: Company, client_for: Any, lead_actor: Any
) -> None:
    user, actor = lead_actor
    solution = make_solution(company, name="Pangolin gateway")
    client = client_for(user)
    assert "Pangolin gateway" in page(client, q="pangolin")
    solution.name = "Armadillo gateway"
    solution.save()
    assert "Armadillo gateway" in page(client, q="armadillo")
    assert "Pangolin" not in page(client, q="pangolin")
    solution.delete()
    assert "Armadillo" not in page(client, q="armadillo")
    created = services.create_opportunities(
        actor, "AWS", [titled(f"Narwhal batch {n}") for n in range(3)]
    )
    assert len(created) == 3
    assert page(client, q="narwhal").count("Narwhal batch") == 3


def test_customer_accounts_are_found_by_name(
    company: Company, client_for: Any, lead_actor: Any
) -> None:
    user, actor = lead_actor
    create_customer_account(
        iam_actor(company),
        "AWS",
        {"Account": {"CompanyName": "Quetzal Foods", "WebsiteUrl": "https://quetzal.example"}},
    )
    html = page(client_for(user), q="quetzal")
    assert "Quetzal Foods" in html
    assert "Customer accounts" in html


def test_a_kind_first_indexed_after_a_search_is_found_at_once(
    company: Company, client_for: Any, lead_actor: Any
) -> None:
    """The page's kind list is cached; the first customer account must not wait for it."""
    user, actor = lead_actor
    client = client_for(user)
    services.create_opportunity(actor, "AWS", titled("Quokka migration"))
    group = 'id="kind-customer_account">Customer accounts</h2>'  # a results table
    assert group not in page(client, q="quokka")
    create_customer_account(
        iam_actor(company),
        "AWS",
        {"Account": {"CompanyName": "Quokka Outfitters", "WebsiteUrl": "https://quokka.example"}},
    )
    html = page(client, q="quokka")
    assert "Quokka Outfitters" in html and "Quokka migration" in html
    assert group in html


def test_the_rebuild_command_restores_a_lost_index(
    company: Company, client_for: Any, lead_actor: Any
) -> None:
    user, actor = lead_actor
    services.create_opportunity(actor, "AWS", titled("Wombat renewal"))
    SearchEntry.objects.all().delete()
    client = client_for(user)
    assert "Wombat renewal" not in page(client, q="wombat")
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert "Wombat renewal" in page(client, q="wombat")
    assert SearchEntry.objects.filter(kind="opportunity").count() == Opportunity.objects.count()


def test_words_that_are_not_words_match_nothing_and_do_not_fail(
    company: Company, client_for: Any, lead_actor: Any
) -> None:
    user, actor = lead_actor
    services.create_opportunity(actor, "AWS", titled("Ibis refresh"))
    client = client_for(user)
    for text in ('"*', "s0", "kopportunity", "qq AND NOT", 'ibis" OR "x', "xyzzy"):
        html = page(client, q=text)
        assert "Ibis refresh" not in html or text.startswith("ibis")


def test_the_navigation_bar_has_the_search_box(
    company: Company, client_for: Any, lead_actor: Any
) -> None:
    user, _ = lead_actor
    html = client_for(user).get(reverse("home")).content.decode()
    assert f'action="{URL}"' in html
    assert 'role="search"' in html


@pytest.mark.postgres
def test_a_typo_still_finds_the_title_on_postgresql(
    company: Company, client_for: Any, lead_actor: Any
) -> None:
    user, actor = lead_actor
    services.create_opportunity(actor, "AWS", titled("Chrysanthemum logistics"))
    html = page(client_for(user), q="chrysantemum logistic")
    assert "Chrysanthemum logistics" in html


def test_contributed_content_is_found_by_every_member_and_another_companys_by_none(
    company: Company, client_for: Any
) -> None:
    other, _ = make_company("Content Other")

    def documents() -> list[dict[str, Any]]:
        return [
            {"type": "news", "company_id": None, "id": "n1", "title": "Gryphon summit recap",
             "body": "Highlights", "url": "/news/n1/"},
            {"type": "guide", "company_id": other.pk, "id": "g1",
             "title": "Gryphon private playbook", "body": "", "url": "/guides/g1/"},
        ]  # fmt: skip

    contributions.contribute("search.documents", documents, name="test-docs")
    try:
        assert contributed.reindex() == 2
        html = page(client_for(make_user(company)), q="gryphon")
    finally:
        contributions.withdraw("search.documents", "test-docs")
    assert "Gryphon summit recap" in html and "Partner news" in html
    assert "Gryphon private playbook" not in html


def test_support_cases_follow_the_support_pages_rules(company: Company, client_for: Any) -> None:
    from allyport.support.models import SupportCase

    member = make_user(company)
    colleague = make_user(company)
    SupportCase.objects.create(company=company, subject="Yarrow billing question",
                               category="billing", opened_by=member)  # fmt: skip
    SupportCase.objects.create(company=company, subject="Yarrow colleague case",
                               category="billing", opened_by=colleague)  # fmt: skip
    SupportCase.objects.create(company=None, subject="Yarrow locked out", category="lockout")
    own = page(client_for(member), q="yarrow")
    assert "Yarrow billing question" in own and "Support cases" in own
    assert "Yarrow colleague case" not in own and "Yarrow locked out" not in own
    everything = page(client_for(company.users.get(email__startswith="lead@")), q="yarrow")
    assert "Yarrow billing question" in everything and "Yarrow colleague case" in everything
    assert "Yarrow locked out" not in everything
