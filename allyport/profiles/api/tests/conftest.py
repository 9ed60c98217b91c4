"""The real boto3 client of the Account API against the live server."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
from botocore.config import Config

from allyport.testing import ApiCredentials

ACCOUNT = "partnercentral-account"


@pytest.fixture
def account_client(live_server: Any, settings: Any) -> Iterator[Callable[..., Any]]:
    """`account_client(creds)`: a boto3 `partnercentral-account` client, one attempt
    per call; closed and collected after the test (an open connection would hold a
    live-server thread past it)."""
    settings.ALLYPORT_API_THROTTLING = False
    clients: list[Any] = []

    def build(creds: ApiCredentials) -> Any:
        client = boto3.client(
            ACCOUNT, endpoint_url=f"{live_server.url}/api/aws", region_name="us-east-1",
            aws_access_key_id=creds.key_id, aws_secret_access_key=creds.secret,
            config=Config(retries={"total_max_attempts": 1}),
        )  # fmt: skip
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.close()
    gc.collect()
