"""SearchCustomerAccounts and GetCustomerAccountStatistics through the services: the
shared filter tree, sorts, keyset pages, GROUP BY counts."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from allyport.core.errors import RuleViolation
from allyport.customers.models import CustomerAccount
from allyport.customers.services import accounts, statistics
from allyport.customers.services.search import search_customer_accounts
from allyport.customers.tests.conftest import directory_entry, payload
from allyport.pipeline.tests.conftest import iam_actor
from allyport.testing import make_company

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db: None) -> dict[str, Any]:
    """Four accounts: two enriched (different customers), one with no match, one
    held as a duplicate; a Sandbox account and another company's."""
    directory_entry()
    directory_entry(
        name="Anycompany", website_domain="anycompany.example", duns="222222222",
        geo="EMEA", segment="SMB", eligible_programs=["MAP"], marketplace_engagement_score="Low",
        solution_score="High", industry="Retail",
    )  # fmt: skip
    company, _lead = make_company()
    actor = iam_actor(company)
    made = {
        key: accounts.create_customer_account(actor, "AWS", payload(name, **account)).public_id
        for key, name, account in (
            ("example", "Example Corp", {"Duns": "123456789"}),
            ("any", "AnyCompany", {"Domain": "anycompany.example"}),
            ("none", "Nobody Inc", {"Domain": "nobody.example"}),
            ("dup", "Example Again", {"Domain": "example.com"}),
        )
    }
    accounts.create_customer_account(actor, "Sandbox", payload("Sandboxed", Duns="123456789"))
    accounts.create_customer_account(
        iam_actor(make_company()[0]), "AWS", payload("Stranger", Duns="123456789")
    )
    return {"actor": actor, **made}


def ids(world: dict[str, Any], **params: Any) -> list[str]:
    page = search_customer_accounts(world["actor"], "AWS", params)
    return [account.public_id for account in page.items]


def equals(key: str, value: str) -> dict[str, Any]:
    return {"EqualsTo": {"Key": key, "Value": {"StringValue": value}}}


def test_filters(world: dict[str, Any]) -> None:
    by_name = {"SortBy": "COMPANY_NAME", "SortOrder": "ASCENDING"}
    assert ids(world, Sort=by_name) == [world["any"], world["dup"], world["example"], world["none"]]
    assert ids(world, Filter=equals("ENRICHMENT_STATUS", "ENRICHED"), Sort=by_name) == [
        world["any"], world["example"],
    ]  # fmt: skip
    assert ids(world, Filter=equals("ENRICHMENT_STATUS", "ACTION_REQUIRED")) == [world["dup"]]
    assert ids(world, Filter=equals("COMPANY_NAME", "anycompany")) == [world["any"]]
    every = {"ContainsAll": {"Key": "PROGRAM_ELIGIBILITY",
                             "Value": {"StringListValue": ["MAP", "ISV Accelerate"]}}}  # fmt: skip
    assert ids(world, Filter=every) == [world["example"]]
    not_emea = {"NotFilter": equals("GEO", "EMEA")}
    assert set(ids(world, Filter=not_emea)) == {world["example"], world["none"], world["dup"]}


def test_score_sorts_by_rank_and_pages_cover_everything_once(world: dict[str, Any]) -> None:
    up = {"SortBy": "MARKETPLACE_ENGAGEMENT_SCORE", "SortOrder": "ASCENDING"}
    ranked = ids(world, Sort=up)
    assert ranked[:2] == [world["any"], world["example"]]  # Low before High; none last
    seen: list[str] = []
    token = None
    while True:
        page = search_customer_accounts(
            world["actor"], "AWS", {"Sort": up, "MaxResults": 1, "NextToken": token}
        )
        seen += [account.public_id for account in page.items]
        token = page.next_token
        if token is None:
            break
    assert seen == ranked and len(seen) == 4


def test_a_filter_of_another_search_is_refused_by_its_path(world: dict[str, Any]) -> None:
    tree = {"AndAllFilters": [equals("GEO", "EMEA"), equals("STAGE", "Qualified")]}
    with pytest.raises(RuleViolation) as refused:
        ids(world, Filter=tree)
    assert refused.value.errors[0].field == "Filter.AndAllFilters[1].EqualsTo.Key"
    with pytest.raises(RuleViolation) as token:
        ids(world, NextToken="forged")
    assert token.value.errors[0].field == "NextToken"


def stats(world: dict[str, Any], *fields: str, **params: Any) -> dict[str, Any]:
    params["Aggregations"] = [{"GroupBy": [field]} for field in fields]
    return statistics.customer_account_statistics(world["actor"], "AWS", params)


def buckets(result: dict[str, Any]) -> dict[str, int]:
    return {bucket["Values"][0]: bucket["Count"] for bucket in result["Buckets"]}


def test_statistics_group_in_the_database(world: dict[str, Any]) -> None:
    with CaptureQueriesContext(connection) as queries:
        answer = stats(world, "ENRICHMENT_STATUS", "GEO", "PROGRAM_ELIGIBILITY")
    assert any("GROUP BY" in query["sql"] for query in queries.captured_queries)
    assert answer["TotalCount"] == 4
    status, geo, programs = answer["Aggregations"]
    assert buckets(status) == {"ENRICHED": 2, "NO_MATCH_FOUND": 1, "ACTION_REQUIRED": 1}
    assert buckets(geo) == {"AMER": 1, "EMEA": 1} and geo["OtherCount"] == 0
    assert buckets(programs) == {"MAP": 2, "ISV Accelerate": 1}
    assert [b["Values"] for b in programs["Buckets"]] == [["MAP"], ["ISV Accelerate"]]


def test_include_missing_and_other_count(
    world: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = stats(world, "GEO", "PROGRAM_ELIGIBILITY", IncludeMissing=True)
    geo, programs = answer["Aggregations"]
    assert buckets(geo) == {"AMER": 1, "EMEA": 1, "": 2}
    assert buckets(programs) == {"MAP": 2, "ISV Accelerate": 1, "": 2}
    monkeypatch.setattr(statistics, "MAX_BUCKETS", 1)
    geo, programs = stats(world, "GEO", "PROGRAM_ELIGIBILITY")["Aggregations"]
    assert len(geo["Buckets"]) == 1 and geo["OtherCount"] == 1
    assert buckets(programs) == {"MAP": 2} and programs["OtherCount"] == 1


def test_statistics_take_the_filter(world: dict[str, Any]) -> None:
    answer = stats(world, "SEGMENT", Filter=equals("GEO", "EMEA"))
    assert answer["TotalCount"] == 1
    assert buckets(answer["Aggregations"][0]) == {"SMB": 1}
    assert CustomerAccount.objects.count() == 6  # the other catalog and company untouched
