"""Every call that reaches the endpoint leaves one Event history record, failures
included: a body with values no database stores (they are refused, and replaced by
UNSUPPORTED_VALUE in the record) and a missing, empty or unknown X-Amz-Target."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from django.db import connection

from allyport.audit.models import AuditEvent
from allyport.awsapi.storable import MAX_DEPTH, UNSUPPORTED_VALUE, storable
from allyport.awsapi.tests.conftest import (
    SELLING,
    ApiCredentials,
    RawResponse,
    make_credentials,
    send,
)

LIST = "AWSPartnerCentralSelling.ListSolutions"
DEEP = b'{"Catalog": "AWS", "Sort": ' + b"[" * 100 + b"]" * 100 + b"}"

# (target header or None for none, body, error code, requestParameters recorded)
CASES: list[tuple[str | None, bytes, str, Any]] = [
    (LIST, b'{"Catalog": 1e999}', "SerializationException", {"Catalog": UNSUPPORTED_VALUE}),
    (LIST, b'{"Catalog": -1e999}', "SerializationException", {"Catalog": UNSUPPORTED_VALUE}),
    (LIST, b'{"MaxResults": NaN}', "SerializationException", {"MaxResults": UNSUPPORTED_VALUE}),
    (LIST, b'{"Catalog": Infinity}', "SerializationException", {"Catalog": UNSUPPORTED_VALUE}),
    (LIST, b'{"Catalog": -Infinity}', "SerializationException", {"Catalog": UNSUPPORTED_VALUE}),
    (LIST, b'{"Catalog": "a\\u0000b"}', "SerializationException", {"Catalog": UNSUPPORTED_VALUE}),
    (LIST, b'{"a\\u0000": 1}', "SerializationException", {UNSUPPORTED_VALUE: 1}),
    (LIST, b'{"Catalog": "\\ud800"}', "SerializationException", {"Catalog": UNSUPPORTED_VALUE}),
    (LIST, DEEP, "SerializationException", None),
    (None, b"{}", "UnknownOperationException", None),
    ("", b"{}", "UnknownOperationException", None),
    ("DynamoDB_20120810.ListTables", b"{}", "UnknownOperationException", None),
    ("AWSPartnerCentralSelling.DoSomethingElse", b"{}", "UnknownOperationException", None),
]


def post(url: str, credentials: ApiCredentials, target: str | None, body: bytes) -> RawResponse:
    """Signed by botocore's SigV4Auth, with the target header as given (or none)."""
    headers = {"Content-Type": "application/x-amz-json-1.0"}
    if target is not None:
        headers["X-Amz-Target"] = target
    request = AWSRequest(method="POST", url=url, data=body, headers=headers)
    SigV4Auth(Credentials(credentials.key_id, credentials.secret), SELLING, "us-east-1").add_auth(
        request
    )
    return send(url, body, dict(request.headers))


def assert_refused_and_recorded(
    url: str, target: str | None, body: bytes, code: str, recorded: Any
) -> None:
    credentials = make_credentials()
    before = set(AuditEvent.objects.values_list("pk", flat=True))
    answer = post(url, credentials, target, body)
    assert answer.status == 400
    assert answer.body["__type"] == code
    records = list(AuditEvent.objects.exclude(pk__in=before))
    assert len(records) == 1
    record = records[0]
    assert record.error_code == code
    assert record.record["errorCode"] == code
    assert record.record["errorMessage"] == answer.body["Message"]
    assert record.record["requestID"] == answer.headers["x-amzn-RequestId"]
    assert record.record["userIdentity"]["accessKeyId"] == credentials.key_id
    if recorded is not None:
        assert record.record["requestParameters"] == recorded
    if body == DEEP:
        assert UNSUPPORTED_VALUE in str(record.record["requestParameters"])


@pytest.mark.parametrize(("target", "body", "code", "recorded"), CASES)
def test_a_refused_call_is_answered_and_recorded_once(
    api_url: str, transactional_db: None, target: str | None, body: bytes, code: str, recorded: Any
) -> None:
    assert_refused_and_recorded(api_url, target, body, code, recorded)


@pytest.mark.postgres
@pytest.mark.parametrize(("target", "body", "code", "recorded"), CASES)
def test_a_refused_call_is_recorded_once_on_postgresql(
    api_url: str, transactional_db: None, target: str | None, body: bytes, code: str, recorded: Any
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")
    assert_refused_and_recorded(api_url, target, body, code, recorded)


def test_storable_replaces_what_no_database_stores() -> None:
    deep: Any = "leaf"
    for _ in range(MAX_DEPTH + 5):
        deep = [deep]
    value = {"n": float("inf"), "ok": [1.5, "text"], "t\x00": "a\x00", "deep": deep}
    kept = storable(value)
    assert kept["n"] == UNSUPPORTED_VALUE
    assert kept["ok"] == [1.5, "text"]
    assert kept[UNSUPPORTED_VALUE] == UNSUPPORTED_VALUE
    assert UNSUPPORTED_VALUE in str(kept["deep"])
    assert "leaf" not in str(kept["deep"])
