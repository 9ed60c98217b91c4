"""The 23 Marketing API handlers through the operation registry: each request is
validated by the model first, the handler calls its service, and the answer is
serialized by the operation's output shape (what the wire carries, whatever the
protocol). The boto3 tests over the wire are in test_api_boto3.py."""

from __future__ import annotations

import importlib
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from allyport.access.actor import Actor
from allyport.awsapi import registry, service_models
from allyport.cloud.principals import IamPrincipal
from allyport.core.errors import NotFound
from allyport.marketing.catalogue import make_template
from allyport.marketing.permissions import OPERATIONS
from allyport.shapes import loader
from allyport.shapes.serialization import serialize
from allyport.shapes.validation import InvalidRequest, validate
from allyport.testing import make_credentials

pytestmark = pytest.mark.django_db
SERVICE = "partnercentral-marketing"


@pytest.fixture(scope="module", autouse=True)
def handlers() -> None:
    """Register the handlers (the endpoint does at start once it serves this protocol)."""
    if registry.handler_for(SERVICE, "GetCampaign") is None:
        served = service_models.json_services()
        patch = pytest.MonkeyPatch()
        patch.setattr(service_models, "json_services", lambda: (*served, SERVICE))
        try:
            importlib.import_module("allyport.marketing.api")
        finally:
            patch.undo()


@pytest.fixture
def caller() -> Actor:
    creds = make_credentials()
    principal = IamPrincipal.for_user(creds.user, access_key_id=creds.key_id)
    return Actor.for_iam(principal, creds.company)


def call(actor: Actor, name: str, **params: Any) -> dict[str, Any]:
    model = loader.operation_model(SERVICE, name)
    assert model is not None
    checked = validate(model.input_shape, params)
    ctx = registry.ApiContext(
        actor=actor, operation=name, service=SERVICE, request_id="r", params=checked
    )
    handler = registry.handler_for(SERVICE, name)
    assert handler is not None, name
    return serialize(model.output_shape, handler(ctx, checked) or {})


def test_every_operation_has_a_handler() -> None:
    assert registry.supported(SERVICE) == frozenset(OPERATIONS)


def test_the_operations_end_to_end(caller: Actor, mailoutbox: Any) -> None:
    template = make_template()
    found = call(
        caller, "SearchCampaignTemplates", Catalog="AWS", Themes=["MIGRATION_MODERNIZATION"]
    )
    assert found["TotalResults"] == 1 and found["CampaignTemplates"][0]["Id"] == template.public_id
    detail = call(caller, "GetCampaignTemplate", Catalog="AWS", Identifier=template.public_id)
    assert [a["Id"] for a in detail["CampaignTemplate"]["AssetTemplates"]] == [
        "email-1",
        "landing-1",
        "linkedin-1",
    ]
    made = call(
        caller,
        "CreateCampaign",
        Catalog="AWS",
        Name="API campaign",
        CampaignTemplateId=template.public_id,
        SenderEmail="a@b.example",
        PrivacyPolicyUrl="https://b.example/privacy",
        PartnerAddress="Main St",
        StartOn="2030-01-01",
        EndOn="2030-02-01",
        TotalBudget={"Amount": "1000", "CurrencyCode": "USD"},
        Tags=[{"Key": "team", "Value": "emea"}],
    )
    campaign_id, arn = made["Id"], made["Arn"]
    assert arn.endswith(f":catalog/AWS/campaign/{campaign_id}")
    batch = call(
        caller,
        "BatchCreateCampaignAsset",
        Catalog="AWS",
        CampaignIdentifier=arn,
        Entries=[
            {"SourceAssetTemplateIdentifier": "email-1"},
            {"SourceAssetTemplateIdentifier": "ghost"},
        ],
    )
    asset_id = batch["Successful"][0]["Id"]
    assert batch["Successful"][0]["Layout"]["Selected"] == "Standard"
    assert batch["Errors"][0]["SourceAssetTemplateId"] == "ghost"
    updated = call(
        caller,
        "UpdateCampaignAsset",
        Catalog="AWS",
        CampaignIdentifier=campaign_id,
        CampaignAssetIdentifier=asset_id,
        Layout="Short",
        FieldValues=[
            {"FieldId": "Subject", "Value": {"Text": "Hi"}},
            {"FieldId": "Headline", "Value": {"Text": "Hello"}},
            {"FieldId": "Body", "Value": {"Text": "<p>Body</p>"}},
        ],
    )
    assert [i["Code"] for i in updated["ActivationIssues"]] == ["RECIPIENT_LIST_MISSING"]
    asset = call(
        caller,
        "GetCampaignAsset",
        Catalog="AWS",
        CampaignIdentifier=campaign_id,
        CampaignAssetIdentifier=asset_id,
    )["Asset"]
    assert asset["Layout"]["Selected"] == "Short" and asset["LayoutPreviews"][0]["Format"] == "HTML"
    listed = call(caller, "ListCampaignAssets", Catalog="AWS", CampaignIdentifier=campaign_id)
    assert [a["Id"] for a in listed["Items"]] == [asset_id]
    got = call(caller, "GetCampaign", Catalog="AWS", CampaignIdentifier=campaign_id)["Campaign"]
    assert got["Name"] == "API campaign" and got["TotalBudget"]["Amount"] == "1000"
    assert got["ActivationIssues"][0]["AffectedAssetIds"] == [asset_id]
    call(caller, "UpdateCampaign", Catalog="AWS", CampaignIdentifier=campaign_id, Name="Renamed")
    campaigns = call(caller, "ListCampaigns", Catalog="AWS", States=["DRAFT"])
    assert [c["Name"] for c in campaigns["Items"]] == ["Renamed"]
    started = call(
        caller,
        "StartCampaignAssetActivationTask",
        Catalog="AWS",
        CampaignIdentifier=campaign_id,
        CampaignAssetIdentifiers=[asset_id],
    )
    assert started["TaskStatus"] == "FAILED"
    assert started["Assets"][0]["Reason"] == "RECIPIENT_LIST_MISSING"
    task = call(
        caller, "GetCampaignAssetActivationTask", Catalog="AWS", CampaignIdentifier=campaign_id
    )
    assert task["TaskId"] == started["TaskId"]
    export = call(
        caller, "StartCampaignAssetExportTask", Catalog="AWS", CampaignIdentifier=campaign_id
    )
    got_export = call(
        caller,
        "GetCampaignAssetExportTask",
        Catalog="AWS",
        CampaignIdentifier=campaign_id,
        CampaignAssetExportTaskIdentifier=export["Id"],
    )
    assert got_export["Status"] == "COMPLETED" and "/exports/" in got_export["DownloadUrl"]
    call(caller, "TagResource", ResourceArn=arn, Tags=[{"Key": "q", "Value": "1"}])
    call(caller, "UntagResource", ResourceArn=arn, TagKeys=["team"])
    assert call(caller, "ListTagsForResource", ResourceArn=arn)["Tags"] == [
        {"Key": "q", "Value": "1"}
    ]
    deactivated = call(
        caller,
        "DeactivateCampaignAsset",
        Catalog="AWS",
        CampaignIdentifier=campaign_id,
        CampaignAssetIdentifier=asset_id,
    )
    assert deactivated == {"Id": asset_id, "State": "INACTIVE", "LastActivationStatus": "FAILED"}
    call(
        caller,
        "DeleteCampaignAsset",
        Catalog="AWS",
        CampaignIdentifier=campaign_id,
        CampaignAssetIdentifier=asset_id,
    )
    call(caller, "DeleteCampaign", Catalog="AWS", CampaignIdentifier=campaign_id)
    with pytest.raises(NotFound):
        call(caller, "GetCampaign", Catalog="AWS", CampaignIdentifier=campaign_id)


def test_social_operations(caller: Actor) -> None:
    from allyport.marketing.services import social

    url = call(caller, "CreateSocialConnectionAuthorizationUrl", Catalog="AWS", Platform="X")
    assert url["Platform"] == "X" and "/social/authorize/" in url["AuthorizationUrl"]
    state = url["AuthorizationUrl"].rstrip("/").rsplit("/", 1)[-1]
    member = Actor.for_member(_member_of(caller))
    connection = social.complete_authorization(member, state, "Page")
    listed = call(caller, "ListSocialConnections", Catalog="AWS")
    assert listed["Items"][0]["Id"] == connection.public_id
    assert listed["Items"][0]["Status"] == "AUTHORIZED"
    call(caller, "DeleteSocialConnection", Catalog="AWS", Identifier=connection.public_id)
    assert call(caller, "ListSocialConnections", Catalog="AWS")["Items"] == []


def _member_of(caller: Actor) -> Any:
    from allyport.testing import make_user

    company = caller.company
    assert company is not None
    company.stage = "Confirmed"
    company.save(update_fields=["stage"])
    return make_user(company, "marketing_staff")


def test_the_model_refuses_before_the_handler(caller: Actor) -> None:
    with pytest.raises(InvalidRequest) as refused:
        call(caller, "GetCampaign", Catalog="Other", CampaignIdentifier="camp-1")
    assert {e.field for e in refused.value.errors} == {"Catalog", "CampaignIdentifier"}
    with pytest.raises(InvalidRequest):
        call(
            caller,
            "UpdateCampaignAsset",
            Catalog="AWS",
            CampaignIdentifier="camp-aaaaaaaaaaaaa",
            CampaignAssetIdentifier="ast-aaaaaaaaaaaaa",
            ScheduledSendAt=(timezone.now() + timedelta(days=1)).isoformat(),
            SendMode="LATER",
        )
