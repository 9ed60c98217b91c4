"""What the contract tests share: calls signed with SigV4 through Django's test
client (no socket, no thread), company A with one of each resource the API has,
and company B's keys. `call` speaks each service's protocol: AWS JSON 1.0, or
Smithy RPC v2 CBOR for the services whose model says so (marketing)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import cbor2
import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from django.test import Client

from allyport.awsapi import service_models
from allyport.awsapi.tests.conftest import SELLING, ApiCredentials, cbor_path, decoded, target_of
from allyport.shapes import loader

HOST = "testserver"
PATH = "/api/aws"


@dataclass
class Answer:
    status: int
    body: dict[str, Any]

    @property
    def code(self) -> str:
        return str(self.body.get("__type", ""))


def is_cbor(service: str) -> bool:
    return service_models.protocol(service) == service_models.CBOR


def signed_headers(
    credentials: ApiCredentials, operation: str, body: bytes, service: str = SELLING
) -> dict[str, str]:
    """The headers botocore's SigV4Auth signs for this body (host `testserver`), with
    the protocol's own headers."""
    if is_cbor(service):
        path = PATH + cbor_path(service, operation)
        protocol = {"smithy-protocol": "rpc-v2-cbor", "Content-Type": "application/cbor"}
    else:
        path = PATH
        protocol = {
            "X-Amz-Target": f"{target_of(service)}.{operation}",
            "Content-Type": "application/x-amz-json-1.0",
        }
    request = AWSRequest(method="POST", url=f"http://{HOST}{path}", data=body, headers=protocol)
    signing_name = loader.service_model(service).signing_name
    SigV4Auth(
        Credentials(credentials.key_id, credentials.secret), signing_name, "us-east-1"
    ).add_auth(request)
    return dict(request.headers)


def call(
    client: Client,
    credentials: ApiCredentials,
    operation: str,
    params: Any,
    service: str = SELLING,
) -> Answer:
    """One signed call to `service` (selling unless named) in the service's protocol;
    `params` is JSON- or CBOR-encoded unless it is bytes already. The answer's body is
    decoded the same way (CBOR timestamps arrive as datetimes)."""
    cbor = is_cbor(service)
    if isinstance(params, bytes):
        body = params
    else:
        body = cbor2.dumps(params) if cbor else json.dumps(params).encode()
    headers = signed_headers(credentials, operation, body, service)
    content_type = headers.pop("Content-Type")
    headers["Host"] = HOST
    path = PATH + cbor_path(service, operation) if cbor else PATH
    response = client.post(path, data=body, content_type=content_type, headers=headers)
    kind = response.headers.get("Content-Type", "")
    return Answer(response.status_code, decoded(response.content, kind))


@pytest.fixture(autouse=True)
def _no_throttling(settings: Any) -> None:
    settings.ALLYPORT_API_THROTTLING = False
