"""API credentials, the real boto3 client against live_server, raw signed requests,
and test handlers registered for one test."""

from __future__ import annotations

import gc
import json
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from unittest import mock

import boto3
import cbor2
import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials

from allyport.awsapi import registry
from allyport.testing import (  # noqa: F401 - re-used by the API tests
    FULL_ACCESS,
    SANDBOX_ACCESS,
    ApiCredentials,
    make_credentials,
)

SELLING = "partnercentral-selling"
TARGET = "AWSPartnerCentralSelling"
MARKETING = "partnercentral-marketing"  # a Smithy RPC v2 CBOR service


@pytest.fixture(autouse=True)
def _no_throttling(settings: Any) -> None:
    """Off unless a test turns it on: the write quota is one call a second."""
    settings.ALLYPORT_API_THROTTLING = False


@pytest.fixture
def creds(transactional_db: None) -> ApiCredentials:
    return make_credentials()


@pytest.fixture
def api_url(live_server: Any) -> str:
    return f"{live_server.url}/api/aws"


@pytest.fixture
def boto_for(api_url: str) -> Iterator[Callable[..., Any]]:
    """The real boto3 client for these credentials, one attempt per call.

    After the test the clients are closed and garbage collected (a ClientError's
    traceback keeps its response, and so its connection, alive): a connection left
    open holds a live-server thread past the session, which then closes the shared
    in-memory SQLite connection from the wrong thread."""
    clients: list[Any] = []

    def build(
        credentials: ApiCredentials,
        secret: str | None = None,
        key_id: str = "",
        service: str = SELLING,
    ) -> Any:
        client = boto3.client(
            service,
            endpoint_url=api_url,
            region_name="us-east-1",
            aws_access_key_id=key_id or credentials.key_id,
            aws_secret_access_key=secret or credentials.secret,
            config=Config(retries={"total_max_attempts": 1}),
        )
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.close()
    gc.collect()


@pytest.fixture
def client(boto_for: Callable[..., Any], creds: ApiCredentials) -> Any:
    return boto_for(creds)


@pytest.fixture
def handlers(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """`handlers("ListSolutions", fn)` registers fn for this test only, in place of any
    handler the pipeline registered (the registry is restored afterwards);
    `handlers("GetCampaign", fn, service=MARKETING)` for another service."""
    monkeypatch.setattr(registry, "_handlers", dict(registry._handlers))

    def add(name: str, fn: Callable[..., Any], service: str = SELLING) -> None:
        registry.unregister(service, name)
        registry.operation(service, name)(fn)

    return add


@dataclass
class RawResponse:
    status: int
    headers: dict[str, str]
    body: dict[str, Any]


def target_of(service: str) -> str:
    """The X-Amz-Target prefix of a JSON service (`AWSPartnerCentralSelling` for selling)."""
    from allyport.shapes import loader

    return str(loader.service_model(service).metadata["targetPrefix"])


def signed_post(
    url: str,
    credentials: ApiCredentials,
    operation: str,
    body: bytes,
    *,
    when: datetime | None = None,
    headers: dict[str, str] | None = None,
    service: str = SELLING,
    target_service: str | None = None,
) -> RawResponse:
    """A request to `target_service` (else `service`) signed by botocore's own SigV4Auth
    for `service` (at `when`, if given), sent as is."""
    request = AWSRequest(
        method="POST",
        url=url,
        data=body,
        headers={
            "X-Amz-Target": f"{target_of(target_service or service)}.{operation}",
            "Content-Type": "application/x-amz-json-1.0",
            **(headers or {}),
        },
    )
    clock = mock.patch("botocore.auth.get_current_datetime", return_value=when)
    with clock if when is not None else nullcontext():
        signer = SigV4Auth(
            Credentials(credentials.key_id, credentials.secret), service, "us-east-1"
        )
        signer.add_auth(request)
    return send(url, body, dict(request.headers))


def cbor_path(service: str, operation: str) -> str:
    """Where a Smithy RPC v2 CBOR client posts, below the endpoint's path."""
    return f"/service/{target_of(service)}/operation/{operation}"


def signed_cbor_post(
    api_url: str,
    credentials: ApiCredentials,
    operation: str,
    body: bytes,
    *,
    service: str = MARKETING,
    headers: dict[str, str] | None = None,
    method: str = "POST",
    path: str | None = None,
) -> RawResponse:
    """A Smithy RPC v2 CBOR request as botocore sends it (path, `smithy-protocol`,
    `application/cbor`), signed by botocore's SigV4Auth; `headers` override, `path`
    replaces the protocol's path below the endpoint."""
    url = api_url + (path or cbor_path(service, operation))
    request = AWSRequest(
        method=method,
        url=url,
        data=body,
        headers={
            "smithy-protocol": "rpc-v2-cbor",
            "Content-Type": "application/cbor",
            "Accept": "application/cbor",
            **(headers or {}),
        },
    )
    signing_name = loader_signing_name(service)
    SigV4Auth(
        Credentials(credentials.key_id, credentials.secret), signing_name, "us-east-1"
    ).add_auth(request)
    return send(url, body, dict(request.headers), method=method)


def loader_signing_name(service: str) -> str:
    from allyport.shapes import loader

    return str(loader.service_model(service).signing_name)


def decoded(content: bytes, content_type: str) -> dict[str, Any]:
    """A JSON or CBOR answer's body."""
    if not content:
        return {}
    if content_type.startswith("application/cbor"):
        value = cbor2.loads(content)
    else:
        value = json.loads(content)
    assert isinstance(value, dict)
    return value


def send(url: str, body: bytes, headers: dict[str, str], method: str = "POST") -> RawResponse:
    """POST with urllib; HTTP errors are answers too."""
    prepared = urllib.request.Request(url, data=body, headers=headers, method=method)
    try:
        with urllib.request.urlopen(prepared, timeout=20) as response:  # noqa: S310
            kind = response.headers.get("Content-Type", "")
            return RawResponse(
                response.status, dict(response.headers), decoded(response.read(), kind)
            )
    except urllib.error.HTTPError as error:
        kind = error.headers.get("Content-Type", "")
        return RawResponse(error.code, dict(error.headers), decoded(error.read(), kind))
