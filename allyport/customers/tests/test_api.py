"""The real boto3 client against live_server for each customer-account operation."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from botocore.exceptions import ClientError

from allyport.customers.tests.conftest import directory_entry
from allyport.pipeline.tests.test_api import SANDBOX_ACCESS, Caller, error_of

pytestmark = pytest.mark.django_db(transaction=True)
ARN = re.compile(
    r"arn:aws:partnercentral:[a-z0-9-]*:(\d{12}):catalog/AWS/customer-account/cust-acc-[0-9a-z]{13}"
)
ACCOUNT = {"CompanyName": "Example Corp", "Duns": "123456789", "WebsiteUrl": "https://example.com"}


def test_create_get_update_delete(crm: Caller) -> None:
    directory_entry()
    client = crm.client
    created = client.create_customer_account(
        Catalog="AWS", ClientToken="c-1", Account=ACCOUNT, PartnerAccountIdentifier="crm-9",
        Tags=[{"Key": "team", "Value": "east"}],
    )  # fmt: skip
    assert created["Status"] == "PENDING" and created["PartnerAccountIdentifier"] == "crm-9"
    match = ARN.fullmatch(created["Arn"])
    assert match and match.group(1) == crm.company.account_link.account.account_id
    replay = client.create_customer_account(
        Catalog="AWS", ClientToken="c-1", Account=ACCOUNT, PartnerAccountIdentifier="crm-9",
        Tags=[{"Key": "team", "Value": "east"}],
    )  # fmt: skip
    assert replay["Id"] == created["Id"]
    view = client.get_customer_account(Catalog="AWS", Identifier=created["Arn"])
    assert view["EnrichmentStatus"] == "ENRICHED"  # the immediate task backend ran it
    assert view["AwsEnrichment"]["Customer"]["Industry"] == "Software and Internet"
    assert view["Account"] == ACCOUNT and view["Tags"] == [{"Key": "team", "Value": "east"}]
    updated = client.update_customer_account(
        Catalog="AWS", Identifier=created["Id"], LastModifiedDate=view["LastModifiedDate"],
        Account={"CompanyName": "Renamed"},
    )  # fmt: skip
    assert updated["LastModifiedDate"] > view["LastModifiedDate"]
    assert updated["Status"] == "PENDING"
    again = client.get_customer_account(Catalog="AWS", Identifier=created["Id"])
    assert again["EnrichmentStatus"] == "NO_MATCH_FOUND" and again["Message"]
    with pytest.raises(ClientError) as stale:
        client.update_customer_account(
            Catalog="AWS", Identifier=created["Id"], LastModifiedDate=view["LastModifiedDate"],
            Account=ACCOUNT,
        )  # fmt: skip
    assert error_of(stale)["Code"] == "ConflictException"
    client.delete_customer_account(Catalog="AWS", Identifier=created["Id"])
    client.delete_customer_account(Catalog="AWS", Identifier=created["Id"])
    with pytest.raises(ClientError) as gone:
        client.get_customer_account(Catalog="AWS", Identifier=created["Id"])
    assert error_of(gone)["Code"] == "ResourceNotFoundException"


def test_duplicate_shows_the_existing_account(crm: Caller) -> None:
    directory_entry()
    first = crm.client.create_customer_account(Catalog="AWS", Account=ACCOUNT)
    second = crm.client.create_customer_account(
        Catalog="AWS", Account={"CompanyName": "Again", "Domain": "example.com"}
    )
    view = crm.client.get_customer_account(Catalog="AWS", Identifier=second["Id"])
    assert view["EnrichmentStatus"] == "ACTION_REQUIRED"
    assert view["ReasonCode"] == "DUPLICATE_CUSTOMER_MATCH"
    assert view["ExistingCustomerAccountArn"] == first["Arn"]
    assert "AwsEnrichment" not in view


def test_search_pages_and_statistics(crm: Caller) -> None:
    directory_entry()
    for index in range(3):
        crm.client.create_customer_account(
            Catalog="AWS",
            Account={"CompanyName": f"Customer {index}", "Domain": f"c{index}.example"},
        )
    crm.client.create_customer_account(Catalog="AWS", Account=ACCOUNT)
    pages = crm.client.get_paginator("search_customer_accounts").paginate(
        Catalog="AWS",
        Sort={"SortBy": "COMPANY_NAME", "SortOrder": "ASCENDING"},
        PaginationConfig={"PageSize": 2},
    )
    names = [
        s["CustomerAccount"]["CompanyName"] for p in pages for s in p["CustomerAccountSummaries"]
    ]
    assert names == ["Customer 0", "Customer 1", "Customer 2", "Example Corp"]
    found = crm.client.search_customer_accounts(
        Catalog="AWS",
        Filter={"EqualsTo": {"Key": "ENRICHMENT_STATUS", "Value": {"StringValue": "ENRICHED"}}},
    )["CustomerAccountSummaries"]
    assert [s["CustomerAccount"]["CompanyName"] for s in found] == ["Example Corp"]
    assert found[0]["AwsEnrichment"]["Insights"]["MarketplaceEngagementScore"] == "High"
    answer = crm.client.get_customer_account_statistics(
        Catalog="AWS", Aggregations=[{"GroupBy": ["ENRICHMENT_STATUS"]}], IncludeMissing=True
    )
    assert answer["TotalCount"] == 4
    result = answer["Aggregations"][0]
    assert result["Buckets"] == [
        {"Values": ["NO_MATCH_FOUND"], "Count": 3},
        {"Values": ["ENRICHED"], "Count": 1},
    ]
    assert result["OtherCount"] == 0 and result["GroupBy"] == ["ENRICHMENT_STATUS"]


def test_validation_names_fields(crm: Caller) -> None:
    with pytest.raises(ClientError) as caught:
        crm.client.create_customer_account(
            Catalog="AWS", Account={"CompanyName": " ", "Domain": "not a domain"}
        )
    error = error_of(caught)
    assert error["Code"] == "ValidationException"
    fields = [item["FieldName"] for item in error["body"]["ErrorList"]]
    assert fields == ["Account.CompanyName", "Account.Domain"]
    with pytest.raises(ClientError) as bad_filter:
        crm.client.search_customer_accounts(
            Catalog="AWS",
            Filter={"GreaterThan": {"Key": "GEO", "Value": {"StringValue": "EMEA"}}},
        )
    items = error_of(bad_filter)["body"]["ErrorList"]
    assert items[0]["FieldName"] == "Filter.GreaterThan"


def test_a_sandbox_key_cannot_touch_the_aws_catalog(connect: Callable[..., Caller]) -> None:
    sandbox = connect(SANDBOX_ACCESS)
    made = sandbox.client.create_customer_account(Catalog="Sandbox", Account=ACCOUNT)
    assert made["Catalog"] == "Sandbox"
    with pytest.raises(ClientError) as caught:
        sandbox.client.create_customer_account(Catalog="AWS", Account=ACCOUNT)
    assert error_of(caught)["Code"] == "AccessDeniedException"
    with pytest.raises(ClientError) as other:
        sandbox.client.get_customer_account(Catalog="Sandbox", Identifier=made["Id"].upper())
    assert error_of(other)["Code"] == "ValidationException"


def test_tags_by_the_customer_accounts_arn(crm: Caller) -> None:
    made = crm.client.create_customer_account(
        Catalog="AWS", Account=ACCOUNT, Tags=[{"Key": "team", "Value": "east"}]
    )
    crm.client.tag_resource(ResourceArn=made["Arn"], Tags=[{"Key": "tier", "Value": "gold"}])
    crm.client.untag_resource(ResourceArn=made["Arn"], TagKeys=["team"])
    tags = crm.client.list_tags_for_resource(ResourceArn=made["Arn"])["Tags"]
    assert tags == [{"Key": "tier", "Value": "gold"}]
    view = crm.client.get_customer_account(Catalog="AWS", Identifier=made["Id"])
    assert view["Tags"] == tags
    sandbox_arn = made["Arn"].replace("catalog/AWS/", "catalog/Sandbox/")
    with pytest.raises(ClientError) as other:
        crm.client.list_tags_for_resource(ResourceArn=sandbox_arn)
    assert error_of(other)["Code"] == "ResourceNotFoundException"
