"""SigV4 against the cloud app's access keys, with the real boto3 client."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

from allyport.access.actor import system
from allyport.awsapi.tests.conftest import (
    SANDBOX_ACCESS,
    SELLING,
    ApiCredentials,
    make_credentials,
    send,
    signed_post,
)
from allyport.cloud import services as cloud
from allyport.cloud.models import AccessKey

BODY = b'{"Catalog": "AWS"}'


def list_solutions(ctx: Any, params: dict) -> dict:
    ctx.authorize(catalog=params["Catalog"])
    return {"SolutionSummaries": []}


@pytest.fixture(autouse=True)
def _solutions(handlers: Any) -> None:
    handlers("ListSolutions", list_solutions)


def error_of(call: Any) -> dict:
    with pytest.raises(ClientError) as caught:
        call()
    return caught.value.response


def test_it_accepts_a_good_signature(client: Any) -> None:
    answer = client.list_solutions(Catalog="AWS")
    assert answer["SolutionSummaries"] == []
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert answer["ResponseMetadata"]["RequestId"]


def test_it_serves_the_path_with_a_trailing_slash_too(api_url: str, creds: ApiCredentials) -> None:
    answer = signed_post(api_url + "/", creds, "ListSolutions", BODY)
    assert answer.status == 200, answer.body
    assert answer.headers["Content-Type"] == "application/x-amz-json-1.0"


def test_it_refuses_a_wrong_secret(boto_for: Any, creds: ApiCredentials) -> None:
    client = boto_for(creds, secret="x" * 40)
    error = error_of(lambda: client.list_solutions(Catalog="AWS"))
    assert error["Error"]["Code"] == "InvalidSignatureException"
    assert error["ResponseMetadata"]["HTTPStatusCode"] == 403
    assert "does not match" in error["Error"]["Message"]


def test_it_refuses_an_unknown_key(boto_for: Any, creds: ApiCredentials) -> None:
    client = boto_for(creds, key_id="AKIAUNKNOWNUNKNOWN00")
    error = error_of(lambda: client.list_solutions(Catalog="AWS"))
    assert error["Error"]["Code"] == "UnrecognizedClientException"
    assert error["ResponseMetadata"]["HTTPStatusCode"] == 403


def test_it_refuses_an_inactive_key_like_an_unknown_one(
    boto_for: Any, creds: ApiCredentials
) -> None:
    cloud.set_access_key_status(system(), creds.key, AccessKey.INACTIVE)
    error = error_of(lambda: boto_for(creds).list_solutions(Catalog="AWS"))
    assert error["Error"]["Code"] == "UnrecognizedClientException"
    assert error["Error"]["Message"] == "The security token included in the request is invalid."


@pytest.mark.parametrize("minutes", [-10, 10])
def test_it_refuses_a_timestamp_more_than_five_minutes_off(
    api_url: str, creds: ApiCredentials, minutes: int
) -> None:
    when = datetime.now(UTC) + timedelta(minutes=minutes)
    answer = signed_post(api_url, creds, "ListSolutions", BODY, when=when)
    assert answer.status == 403
    assert answer.body["__type"] == "InvalidSignatureException"
    expected = "Signature expired" if minutes < 0 else "Signature not yet current"
    assert answer.body["Message"].startswith(expected)


def test_it_accepts_a_timestamp_within_five_minutes(api_url: str, creds: ApiCredentials) -> None:
    when = datetime.now(UTC) - timedelta(minutes=4)
    assert signed_post(api_url, creds, "ListSolutions", BODY, when=when).status == 200


def test_it_asks_for_a_token_when_there_is_no_signature(api_url: str, creds: Any) -> None:
    headers = {"X-Amz-Target": "AWSPartnerCentralSelling.ListSolutions"}
    answer = send(api_url, BODY, headers)
    assert answer.status == 403
    assert answer.body["__type"] == "MissingAuthenticationTokenException"
    assert answer.headers["x-amzn-ErrorType"] == "MissingAuthenticationTokenException"


@pytest.mark.parametrize(
    "authorization",
    [
        "AWS4-HMAC-SHA256 Credential=AKIA/20260101/us-east-1/partnercentral-selling/aws4_request",
        "AWS4-HMAC-SHA256 Credential=AKIA/x, SignedHeaders=host, Signature=ab",
        "AWS4-HMAC-SHA256 Credential=AKIA/20260101/us-east-1/partnercentral-selling/aws4_request,"
        " SignedHeaders=content-type, Signature=ab",
        "AWS AKIA:signature",
    ],
)
def test_it_refuses_an_incomplete_signature(
    api_url: str, creds: ApiCredentials, authorization: str
) -> None:
    headers = {"Authorization": authorization, "X-Amz-Date": "20260101T000000Z"}
    answer = send(api_url, BODY, headers)
    assert answer.status == 403
    assert answer.body["__type"] == "IncompleteSignatureException"


def test_it_refuses_a_signature_for_another_service(api_url: str, creds: ApiCredentials) -> None:
    answer = signed_post(
        api_url,
        creds,
        "ListSolutions",
        BODY,
        service="partnercentral-account",
        target_service=SELLING,
    )
    assert answer.status == 403
    assert answer.body["__type"] == "InvalidSignatureException"
    assert "partnercentral-selling" in answer.body["Message"]


def test_it_refuses_a_body_other_than_the_signed_one(api_url: str, creds: ApiCredentials) -> None:
    request = AWSRequest(method="POST", url=api_url, data=BODY, headers=_target_headers())
    signer = SigV4Auth(
        Credentials(creds.key_id, creds.secret), "partnercentral-selling", "us-east-1"
    )
    signer.add_auth(request)
    answer = send(api_url, b'{"Catalog": "Sandbox"}', dict(request.headers))
    assert answer.status == 403
    assert answer.body["__type"] == "InvalidSignatureException"


def _target_headers() -> dict[str, str]:
    return {
        "X-Amz-Target": "AWSPartnerCentralSelling.ListSolutions",
        "Content-Type": "application/x-amz-json-1.0",
    }


def test_it_refuses_an_account_linked_to_no_company(boto_for: Any, transactional_db: None) -> None:
    unlinked = make_credentials(linked=False)
    error = error_of(lambda: boto_for(unlinked).list_solutions(Catalog="AWS"))
    assert error["Error"]["Code"] == "AccessDeniedException"
    assert "not linked to a partner company" in error["Error"]["Message"]
    assert error["ResponseMetadata"]["HTTPStatusCode"] == 403


def test_it_notes_the_key_use_at_most_once_a_minute(client: Any, creds: ApiCredentials) -> None:
    client.list_solutions(Catalog="AWS")
    first = AccessKey.objects.get(pk=creds.key.pk).last_used_at
    assert first is not None
    client.list_solutions(Catalog="AWS")
    assert AccessKey.objects.get(pk=creds.key.pk).last_used_at == first
    AccessKey.objects.filter(pk=creds.key.pk).update(last_used_at=first - timedelta(minutes=2))
    client.list_solutions(Catalog="AWS")
    assert AccessKey.objects.get(pk=creds.key.pk).last_used_at > first


def test_it_pings_with_a_signature(api_url: str, creds: ApiCredentials) -> None:
    answer = signed_post(api_url + "/_ping", creds, "Ping", b"{}")
    assert answer.status == 200
    assert answer.body == {}
    assert answer.headers["x-amzn-RequestId"]


def test_it_refuses_a_ping_without_a_good_signature(api_url: str, creds: ApiCredentials) -> None:
    creds.secret = "y" * 40
    answer = signed_post(api_url + "/_ping", creds, "Ping", b"{}")
    assert answer.status == 403
    assert answer.body["__type"] == "InvalidSignatureException"


def test_it_refuses_a_ping_from_an_unlinked_account(api_url: str, transactional_db: None) -> None:
    unlinked = make_credentials(SANDBOX_ACCESS, linked=False)
    answer = signed_post(api_url + "/_ping", unlinked, "Ping", b"{}")
    assert answer.body["__type"] == "AccessDeniedException"
