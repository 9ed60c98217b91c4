"""A throttled Selling API call says when to retry, and boto3's standard retry mode
waits that long: a create followed at once by an update succeeds."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.config import Config
from django_ratelimit.core import _get_window

from allyport.access.actor import system
from allyport.cloud import services as cloud
from allyport.marketplace.services.linking import link_for_operator
from allyport.pipeline.tests.conftest import complete
from allyport.pipeline.tests.test_api import editable, settle_server_threads
from allyport.testing import make_company

pytestmark = pytest.mark.django_db(transaction=True)
FULL_ACCESS = "arn:aws:iam::aws:policy/AWSPartnerCentralFullAccess"
PERIOD = 5  # one write each 5 seconds: long enough for create, get and update
WRITES_ONLY = {
    "partnercentral-selling": {
        "write": {
            "operations": ["CreateOpportunity", "UpdateOpportunity"],
            "rates": [f"1/{PERIOD}s"],
        }
    }
}


@pytest.fixture
def clients(live_server: Any, settings: Any) -> Iterator[tuple[str, Any, Any]]:
    """(company id, a client retrying as boto3's standard mode does, a client with a
    single attempt), both with the same access key."""
    settings.ALLYPORT_API_THROTTLING = True
    settings.ALLYPORT_API_QUOTAS = WRITES_ONLY
    company = make_company()[0]
    user = cloud.create_user(system(), link_for_operator(company).account, "crm")
    cloud.attach_policy(system(), user, FULL_ACCESS)
    key, secret = cloud.create_access_key(system(), user)

    def client(retries: dict[str, Any]) -> Any:
        return boto3.client(
            "partnercentral-selling",
            endpoint_url=live_server.url + "/api/aws",
            region_name="us-east-1",
            aws_access_key_id=key.access_key_id,
            aws_secret_access_key=secret,
            config=Config(retries=retries),  # type: ignore[arg-type]
        )

    standard = client({"mode": "standard"})
    single = client({"total_max_attempts": 1})
    yield company.public_id, standard, single
    standard.close()
    single.close()
    gc.collect()
    settle_server_threads()


def wait_for_a_fresh_window(company_id: str) -> None:
    """Start at the beginning of the company's write window, so create, get and
    update fall in one window (a window lasts through its last named second)."""
    ends = _get_window(company_id, PERIOD) + 1
    time.sleep(max(ends - time.time(), 0))


def test_a_throttled_update_says_when_to_retry_and_standard_retries_succeed(
    clients: tuple[str, Any, Any],
) -> None:
    company_id, standard, single = clients
    wait_for_a_fresh_window(company_id)
    created = standard.create_opportunity(Catalog="AWS", **complete())
    view = standard.get_opportunity(Catalog="AWS", Identifier=created["Id"])
    body = editable(view)
    body["Project"]["Title"] = "Renamed at once"

    with pytest.raises(single.exceptions.ThrottlingException) as caught:
        single.update_opportunity(**body)
    refused = caught.value.response
    assert refused["Error"] == {"Code": "ThrottlingException", "Message": "Rate exceeded"}
    assert refused["ResponseMetadata"]["HTTPStatusCode"] == 429
    headers = refused["ResponseMetadata"]["HTTPHeaders"]
    assert 1 <= int(headers["retry-after"]) <= PERIOD
    assert 0 < int(headers["x-amz-retry-after"]) <= PERIOD * 1000

    started = time.monotonic()
    updated = standard.update_opportunity(**body)
    assert updated["ResponseMetadata"]["RetryAttempts"] >= 1
    assert time.monotonic() - started < PERIOD + 1
    again = standard.get_opportunity(Catalog="AWS", Identifier=created["Id"])
    assert again["Project"]["Title"] == "Renamed at once"
