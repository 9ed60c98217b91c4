"""Routing by X-Amz-Target, the body, error bodies, and no 500 with details."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from botocore.exceptions import ClientError
from django.test import Client

from allyport.awsapi import registry, views
from allyport.awsapi.tests.conftest import SELLING, ApiCredentials, signed_post


def list_solutions(ctx: Any, params: dict) -> dict:
    ctx.authorize(catalog=params["Catalog"])
    return {"SolutionSummaries": []}


def test_it_refuses_an_unknown_operation(api_url: str, creds: ApiCredentials) -> None:
    answer = signed_post(api_url, creds, "DoSomethingElse", b"{}")
    assert answer.status == 400
    assert answer.body["__type"] == "UnknownOperationException"
    assert answer.headers["x-amzn-ErrorType"] == "UnknownOperationException"
    assert answer.headers["x-amzn-RequestId"]


def test_it_refuses_an_unknown_target_prefix(api_url: str, creds: ApiCredentials) -> None:
    headers = {"X-Amz-Target": "DynamoDB_20120810.ListTables"}
    answer = signed_post(api_url, creds, "ListSolutions", b"{}", headers=headers)
    assert answer.body["__type"] == "UnknownOperationException"


def test_it_says_when_an_operation_is_not_supported_yet(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every selling operation is served; one taken out of the registry (as a model
    update adds operations before they are built) answers UnknownOperationException."""
    monkeypatch.setattr(registry, "_handlers", dict(registry._handlers))
    registry.unregister(SELLING, "ListProspectingFromEngagementTasks")
    assert "ListProspectingFromEngagementTasks" not in registry.supported("partnercentral-selling")
    with pytest.raises(ClientError) as caught:
        client.list_prospecting_from_engagement_tasks(Catalog="AWS")
    assert caught.value.response["Error"]["Code"] == "UnknownOperationException"
    assert "not supported yet" in caught.value.response["Error"]["Message"]


@pytest.mark.parametrize(
    "body", [b"{not json", b'["a list"]', b'{"Catalog": NaN}', b'{"Catalog": "a\\u0000b"}', b"\xff"]
)
def test_it_refuses_a_body_that_is_not_a_json_object(
    api_url: str, creds: ApiCredentials, handlers: Any, body: bytes
) -> None:
    handlers("ListSolutions", list_solutions)
    answer = signed_post(api_url, creds, "ListSolutions", body)
    assert answer.status == 400
    assert answer.body["__type"] == "SerializationException"


def test_it_refuses_a_deeply_nested_body(
    api_url: str, creds: ApiCredentials, handlers: Any
) -> None:
    handlers("ListSolutions", list_solutions)
    body = b'{"Catalog": "AWS", "Sort": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    answer = signed_post(api_url, creds, "ListSolutions", body)
    assert answer.body["__type"] == "SerializationException"


def test_it_takes_an_empty_body_as_an_empty_object(
    api_url: str, creds: ApiCredentials, handlers: Any
) -> None:
    handlers("ListSolutions", list_solutions)
    answer = signed_post(api_url, creds, "ListSolutions", b"")
    assert answer.body["__type"] == "ValidationException"
    assert answer.body["ErrorList"][0]["FieldName"] == "Catalog"


def test_it_answers_only_post(db: None) -> None:
    response = Client().get("/api/aws")
    assert response.status_code == 405
    assert json.loads(response.content)["__type"] == "UnknownOperationException"
    assert response["Allow"] == "POST"


def test_it_hides_an_unexpected_error_behind_an_internal_server_exception(
    client: Any, handlers: Any, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(ctx: Any, params: dict) -> dict:
        ctx.authorize(catalog=params["Catalog"])
        raise KeyError("secret detail")

    handlers("ListSolutions", broken)
    with (
        caplog.at_level(logging.ERROR, logger="allyport.awsapi"),
        pytest.raises(ClientError) as caught,
    ):
        client.list_solutions(Catalog="AWS")
    response = caught.value.response
    assert response["Error"]["Code"] == "InternalServerException"
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 500
    request_id = response["ResponseMetadata"]["RequestId"]
    assert request_id in response["Error"]["Message"]
    assert "secret detail" not in response["Error"]["Message"]
    assert any(request_id in record.getMessage() for record in caplog.records)


def test_it_refuses_a_handler_that_never_authorizes(client: Any, handlers: Any) -> None:
    handlers("ListSolutions", lambda ctx, params: {"SolutionSummaries": []})
    with pytest.raises(ClientError) as caught:
        client.list_solutions(Catalog="AWS")
    assert caught.value.response["Error"]["Code"] == "InternalServerException"


def test_it_answers_a_modeled_error_with_its_members(client: Any, handlers: Any) -> None:
    from allyport.awsapi.registry import Validation

    def refuse(ctx: Any, params: dict) -> dict:
        ctx.authorize(catalog=params["Catalog"])
        raise Validation(
            "bad",
            reason="BUSINESS_VALIDATION_FAILED",
            errors=[("Customer.Account.WebsiteUrl", "required", "REQUIRED_FIELD_MISSING")],
        )

    handlers("ListSolutions", refuse)
    with pytest.raises(client.exceptions.ValidationException) as caught:
        client.list_solutions(Catalog="AWS")
    response = caught.value.response
    assert response["Reason"] == "BUSINESS_VALIDATION_FAILED"
    assert response["ErrorList"] == [
        {
            "FieldName": "Customer.Account.WebsiteUrl",
            "Message": "required",
            "Code": "REQUIRED_FIELD_MISSING",
        }
    ]


@pytest.mark.parametrize(
    ("error_name", "code", "status"),
    [
        ("ResourceNotFound", "ResourceNotFoundException", 404),
        ("Conflict", "ConflictException", 409),
        ("AccessDenied", "AccessDeniedException", 403),
        ("ServiceQuotaExceeded", "ServiceQuotaExceededException", 402),
    ],
)
def test_it_answers_each_error_with_its_code_and_status(
    client: Any, handlers: Any, error_name: str, code: str, status: int
) -> None:
    from allyport.awsapi import registry

    def refuse(ctx: Any, params: dict) -> dict:
        ctx.authorize(catalog=params["Catalog"])
        raise getattr(registry, error_name)("no")

    handlers("ListSolutions", refuse)
    with pytest.raises(ClientError) as caught:
        client.list_solutions(Catalog="AWS")
    assert caught.value.response["Error"] == {"Code": code, "Message": "no"}
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == status


def test_it_is_mounted_at_api_aws() -> None:
    from django.urls import resolve

    assert resolve("/api/aws").func is views.endpoint
    assert resolve("/api/aws/").func is views.endpoint
    assert resolve("/api/aws/_ping").func is views.ping


def test_it_takes_a_request_without_a_target_as_an_unknown_operation(
    api_url: str, creds: ApiCredentials
) -> None:
    answer = signed_post(api_url, creds, "", b"{}", headers={"X-Amz-Target": ""})
    assert answer.body["__type"] == "UnknownOperationException"
