"""SearchOpportunities through the real boto3 client against live_server: Keyword and
Filter, sorts, the paginator, refusals named by path, the policies and tenancy."""
# The boto3 fixtures of test_api are imported; test arguments name them again.
# ruff: noqa: F811

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from botocore.exceptions import ClientError

from allyport.audit.models import AuditEvent
from allyport.pipeline.tests.conftest import complete
from allyport.pipeline.tests.test_api import (  # noqa: F401  (fixtures)
    SANDBOX_ACCESS,
    Caller,
    _no_throttling,
    connect,
    create,
    crm,
    error_of,
)

pytestmark = pytest.mark.django_db(transaction=True)


def named(company: str, **changes: Any) -> dict[str, Any]:
    payload = complete(**changes)
    payload["Customer"]["Account"]["CompanyName"] = company
    return payload


def ids(answer: dict[str, Any]) -> list[str]:
    return [item["Id"] for item in answer["OpportunitySearchSummaries"]]


def test_it_searches_by_keyword_and_filter_through_boto3(crm: Caller) -> None:
    octank = create(crm, **named("Octank Health", OpportunityType="Expansion"))
    example = create(crm, **named("Example Corp"))
    assert ids(crm.client.search_opportunities(Catalog="AWS", Keyword="octank")) == [octank]
    expansion = {"EqualsTo": {"Key": "OpportunityType", "Value": {"StringValue": "Expansion"}}}
    assert ids(crm.client.search_opportunities(Catalog="AWS", Filter={"NotFilter": expansion})) == [
        example
    ]
    recent = {
        "GreaterThanOrEquals": {
            "Key": "CreatedDate",
            "Value": {"DateValue": datetime.now(UTC) - timedelta(hours=1)},
        }
    }
    both = crm.client.search_opportunities(
        Catalog="AWS",
        Keyword="corp",
        Filter={"AndAllFilters": [recent, {"NotFilter": expansion}]},
        Sort={"SortBy": "CustomerCompanyName", "SortOrder": "ASCENDING"},
    )
    assert ids(both) == [example]
    summary = both["OpportunitySearchSummaries"][0]
    assert summary["Customer"]["Account"] == {
        "CompanyName": "Example Corp",
        "Industry": "Software and Internet",
        "Address": {"CountryCode": "US"},
    }
    assert summary["LifeCycle"]["ReviewStatus"] == "Pending Submission"
    assert summary["Project"]["ExpectedCustomerSpend"] == [
        {"Amount": "2000", "CurrencyCode": "USD"}
    ]
    assert isinstance(summary["CreatedDate"], datetime)
    assert "AwsOpportunitySummary" not in summary and "Tags" not in summary
    # Every call is audited, as a read-only event with its request.
    event = AuditEvent.objects.filter(event_name="SearchOpportunities").latest("event_time")
    assert event.read_only and event.company == crm.company
    assert event.record["requestParameters"]["Keyword"]


def test_it_pages_search_opportunities_with_the_paginator(crm: Caller) -> None:
    made = {create(crm) for _ in range(5)}
    create(crm, "Sandbox")
    paginator = crm.client.get_paginator("search_opportunities")
    pages = list(
        paginator.paginate(
            Catalog="AWS",
            Sort={"SortBy": "OpportunityId", "SortOrder": "DESCENDING"},
            PaginationConfig={"PageSize": 2},
        )
    )
    assert len(pages) == 3
    seen = [item for page in pages for item in ids(page)]
    assert seen == sorted(made, reverse=True)
    tokens = [page["NextToken"] for page in pages if "NextToken" in page]
    assert len(tokens) == len(set(tokens)) == 2


def test_it_names_the_refused_member_by_its_path(crm: Caller) -> None:
    score = {"EqualsTo": {"Key": "EngagementScore", "Value": {"StringValue": "High"}}}
    stage = {"GreaterThan": {"Key": "Stage", "Value": {"StringValue": "Prospect"}}}
    for tree, field in (
        ({"OrAllFilters": [stage]}, "Filter.OrAllFilters[0].GreaterThan"),
        ({"NotFilter": score}, "Filter.NotFilter.EqualsTo.Key"),
        ({}, "Filter"),
    ):
        with pytest.raises(ClientError) as caught:
            crm.client.search_opportunities(Catalog="AWS", Filter=tree)
        error = error_of(caught)
        assert error["Code"] == "ValidationException"
        assert error["body"]["Reason"] == "REQUEST_VALIDATION_FAILED"
        assert [item["FieldName"] for item in error["body"]["ErrorList"]] == [field]


def test_a_sandbox_key_searches_only_the_sandbox(connect: Any) -> None:
    sandbox = connect(SANDBOX_ACCESS)
    made = create(sandbox, "Sandbox")
    assert ids(sandbox.client.search_opportunities(Catalog="Sandbox")) == [made]
    with pytest.raises(ClientError) as caught:
        sandbox.client.search_opportunities(Catalog="AWS")
    assert error_of(caught)["Code"] == "AccessDeniedException"


def test_another_companys_opportunities_never_appear(connect: Any) -> None:
    a, b = connect(), connect()
    mine = create(a, **named("Shared Name"))
    create(b, **named("Shared Name"))
    found = a.client.search_opportunities(Catalog="AWS", Keyword="Shared")
    assert ids(found) == [mine]
