"""What the contract tests share: calls signed with SigV4 through Django's test
client (no socket, no thread), company A with one of each resource the API has,
and company B's keys."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from django.test import Client

from allyport.awsapi.tests.conftest import SELLING, ApiCredentials, target_of

HOST = "testserver"
PATH = "/api/aws"


@dataclass
class Answer:
    status: int
    body: dict[str, Any]

    @property
    def code(self) -> str:
        return str(self.body.get("__type", ""))


def signed_headers(
    credentials: ApiCredentials, operation: str, body: bytes, service: str = SELLING
) -> dict[str, str]:
    """The headers botocore's SigV4Auth signs for this body (host `testserver`)."""
    request = AWSRequest(
        method="POST",
        url=f"http://{HOST}{PATH}",
        data=body,
        headers={
            "X-Amz-Target": f"{target_of(service)}.{operation}",
            "Content-Type": "application/x-amz-json-1.0",
        },
    )
    SigV4Auth(Credentials(credentials.key_id, credentials.secret), service, "us-east-1").add_auth(
        request
    )
    return dict(request.headers)


def call(
    client: Client,
    credentials: ApiCredentials,
    operation: str,
    params: Any,
    service: str = SELLING,
) -> Answer:
    """One signed call to `service` (selling unless named); `params` is JSON-encoded
    unless it is bytes already."""
    body = params if isinstance(params, bytes) else json.dumps(params).encode()
    headers = signed_headers(credentials, operation, body, service)
    content_type = headers.pop("Content-Type")
    headers["Host"] = HOST
    response = client.post(PATH, data=body, content_type=content_type, headers=headers)
    return Answer(response.status_code, json.loads(response.content or b"{}"))


@pytest.fixture(autouse=True)
def _no_throttling(settings: Any) -> None:
    settings.ALLYPORT_API_THROTTLING = False
