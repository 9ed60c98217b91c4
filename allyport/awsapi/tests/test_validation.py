"""Input validated against the model, every problem named by its path."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from allyport.awsapi.refusals import answered
from allyport.awsapi.registry import Validation
from allyport.awsapi.tests.conftest import ApiCredentials, signed_post
from allyport.shapes import loader, validation

SELLING = "partnercentral-selling"


def shape_of(operation: str) -> Any:
    model = loader.operation_model(SELLING, operation)
    assert model is not None
    return model.input_shape


def problems(operation: str, params: dict) -> dict[str, str]:
    """{field: code} of the validation errors."""
    with pytest.raises(Validation) as caught, answered(params):
        validation.validate(shape_of(operation), params)
    assert caught.value.extra["Reason"] == "REQUEST_VALIDATION_FAILED"
    return {item.get("FieldName", ""): item["Code"] for item in caught.value.extra["ErrorList"]}


def never_called(ctx: Any, params: dict) -> dict:
    raise AssertionError("the handler runs only for valid input")


def test_it_names_each_nested_field_that_boto3_lets_through(client: Any, handlers: Any) -> None:
    handlers("CreateOpportunity", never_called)
    with pytest.raises(client.exceptions.ValidationException) as caught:
        client.create_opportunity(
            Catalog="AWS1",
            Customer={
                "Account": {"CompanyName": "x" * 121, "Address": {"CountryCode": "XX"}},
            },
            Project={
                "ExpectedCustomerSpend": [
                    {"Amount": "1.234", "CurrencyCode": "USD", "Frequency": "Monthly",
                     "TargetCompany": "AWS"}
                ]
            },
            LifeCycle={"TargetCloseDate": "2025-13-01"},
        )  # fmt: skip
    response = caught.value.response
    assert response["Reason"] == "REQUEST_VALIDATION_FAILED"
    codes = {item["FieldName"]: item["Code"] for item in response["ErrorList"]}
    assert codes == {
        "Catalog": "INVALID_STRING_FORMAT",
        "Customer.Account.CompanyName": "INVALID_STRING_FORMAT",
        "Customer.Account.Address.CountryCode": "INVALID_ENUM_VALUE",
        "Project.ExpectedCustomerSpend[0].Amount": "INVALID_STRING_FORMAT",
        "LifeCycle.TargetCloseDate": "INVALID_STRING_FORMAT",
    }
    assert response["Error"]["Message"].startswith("5 validation errors detected")


def test_it_refuses_what_boto3_would_have_refused(
    api_url: str, creds: ApiCredentials, handlers: Any
) -> None:
    handlers("ListSolutions", never_called)
    body = {"MaxResults": "ten", "Sort": {"SortBy": "Identifier"}, "Extra": 1}
    answer = signed_post(api_url, creds, "ListSolutions", json.dumps(body).encode())
    assert answer.status == 400
    codes = {item["FieldName"]: item["Code"] for item in answer.body["ErrorList"]}
    assert codes == {
        "Catalog": "REQUIRED_FIELD_MISSING",
        "MaxResults": "INVALID_VALUE",
        "Sort.SortOrder": "REQUIRED_FIELD_MISSING",
        "Extra": "INVALID_VALUE",
    }


def test_it_checks_numeric_ranges() -> None:
    assert problems("ListSolutions", {"Catalog": "AWS", "MaxResults": 5000}) == {
        "MaxResults": "VALUE_OUT_OF_RANGE"
    }
    assert problems("ListSolutions", {"Catalog": "AWS", "MaxResults": 0}) == {
        "MaxResults": "VALUE_OUT_OF_RANGE"
    }
    assert problems("ListSolutions", {"Catalog": "AWS", "MaxResults": True}) == {
        "MaxResults": "INVALID_VALUE"
    }


def test_it_checks_list_sizes() -> None:
    tasks = {"Catalog": "AWS", "TaskStatus": []}  # 1 to 3
    assert problems("ListEngagementFromOpportunityTasks", tasks) == {
        "TaskStatus": "NOT_ENOUGH_VALUES"
    }
    assert problems("ListSolutions", {"Catalog": "AWS", "Status": ["Active"] * 11}) == {
        "Status": "TOO_MANY_VALUES"
    }
    assert problems("ListSolutions", {"Catalog": "AWS", "Status": ["Active", "Gone"]}) == {
        "Status[1]": "INVALID_ENUM_VALUE"
    }


def test_it_wants_exactly_one_member_of_a_union() -> None:
    base = {"Catalog": "AWS", "ClientToken": "t", "EngagementIdentifier": "eng-abcdefghijklmn"}
    base["Type"] = "CustomerProject"
    assert problems("CreateEngagementContext", {**base, "Payload": {}}) == {
        "Payload": "INVALID_VALUE"
    }


def test_it_refuses_the_nul_character_that_no_database_stores() -> None:
    request = {"Catalog": "AWS", "ClientToken": "t", "Title": "a\x00b", "Description": "ok"}
    assert problems("CreateEngagement", request) == {"Title": "INVALID_VALUE"}


def test_it_reads_unicode_property_patterns() -> None:
    arn = "arn:aws:partnercentral:us-east-1:111122223333:catalog/AWS/opportunity/O1"
    good = {"ResourceArn": arn, "Tags": [{"Key": "Région 1", "Value": "über:valeur"}]}
    assert validation.validate(shape_of("TagResource"), good)["Tags"][0]["Key"] == "Région 1"
    bad = {"ResourceArn": arn, "Tags": [{"Key": "bad$key", "Value": "v"}]}
    assert problems("TagResource", bad) == {"Tags[0].Key": "INVALID_STRING_FORMAT"}


@pytest.mark.parametrize(
    "value",
    ["2025-01-02T03:04:05Z", "2025-01-02T03:04:05.123456Z", "2025-01-02T04:04:05+01:00",
     1735787045, 1735787045.0, "1735787045"],
)  # fmt: skip
def test_it_parses_timestamps_to_aware_datetimes(value: Any) -> None:
    params = {"Catalog": "AWS", "LastModifiedDate": {"AfterLastModifiedDate": value}}
    result = validation.validate(shape_of("ListOpportunities"), params)
    moment = result["LastModifiedDate"]["AfterLastModifiedDate"]
    assert moment.replace(microsecond=0) == datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


@pytest.mark.parametrize("value", ["yesterday", True, None, [], 10**30, "2025-02-30T00:00:00Z"])
def test_it_refuses_what_is_not_a_timestamp(value: Any) -> None:
    params = {"Catalog": "AWS", "LastModifiedDate": {"AfterLastModifiedDate": value}}
    if value is None:  # null is absent
        validation.validate(shape_of("ListOpportunities"), params)
        return
    assert problems("ListOpportunities", params) == {
        "LastModifiedDate.AfterLastModifiedDate": "INVALID_VALUE"
    }


def test_it_checks_doubles_longs_and_booleans() -> None:
    def search(value: dict) -> dict:
        return {"Catalog": "AWS", "Filter": {"EqualsTo": {"Field": "x", "Value": value}}}

    shape = shape_of("SearchOpportunities")
    assert shape is not None
    found = problems("SearchOpportunities", search({"DoubleValue": float("nan")}))
    assert found.get("Filter.EqualsTo.Value.DoubleValue") == "INVALID_VALUE"
    found = problems("SearchOpportunities", search({"LongValue": 2**63}))
    assert found.get("Filter.EqualsTo.Value.LongValue") == "VALUE_OUT_OF_RANGE"
    stats = {"Catalog": "AWS", "IncludeMissing": "yes"}
    assert problems("GetCustomerAccountStatistics", stats).get("IncludeMissing") == "INVALID_VALUE"


def test_it_refuses_members_of_an_operation_without_input() -> None:
    with pytest.raises(Validation) as caught, answered({}):
        validation.validate(None, {"Anything": 1})
    assert caught.value.errors == [("Anything", "Unknown member.", "INVALID_VALUE")]
    assert validation.validate(None, {}) == {}
