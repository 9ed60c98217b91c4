"""The AWS CLI against the live server and the real handlers (test_cli.py covers the
CLI against a stand-in handler and a refusal): list-solutions, create-opportunity
from --cli-input-json, get-opportunity, list-opportunities paged with --max-items
and --starting-token, and an unknown identifier."""

from __future__ import annotations

import json
from typing import Any

import pytest

from allyport.awsapi.tests.conftest import ApiCredentials
from allyport.awsapi.tests.test_cli import aws
from allyport.pipeline.tests.conftest import complete, make_solution

pytest.importorskip("awscli", reason="the AWS CLI is a dev dependency (awscli)")
pytestmark = pytest.mark.django_db(transaction=True)


def run(api_url: str, creds: ApiCredentials, *args: str) -> dict[str, Any]:
    result = aws(api_url, creds, *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def create(api_url: str, creds: ApiCredentials, token: str, **changes: Any) -> str:
    body = {"Catalog": "AWS", "ClientToken": token, **complete(**changes)}
    answer = run(api_url, creds, "create-opportunity", "--cli-input-json", json.dumps(body))
    return str(answer["Id"])


def test_list_solutions_shows_the_companys_offerings(api_url: str, creds: ApiCredentials) -> None:
    assert creds.company is not None
    solution = make_solution(creds.company, name="Octank Analytics")
    make_solution(creds.company, catalog="Sandbox", name="Sandbox only")
    answer = run(api_url, creds, "list-solutions", "--catalog", "AWS")
    (summary,) = answer["SolutionSummaries"]
    assert summary["Id"] == solution.public_id
    assert (summary["Name"], summary["Status"], summary["Catalog"]) == (
        "Octank Analytics", "Active", "AWS",
    )  # fmt: skip


def test_create_get_and_list_opportunities(api_url: str, creds: ApiCredentials) -> None:
    first = create(api_url, creds, "cli-1", PartnerOpportunityIdentifier="crm-cli-1")
    assert first.startswith("O")
    view = run(api_url, creds, "get-opportunity", "--catalog", "AWS", "--identifier", first)
    assert view["Id"] == first and view["PartnerOpportunityIdentifier"] == "crm-cli-1"
    assert view["Customer"]["Account"]["CompanyName"] == "Example Corp"
    assert view["Project"]["ExpectedCustomerSpend"][0]["Amount"] == "2000"
    assert view["LifeCycle"]["ReviewStatus"] == "Pending Submission"
    assert view["LastModifiedDate"].endswith(("Z", "+00:00"))
    # The same ClientToken and body replay the first answer.
    assert create(api_url, creds, "cli-1", PartnerOpportunityIdentifier="crm-cli-1") == first
    created = {first} | {create(api_url, creds, f"cli-{n}") for n in (2, 3)}
    assert len(created) == 3

    page = run(api_url, creds, "list-opportunities", "--catalog", "AWS", "--max-items", "2")
    assert len(page["OpportunitySummaries"]) == 2 and page["NextToken"]
    rest = run(
        api_url, creds, "list-opportunities", "--catalog", "AWS", "--max-items", "2",
        "--starting-token", page["NextToken"],
    )  # fmt: skip
    assert len(rest["OpportunitySummaries"]) == 1 and "NextToken" not in rest
    seen = [o["Id"] for o in page["OpportunitySummaries"] + rest["OpportunitySummaries"]]
    assert sorted(seen) == sorted(created)
    everything = run(api_url, creds, "list-opportunities", "--catalog", "AWS", "--page-size", "1")
    assert sorted(o["Id"] for o in everything["OpportunitySummaries"]) == sorted(created)


def test_get_opportunity_of_an_unknown_identifier(api_url: str, creds: ApiCredentials) -> None:
    result = aws(
        api_url, creds, "get-opportunity", "--catalog", "AWS", "--identifier", "O0000000000"
    )
    assert result.returncode != 0
    assert "ResourceNotFoundException" in result.stderr
