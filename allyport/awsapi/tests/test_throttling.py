"""Per-company rates per operation group -> ThrottlingException (429)."""

from __future__ import annotations

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
    assert throttling.quota_group("partnercentral-account", "GetPartner", quotas) is None
