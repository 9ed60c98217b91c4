"""The contract harness drives a Smithy RPC v2 CBOR service as it drives the JSON
ones: the marketing operations served by this test's handlers get hypothesis-drawn
valid and defective bodies, CBOR-encoded by `call`. Never a 500; a defect is a
ValidationException whose FieldList names its field. The marketing app's own
contract tests use the same `call(..., service=MARKETING)` and `request_strategy`."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from allyport.awsapi.tests.conftest import MARKETING, make_credentials
from allyport.awsapi.tests.contract.conftest import call
from allyport.awsapi.tests.contract.fuzz import FIELD_LIST, Fuzzed, budget
from allyport.awsapi.tests.test_rpc_v2_cbor import (
    CAMPAIGN_ID,
    get_campaign,
    list_campaigns,
    update_campaign_asset,
)

pytestmark = pytest.mark.django_db
CBOR_FUZZ = Fuzzed(
    MARKETING,
    FIELD_LIST,
    identifiers=("CampaignIdentifier", "CampaignAssetIdentifier"),
    examples=budget(18),
)
HANDLERS = {
    "GetCampaign": get_campaign,
    "ListCampaigns": list_campaigns,
    "UpdateCampaignAsset": update_campaign_asset,
}


@pytest.fixture(autouse=True)
def _handlers(handlers: Any) -> None:
    for name, handler in HANDLERS.items():
        handlers(name, handler, service=MARKETING)


def test_the_harness_sees_the_registered_cbor_operations() -> None:
    assert set(HANDLERS) <= set(CBOR_FUZZ.served())


@pytest.mark.parametrize("operation", sorted(HANDLERS))
def test_no_input_makes_a_cbor_operation_fail(operation: str) -> None:
    CBOR_FUZZ.fuzz(operation, make_credentials(), [CAMPAIGN_ID])


def test_a_defect_is_named_in_the_field_list() -> None:
    creds = make_credentials()
    answer = call(
        Client(), creds, "GetCampaign", {"Catalog": "AWS", "CampaignIdentifier": "x" * 20},
        service=MARKETING,
    )  # fmt: skip
    assert (answer.status, answer.code) == (400, "ValidationException")
    assert [item["Name"] for item in answer.body["FieldList"]] == ["CampaignIdentifier"]
    assert answer.body["Reason"] == "FIELD_VALIDATION_FAILED"
