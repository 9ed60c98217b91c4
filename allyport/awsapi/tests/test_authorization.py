"""The policy evaluator decides each call: action partnercentral:<Op>, the resource,
and the partnercentral:Catalog condition key."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from allyport.awsapi.tests.conftest import SANDBOX_ACCESS, make_credentials

OPPORTUNITY_ARN = "arn:aws:partnercentral:us-east-1:111122223333:catalog/{}/opportunity/O123"


def get_summary(ctx: Any, params: dict) -> dict:
    catalog = params["Catalog"]
    ctx.authorize(OPPORTUNITY_ARN.format(catalog), catalog=catalog)
    return {"Catalog": catalog, "RelatedOpportunityId": params["RelatedOpportunityIdentifier"]}


@pytest.fixture(autouse=True)
def _summary(handlers: Any) -> None:
    handlers("GetAwsOpportunitySummary", get_summary)


@pytest.fixture
def sandbox_client(boto_for: Any, transactional_db: None) -> Any:
    return boto_for(make_credentials(SANDBOX_ACCESS))


def test_it_lets_the_sandbox_policy_call_the_sandbox_catalog(sandbox_client: Any) -> None:
    answer = sandbox_client.get_aws_opportunity_summary(
        Catalog="Sandbox", RelatedOpportunityIdentifier="O123"
    )
    assert answer["RelatedOpportunityId"] == "O123"


def test_it_keeps_the_sandbox_policy_out_of_the_aws_catalog(sandbox_client: Any) -> None:
    with pytest.raises(ClientError) as caught:
        sandbox_client.get_aws_opportunity_summary(
            Catalog="AWS", RelatedOpportunityIdentifier="O123"
        )
    error = caught.value.response["Error"]
    assert error["Code"] == "AccessDeniedException"
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    assert (
        "is not authorized to perform: partnercentral:GetAwsOpportunitySummary" in error["Message"]
    )
    assert OPPORTUNITY_ARN.format("AWS") in error["Message"]
    assert ":user/api" in error["Message"]


def test_it_lets_full_access_call_the_aws_catalog(client: Any) -> None:
    answer = client.get_aws_opportunity_summary(Catalog="AWS", RelatedOpportunityIdentifier="O1")
    assert answer["Catalog"] == "AWS"


def test_it_refuses_a_user_without_partner_central_policies(
    boto_for: Any, transactional_db: None
) -> None:
    creds = make_credentials("arn:aws:iam::aws:policy/AWSMarketplaceSellerFullAccess")
    with pytest.raises(ClientError) as caught:
        boto_for(creds).get_aws_opportunity_summary(
            Catalog="AWS", RelatedOpportunityIdentifier="O1"
        )
    assert caught.value.response["Error"]["Code"] == "AccessDeniedException"
    assert "no identity-based policy allows" in caught.value.response["Error"]["Message"]
