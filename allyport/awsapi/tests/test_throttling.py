"""Per-company rates per operation group -> ThrottlingException (429)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings

from allyport.awsapi import throttling
from allyport.awsapi.tests.conftest import make_credentials

# Fixed windows of an hour: three calls straddle an edge once in ~10^4 runs.
TINY = {
    "partnercentral-selling": {
        "read": {"operations": ["ListSolutions", "GetAwsOpportunitySummary"], "rates": ["2/h"]},
        "other": {"operations": ["*"], "rates": ["1/h"]},
    }
}


def list_solutions(ctx: Any, params: dict) -> dict:
    ctx.authorize(catalog=params["Catalog"])
    return {"SolutionSummaries": []}


def summary(ctx: Any, params: dict) -> dict:
    ctx.authorize(catalog=params["Catalog"])
    return {"Catalog": params["Catalog"]}


@pytest.fixture
def tiny_quota(settings: Any, handlers: Any) -> None:
    settings.ALLYPORT_API_THROTTLING = True
    settings.ALLYPORT_API_QUOTAS = TINY
    handlers("ListSolutions", list_solutions)
    handlers("GetAwsOpportunitySummary", summary)


def test_it_throttles_a_company_past_its_quota(client: Any, tiny_quota: None) -> None:
    client.list_solutions(Catalog="AWS")
    client.get_aws_opportunity_summary(Catalog="AWS", RelatedOpportunityIdentifier="O1")
    with pytest.raises(client.exceptions.ThrottlingException) as caught:
        client.list_solutions(Catalog="AWS")
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 429
    assert caught.value.response["Error"]["Message"] == "Rate exceeded"
    headers = caught.value.response["ResponseMetadata"]["HTTPHeaders"]
    assert 1 <= int(headers["retry-after"]) <= 3600
    assert abs(int(headers["x-amz-retry-after"]) - int(headers["retry-after"]) * 1000) <= 1000


def test_it_says_the_seconds_until_the_window_refills() -> None:
    assert throttling._refills_in(1000.25, 0) == 0.75
    assert throttling._refills_in(1000.5, 3) == 3.5


def test_it_counts_each_company_apart(boto_for: Any, client: Any, tiny_quota: None) -> None:
    client.list_solutions(Catalog="AWS")
    client.list_solutions(Catalog="AWS")
    other = boto_for(make_credentials())
    assert other.list_solutions(Catalog="AWS")["SolutionSummaries"] == []


def test_it_does_not_throttle_when_turned_off(client: Any, tiny_quota: None, settings: Any) -> None:
    settings.ALLYPORT_API_THROTTLING = False
    for _ in range(4):
        client.list_solutions(Catalog="AWS")


def test_it_reads_the_published_quotas_by_default() -> None:
    quotas = django_settings.ALLYPORT_API_QUOTAS
    assert throttling.quota_group("partnercentral-selling", "GetOpportunity", quotas) == (
        "read",
        ["10/s", "100000/24h"],
    )
    assert throttling.quota_group("partnercentral-selling", "CreateOpportunity", quotas) == (
        "write",
        ["1/s", "10000/24h"],
    )
    assert throttling.quota_group("partnercentral-selling", "CreateEngagement", quotas) == (
        "engagement-write",
        ["15/s"],
    )
    assert throttling.quota_group("partnercentral-selling", "ListEngagements", quotas) == (
        "other.ListEngagements",
        ["10/s"],
    )
    # The Account API publishes no rates: each operation on its own, at the read rate.
    assert throttling.quota_group("partnercentral-account", "GetPartner", quotas) == (
        "each.GetPartner",
        ["10/s"],
    )


def test_the_readme_lists_every_quota() -> None:
    """The README's quota table says what settings.ALLYPORT_API_QUOTAS enforces."""
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text()
    section = readme.split("### API quotas", 1)[1].split("\n#", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("| ")]
    rows = {line.split("|")[1].strip(): line for line in lines[1:]}
    for name, group in django_settings.ALLYPORT_API_QUOTAS["partnercentral-selling"].items():
        row = rows[name]
        assert " and ".join(group["rates"]) in row
        for operation in group["operations"]:
            assert operation == "*" or operation in row
