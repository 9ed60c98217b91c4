"""The registry's contract for the Marketing API (Smithy RPC v2 CBOR), as for the
other services (allyport/awsapi/tests/contract/): every served operation fuzzed with
valid and defective CBOR bodies (never a 500; a defect is a ValidationException
naming its field), and every identifier of company A answered as not found to
company B."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from allyport.awsapi.tests.conftest import MARKETING, ApiCredentials, make_credentials
from allyport.awsapi.tests.contract.conftest import Answer, call
from allyport.awsapi.tests.contract.fuzz import FIELD_LIST, Fuzzed, budget
from allyport.marketing.catalogue import make_template
from allyport.shapes import loader

pytestmark = pytest.mark.django_db
MARKETING_FUZZ = Fuzzed(
    MARKETING,
    FIELD_LIST,
    identifiers=("CampaignIdentifier", "CampaignAssetIdentifier", "ResourceArn"),
    examples=budget(18, cap=10),
)


def marketing(creds: ApiCredentials, operation: str, **params: Any) -> Answer:
    return call(Client(), creds, operation, params, service=MARKETING)


def world(creds: ApiCredentials) -> dict[str, str]:
    """A campaign with an asset, an export task and a social connection flow, through
    the API; their ids."""
    template = make_template()
    made = marketing(
        creds, "CreateCampaign", Catalog="AWS", Name="C", CampaignTemplateId=template.public_id
    ).body
    batch = marketing(
        creds,
        "BatchCreateCampaignAsset",
        Catalog="AWS",
        CampaignIdentifier=made["Id"],
        Entries=[{"SourceAssetTemplateIdentifier": "email-1"}],
    ).body
    export = marketing(
        creds, "StartCampaignAssetExportTask", Catalog="AWS", CampaignIdentifier=made["Id"]
    ).body
    return {
        "campaign": made["Id"],
        "arn": made["Arn"],
        "asset": batch["Successful"][0]["Id"],
        "export": export["Id"],
        "template": template.public_id,
    }


@pytest.fixture
def owner(db: None) -> tuple[ApiCredentials, dict[str, str]]:
    creds = make_credentials()
    return creds, world(creds)


def test_every_operation_of_the_model_is_served() -> None:
    assert MARKETING_FUZZ.served() == sorted(loader.service_model(MARKETING).operation_names)


@pytest.mark.parametrize("operation", MARKETING_FUZZ.served())
def test_no_input_makes_it_fail(operation: str, owner: Any) -> None:
    creds, ids = owner
    MARKETING_FUZZ.fuzz(operation, creds, [ids["campaign"], ids["arn"], ids["asset"]])


def _requests(w: dict[str, str]) -> dict[str, dict[str, Any]]:
    campaign, asset = {"CampaignIdentifier": w["campaign"]}, w["asset"]
    return {
        "GetCampaign": campaign,
        "UpdateCampaign": {**campaign, "Name": "Mine"},
        "DeleteCampaign": campaign,
        "ListCampaignAssets": campaign,
        "BatchCreateCampaignAsset": {
            **campaign,
            "Entries": [{"SourceAssetTemplateIdentifier": "email-1"}],
        },
        "GetCampaignAsset": {**campaign, "CampaignAssetIdentifier": asset},
        "UpdateCampaignAsset": {**campaign, "CampaignAssetIdentifier": asset, "Layout": "Short"},
        "DeactivateCampaignAsset": {**campaign, "CampaignAssetIdentifier": asset},
        "DeleteCampaignAsset": {**campaign, "CampaignAssetIdentifier": asset},
        "StartCampaignAssetActivationTask": {**campaign, "CampaignAssetIdentifiers": [asset]},
        "GetCampaignAssetActivationTask": campaign,
        "StartCampaignAssetExportTask": campaign,
        "GetCampaignAssetExportTask": {
            **campaign,
            "CampaignAssetExportTaskIdentifier": w["export"],
        },
        "ListTagsForResource": {"ResourceArn": w["arn"]},
        "TagResource": {"ResourceArn": w["arn"], "Tags": [{"Key": "k", "Value": "v"}]},
        "UntagResource": {"ResourceArn": w["arn"], "TagKeys": ["k"]},
        "DeleteSocialConnection": {"Identifier": "sc-0000000000000"},
    }


def test_every_identifier_is_not_found_to_another_company(owner: Any) -> None:
    creds, w = owner
    other = make_credentials()
    for operation, body in _requests(w).items():
        params = body if "ResourceArn" in body else {"Catalog": "AWS", **body}
        answer = call(Client(), other, operation, params, service=MARKETING)
        if operation == "DeleteSocialConnection":
            assert answer.code == "ResourceNotFoundException", answer.body
            continue
        assert answer.code == "ResourceNotFoundException", (operation, answer.body)
    listed = marketing(other, "ListCampaigns", Catalog="AWS")
    assert listed.status == 200 and listed.body["Items"] == []
    # The owner still sees them, unchanged.
    mine = marketing(creds, "GetCampaign", Catalog="AWS", CampaignIdentifier=w["campaign"]).body
    assert mine["Campaign"]["Name"] == "C"
    assert mine["Campaign"]["ActivationIssues"][0]["AffectedAssetIds"] == [w["asset"]]
