"""Smithy RPC v2 CBOR: botocore's own partnercentral-marketing client against the live
server, calling operations served by handlers registered for the test.

What goes on the wire (path, headers, CBOR body), timestamps both ways, the
protocol's errors as boto3's exception classes, SigV4 refusals, malformed requests
answered as client errors, idempotency, pagination and the CloudTrail record.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import cbor2
import pytest
from botocore.exceptions import ClientError

from allyport.audit.models import AuditEvent
from allyport.awsapi.idempotency import with_client_token
from allyport.awsapi.tests.conftest import (
    MARKETING,
    SANDBOX_ACCESS,
    ApiCredentials,
    cbor_path,
    make_credentials,
    send,
    signed_cbor_post,
)
from allyport.core import errors

ACCOUNT = "123456789012"
CAMPAIGN_ID = "camp-0123456789abc"
CAMPAIGN_ARN = f"arn:aws:partnercentral:us-east-1:{ACCOUNT}:catalog/AWS/campaign/{CAMPAIGN_ID}"
ASSET_ID = "ast-0123456789abc"
CREATED = datetime(2026, 3, 4, 5, 6, 7, 250000, tzinfo=UTC)
REFRESHED = datetime(2026, 3, 5, 0, 0, 0, tzinfo=UTC)
SOURCE = "partnercentral-marketing.amazonaws.com"


def campaign(identifier: str = CAMPAIGN_ID) -> dict[str, Any]:
    return {
        "CampaignId": identifier,
        "Arn": CAMPAIGN_ARN,
        "Name": "Spring launch",
        "State": "DRAFT",
        "PartnerProfile": {"DisplayName": "Acme", "RefreshedAt": REFRESHED},
        "EstimatedBudget": {"Amount": "1200.50", "CurrencyCode": "USD"},
        "CreatedAt": CREATED,
        "ActivationIssues": [],
    }


def get_campaign(ctx: Any, params: dict) -> dict:
    ctx.authorize(catalog=params["Catalog"])
    if params["CampaignIdentifier"] != CAMPAIGN_ID:
        raise errors.NotFound("Campaign", params["CampaignIdentifier"])
    return {"Campaign": campaign()}


def list_campaigns(ctx: Any, params: dict) -> dict:
    """Two pages of one campaign each, the second after NextToken "page-2"."""
    ctx.authorize(catalog=params["Catalog"])
    if params.get("NextToken") == "page-2":
        return {"Items": [_summary("camp-bbbbbbbbbbbbb")]}
    return {"Items": [_summary("camp-aaaaaaaaaaaaa")], "NextToken": "page-2"}


def _summary(identifier: str) -> dict[str, Any]:
    return {
        "CampaignId": identifier,
        "Arn": CAMPAIGN_ARN.replace(CAMPAIGN_ID, identifier),
        "Name": identifier,
        "State": "ACTIVE",
        "CreatedAt": CREATED,
    }


received: list[dict[str, Any]] = []


def update_campaign_asset(ctx: Any, params: dict) -> dict:
    """Creates an answer once per ClientToken; `received` keeps what the handler saw."""
    ctx.authorize(catalog=params["Catalog"])

    def create() -> dict[str, Any]:
        received.append(params)
        return {"Id": ASSET_ID, "State": "ACTIVE", "ActivationIssues": []}

    token = params.get("ClientToken")  # botocore fills it in; a raw call may not
    return with_client_token(ctx, token, params, create) if token else create()


@pytest.fixture(autouse=True)
def _handlers(handlers: Any) -> Iterator[None]:
    handlers("GetCampaign", get_campaign, service=MARKETING)
    handlers("ListCampaigns", list_campaigns, service=MARKETING)
    handlers("UpdateCampaignAsset", update_campaign_asset, service=MARKETING)
    received.clear()
    yield
    received.clear()


@pytest.fixture
def marketing(boto_for: Any, creds: ApiCredentials) -> Any:
    return boto_for(creds, service=MARKETING)


def wire(client: Any) -> list[Any]:
    """The requests the client sends, as they leave it (after signing)."""
    sent: list[Any] = []
    client.meta.events.register("before-send", lambda request, **_: sent.append(request))
    return sent


def test_the_request_is_cbor_on_the_protocol_path(marketing: Any, api_url: str) -> None:
    sent = wire(marketing)
    answer = marketing.get_campaign(Catalog="AWS", CampaignIdentifier=CAMPAIGN_ID)
    (request,) = sent
    assert request.url == f"{api_url}/service/AWSPartnerDemandGenerator/operation/GetCampaign"
    assert request.headers["Content-Type"] == b"application/cbor"
    assert request.headers["smithy-protocol"] == b"rpc-v2-cbor"
    assert b"partnercentral-marketing/aws4_request" in request.headers["Authorization"]
    assert cbor2.loads(request.body) == {"Catalog": "AWS", "CampaignIdentifier": CAMPAIGN_ID}
    headers = answer["ResponseMetadata"]["HTTPHeaders"]
    assert headers["content-type"] == "application/cbor"
    assert headers["smithy-protocol"] == "rpc-v2-cbor"
    assert answer["ResponseMetadata"]["RequestId"] == headers["x-amzn-requestid"]
    assert answer["Campaign"]["Name"] == "Spring launch"
    assert answer["Campaign"]["EstimatedBudget"] == {"Amount": "1200.50", "CurrencyCode": "USD"}


def test_timestamps_go_out_as_tag_1_epoch_seconds(marketing: Any) -> None:
    answer = marketing.get_campaign(Catalog="AWS", CampaignIdentifier=CAMPAIGN_ID)
    assert answer["Campaign"]["CreatedAt"] == CREATED
    assert answer["Campaign"]["PartnerProfile"]["RefreshedAt"] == REFRESHED


def test_the_raw_answer_carries_tag_1(api_url: str, creds: ApiCredentials) -> None:
    body = cbor2.dumps({"Catalog": "AWS", "CampaignIdentifier": CAMPAIGN_ID})
    answer = signed_cbor_post(api_url, creds, "GetCampaign", body)
    assert answer.status == 200
    # cbor2 reads tag 1 as a datetime: the value was a tagged epoch, not a string.
    assert answer.body["Campaign"]["CreatedAt"] == CREATED
    assert answer.headers["smithy-protocol"] == "rpc-v2-cbor"


def test_timestamps_come_in_as_tag_1_and_reach_the_handler(marketing: Any) -> None:
    sent = wire(marketing)
    when = datetime(2026, 7, 1, 9, 30, 15, 125000, tzinfo=UTC)
    answer = marketing.update_campaign_asset(
        Catalog="AWS", CampaignIdentifier=CAMPAIGN_ID, CampaignAssetIdentifier=ASSET_ID,
        ScheduledSendAt=when, SendMode="SCHEDULED", ClientToken="token-1",
    )  # fmt: skip
    assert answer["Id"] == ASSET_ID
    # botocore encodes the timestamp as tag 1 (cbor2 gives it back as a datetime).
    assert cbor2.loads(sent[0].body)["ScheduledSendAt"] == when
    (params,) = received
    assert params["ScheduledSendAt"] == when


def test_a_repeated_client_token_answers_without_creating_again(marketing: Any) -> None:
    call = {"Catalog": "AWS", "CampaignIdentifier": CAMPAIGN_ID,
            "CampaignAssetIdentifier": ASSET_ID, "ClientToken": "same-token"}  # fmt: skip
    first = marketing.update_campaign_asset(**call)
    again = marketing.update_campaign_asset(**call)
    assert (first["Id"], again["Id"]) == (ASSET_ID, ASSET_ID)
    assert len(received) == 1
    with pytest.raises(marketing.exceptions.ConflictException) as caught:
        marketing.update_campaign_asset(**call, Layout="Other")
    assert "Conflicting client token" in caught.value.response["Error"]["Message"]


def test_the_paginator_follows_next_token(marketing: Any) -> None:
    pages = marketing.get_paginator("list_campaigns").paginate(Catalog="AWS")
    names = [item["Name"] for page in pages for item in page["Items"]]
    assert names == ["camp-aaaaaaaaaaaaa", "camp-bbbbbbbbbbbbb"]


def test_a_validation_exception_names_every_invalid_field(marketing: Any) -> None:
    with pytest.raises(marketing.exceptions.ValidationException) as caught:
        marketing.get_campaign(Catalog="Elsewhere", CampaignIdentifier="not-a-campaign-identifier")
    error = caught.value.response
    assert error["Error"]["Code"] == "ValidationException"
    assert error["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert error["Error"]["Message"].startswith("2 validation errors detected")
    fields = {item["Name"]: item["Code"] for item in error["FieldList"]}
    assert fields == {
        "Catalog": "INVALID_ENUM_VALUE",
        "CampaignIdentifier": "INVALID_STRING_FORMAT",
    }
    assert error["Reason"] == "FIELD_VALIDATION_FAILED"


def test_a_missing_campaign_is_resource_not_found(marketing: Any) -> None:
    with pytest.raises(marketing.exceptions.ResourceNotFoundException) as caught:
        marketing.get_campaign(Catalog="AWS", CampaignIdentifier="camp-zzzzzzzzzzzzz")
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404
    assert "camp-zzzzzzzzzzzzz" in caught.value.response["Error"]["Message"]


def test_a_policy_that_does_not_allow_the_call_is_access_denied(
    boto_for: Any, transactional_db: None
) -> None:
    sandbox_only = boto_for(make_credentials(SANDBOX_ACCESS), service=MARKETING)
    with pytest.raises(sandbox_only.exceptions.AccessDeniedException) as caught:
        sandbox_only.get_campaign(Catalog="AWS", CampaignIdentifier=CAMPAIGN_ID)
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    assert "partnercentral:GetCampaign" in caught.value.response["Error"]["Message"]
    assert (
        sandbox_only.get_campaign(Catalog="Sandbox", CampaignIdentifier=CAMPAIGN_ID)["Campaign"][
            "CampaignId"
        ]
        == CAMPAIGN_ID
    )


def test_over_the_rate_is_throttling(marketing: Any, settings: Any) -> None:
    settings.ALLYPORT_API_THROTTLING = True
    settings.ALLYPORT_API_QUOTAS = {MARKETING: {"reads": {"operations": ["*"], "rates": ["1/m"]}}}
    marketing.get_campaign(Catalog="AWS", CampaignIdentifier=CAMPAIGN_ID)
    with pytest.raises(marketing.exceptions.ThrottlingException) as caught:
        marketing.get_campaign(Catalog="AWS", CampaignIdentifier=CAMPAIGN_ID)
    response = caught.value.response
    assert response["Error"]["Message"] == "Rate exceeded"
    assert int(response["ResponseMetadata"]["HTTPHeaders"]["retry-after"]) >= 1


def test_a_wrong_secret_is_refused(boto_for: Any, creds: ApiCredentials) -> None:
    forged = boto_for(creds, secret="not-the-secret", service=MARKETING)
    with pytest.raises(ClientError) as caught:
        forged.get_campaign(Catalog="AWS", CampaignIdentifier=CAMPAIGN_ID)
    assert caught.value.response["Error"]["Code"] == "InvalidSignatureException"
    assert not AuditEvent.objects.filter(event_source=SOURCE).exists()


def test_an_unsigned_call_is_refused(api_url: str, creds: ApiCredentials) -> None:
    url = api_url + cbor_path(MARKETING, "GetCampaign")
    body = cbor2.dumps({"Catalog": "AWS", "CampaignIdentifier": CAMPAIGN_ID})
    headers = {"smithy-protocol": "rpc-v2-cbor", "Content-Type": "application/cbor"}
    answer = send(url, body, headers)
    assert answer.status == 403
    assert answer.body["__type"] == "MissingAuthenticationTokenException"
    assert answer.headers["smithy-protocol"] == "rpc-v2-cbor"


@pytest.mark.parametrize(
    "body",
    [b"\xa1", b"\xff", cbor2.dumps(["a list"]), cbor2.dumps({1: "integer key"}),
     cbor2.dumps({"Catalog": cbor2.CBORTag(99, "x")}), cbor2.dumps({"Catalog": float("nan")})],
)  # fmt: skip
def test_a_malformed_body_is_a_serialization_exception(
    api_url: str, creds: ApiCredentials, body: bytes
) -> None:
    answer = signed_cbor_post(api_url, creds, "GetCampaign", body)
    assert answer.status == 400
    assert answer.body["__type"] == "SerializationException"
    assert answer.body["Message"]
    assert answer.headers["Content-Type"] == "application/cbor"
    assert answer.headers["smithy-protocol"] == "rpc-v2-cbor"


@pytest.mark.parametrize(
    ("operation", "headers", "method", "status", "code"),
    [
        ("GetCampaign", {"Content-Type": "application/json"}, "POST", 415,
         "UnsupportedMediaTypeException"),
        ("GetCampaign", {"smithy-protocol": "rpc-v2-json"}, "POST", 400, "SerializationException"),
        ("GetCampaigns", {}, "POST", 404, "UnknownOperationException"),
        ("GetCampaign", {}, "PUT", 405, "UnknownOperationException"),
    ],
)  # fmt: skip
def test_a_request_outside_the_protocol_is_a_client_error(
    api_url: str, creds: ApiCredentials, operation: str, headers: dict, method: str,
    status: int, code: str,
) -> None:  # fmt: skip
    body = cbor2.dumps({"Catalog": "AWS", "CampaignIdentifier": CAMPAIGN_ID})
    answer = signed_cbor_post(api_url, creds, operation, body, headers=headers, method=method)
    assert (answer.status, answer.body["__type"]) == (status, code)
    assert answer.headers["smithy-protocol"] == "rpc-v2-cbor"


@pytest.mark.parametrize(
    "path",
    ["/service/AWSPartnerCentralSelling/operation/ListSolutions",  # a JSON service
     "/service/Nope/operation/GetCampaign",
     "/service/awspartnerdemandgenerator/operation/GetCampaign"],  # names are case-sensitive
)  # fmt: skip
def test_an_unknown_service_is_not_found(api_url: str, creds: ApiCredentials, path: str) -> None:
    answer = signed_cbor_post(api_url, creds, "GetCampaign", b"\xa0", path=path)
    assert (answer.status, answer.body["__type"]) == (404, "UnknownOperationException")
    assert "Unknown service" in answer.body["Message"]


def test_the_call_is_recorded_in_cloudtrail_form(marketing: Any, creds: ApiCredentials) -> None:
    answer = marketing.get_campaign(Catalog="AWS", CampaignIdentifier=CAMPAIGN_ID)
    (event,) = AuditEvent.objects.filter(event_source=SOURCE, event_name="GetCampaign")
    record = event.record
    assert record["eventSource"] == SOURCE
    assert record["eventType"] == "AwsApiCall"
    assert record["requestID"] == answer["ResponseMetadata"]["RequestId"]
    assert record["requestParameters"] == {"Catalog": "AWS", "CampaignIdentifier": CAMPAIGN_ID}
    assert record["userIdentity"]["accessKeyId"] == creds.key_id
    assert event.read_only is True
    assert event.company == creds.company


def test_a_refused_call_is_recorded_with_its_error_code(marketing: Any) -> None:
    with pytest.raises(marketing.exceptions.ValidationException):
        marketing.get_campaign(Catalog="Elsewhere", CampaignIdentifier=CAMPAIGN_ID)
    (event,) = AuditEvent.objects.filter(event_source=SOURCE, event_name="GetCampaign")
    assert event.record["errorCode"] == "ValidationException"
    assert event.record["requestParameters"]["Catalog"] == "Elsewhere"
