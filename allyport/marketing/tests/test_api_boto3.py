"""The real boto3 `partnercentral-marketing` client against live_server, Smithy RPC v2
CBOR on the wire (checked on the request as it leaves the client): all 23 operations
with their answers' content, validation naming the field, another company's campaign
not found, ClientToken replays, paginators and the CloudTrail records."""

from __future__ import annotations

import gc
import io
import urllib.request
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import cbor2
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.audit.models import AuditEvent
from allyport.marketing.catalogue import make_template
from allyport.marketing.services import social
from allyport.testing import ApiCredentials, make_credentials, make_user

pytestmark = pytest.mark.django_db(transaction=True)
SERVICE = "partnercentral-marketing"


@dataclass
class Marketing:
    creds: ApiCredentials
    client: Any
    sent: list[Any]

    @property
    def company(self) -> Company:
        assert self.creds.company is not None
        return self.creds.company


@pytest.fixture(autouse=True)
def _no_throttling(settings: Any) -> None:
    settings.ALLYPORT_API_THROTTLING = False


@pytest.fixture
def connect(live_server: Any) -> Iterator[Callable[[], Marketing]]:
    clients: list[Any] = []

    def build() -> Marketing:
        creds = make_credentials()
        client = boto3.client(
            SERVICE,
            endpoint_url=f"{live_server.url}/api/aws",
            region_name="us-east-1",
            aws_access_key_id=creds.key_id,
            aws_secret_access_key=creds.secret,
            config=Config(retries={"total_max_attempts": 1}),
        )
        sent: list[Any] = []
        client.meta.events.register("before-send", lambda request, **_: sent.append(request))
        clients.append(client)
        return Marketing(creds, client, sent)

    yield build
    for client in clients:
        client.close()
    gc.collect()


@pytest.fixture
def api(connect: Callable[[], Marketing]) -> Marketing:
    return connect()


def test_the_wire_is_cbor(api: Marketing, live_server: Any) -> None:
    make_template()
    api.client.search_campaign_templates(Catalog="AWS", Themes=["MIGRATION_MODERNIZATION"])
    (request,) = api.sent
    assert request.url.endswith(
        "/service/AWSPartnerDemandGenerator/operation/SearchCampaignTemplates"
    )
    assert (
        request.headers["Content-Type"] == b"application/cbor"
        or request.headers["Content-Type"] == "application/cbor"
    )
    assert cbor2.loads(request.body) == {"Catalog": "AWS", "Themes": ["MIGRATION_MODERNIZATION"]}


def _campaign(api: Marketing, template_id: str, **extra: Any) -> dict[str, Any]:
    return api.client.create_campaign(  # type: ignore[no-any-return]
        Catalog="AWS",
        Name="Spring",
        CampaignTemplateId=template_id,
        SenderEmail="news@example.com",
        PrivacyPolicyUrl="https://example.com/privacy",
        PartnerAddress="1 Main St",
        StartOn="2030-01-01",
        EndOn="2030-03-01",
        EstimatedBudget={"Amount": "500", "CurrencyCode": "USD"},
        TotalBudget={"Amount": "1000.50", "CurrencyCode": "USD"},
        TargetAudience={"Industries": ["RETAIL"], "Countries": ["US"]},
        Tags=[{"Key": "team", "Value": "emea"}],
        **extra,
    )


def test_templates_and_campaigns(api: Marketing) -> None:
    template = make_template()
    make_template("Other", industry="RETAIL")
    found = api.client.search_campaign_templates(Catalog="AWS", Industry=["FINANCIAL_SERVICES"])
    assert found["TotalResults"] == 1
    assert found["CampaignTemplates"][0]["Name"] == "Migrate to AWS"
    got = api.client.get_campaign_template(Catalog="AWS", Identifier=template.public_id)
    detail = got["CampaignTemplate"]
    assert detail["Collection"] == "GENERAL" and detail["SetupDuration"] == "1 day"
    assert [a["Type"] for a in detail["AssetTemplates"]] == ["EMAIL", "LANDING_PAGE", "SOCIAL_POST"]
    made = _campaign(api, template.public_id)
    assert made["Id"].startswith("camp-") and made["Arn"].endswith(made["Id"])
    campaign = api.client.get_campaign(Catalog="AWS", CampaignIdentifier=made["Arn"])["Campaign"]
    assert campaign["Name"] == "Spring" and campaign["State"] == "DRAFT"
    assert campaign["TotalBudget"] == {"Amount": "1000.50", "CurrencyCode": "USD"}
    assert campaign["TargetAudience"]["Countries"] == ["US"]
    assert isinstance(campaign["CreatedAt"], datetime)
    api.client.update_campaign(Catalog="AWS", CampaignIdentifier=made["Id"], Name="Renamed")
    listed = api.client.list_campaigns(
        Catalog="AWS", States=["DRAFT"], Sort={"SortBy": "NAME", "SortOrder": "ASCENDING"}
    )
    assert [c["Name"] for c in listed["Items"]] == ["Renamed"]
    tags = api.client.list_tags_for_resource(ResourceArn=made["Arn"])
    assert tags["Tags"] == [{"Key": "team", "Value": "emea"}]
    api.client.tag_resource(ResourceArn=made["Arn"], Tags=[{"Key": "q", "Value": "1"}])
    api.client.untag_resource(ResourceArn=made["Arn"], TagKeys=["team"])
    assert api.client.list_tags_for_resource(ResourceArn=made["Arn"])["Tags"] == [
        {"Key": "q", "Value": "1"}
    ]
    api.client.delete_campaign(Catalog="AWS", CampaignIdentifier=made["Id"])
    with pytest.raises(ClientError) as gone:
        api.client.get_campaign(Catalog="AWS", CampaignIdentifier=made["Id"])
    assert gone.value.response["Error"]["Code"] == "ResourceNotFoundException"
    record = AuditEvent.objects.filter(event_name="CreateCampaign").get()
    assert record.record["eventSource"] == "partnercentral-marketing.amazonaws.com"
    assert record.record["userIdentity"]["type"] == "IAMUser"


def test_assets_activation_and_export(api: Marketing, mailoutbox: Any, live_server: Any) -> None:
    template = make_template()
    campaign_id = _campaign(api, template.public_id)["Id"]
    batch = api.client.batch_create_campaign_asset(
        Catalog="AWS",
        CampaignIdentifier=campaign_id,
        Entries=[
            {"SourceAssetTemplateIdentifier": "email-1"},
            {"SourceAssetTemplateIdentifier": "ghost"},
        ],
    )
    asset_id = batch["Successful"][0]["Id"]
    assert batch["Errors"][0]["Code"] == "ASSET_NOT_FOUND"
    assert batch["Successful"][0]["Layout"]["Options"][0]["Value"] == "Standard"
    updated = api.client.update_campaign_asset(
        Catalog="AWS",
        CampaignIdentifier=campaign_id,
        CampaignAssetIdentifier=asset_id,
        FieldValues=[
            {"FieldId": "Subject", "Value": {"Text": "Hello"}},
            {"FieldId": "Headline", "Value": {"Text": "Big news"}},
            {"FieldId": "Body", "Value": {"Text": "<p>Hi<script>x()</script></p>"}},
        ],
    )
    assert [i["Code"] for i in updated["ActivationIssues"]] == ["RECIPIENT_LIST_MISSING"]
    asset = api.client.get_campaign_asset(
        Catalog="AWS", CampaignIdentifier=campaign_id, CampaignAssetIdentifier=asset_id
    )["Asset"]
    body = next(v for v in asset["FieldValues"] if v["Field"]["FieldId"] == "Body")
    assert body["Value"]["Text"] == "<p>Hi</p>"  # sanitised on the way in
    listed = api.client.list_campaign_assets(Catalog="AWS", CampaignIdentifier=campaign_id)
    assert [(a["Id"], a["State"]) for a in listed["Items"]] == [(asset_id, "INACTIVE")]
    started = api.client.start_campaign_asset_activation_task(
        Catalog="AWS", CampaignIdentifier=campaign_id, CampaignAssetIdentifiers=[asset_id]
    )
    assert started["TaskStatus"] == "FAILED"
    assert started["Assets"][0]["Reason"] == "RECIPIENT_LIST_MISSING" and mailoutbox == []
    task = api.client.get_campaign_asset_activation_task(
        Catalog="AWS", CampaignIdentifier=campaign_id
    )
    assert task["TaskId"] == started["TaskId"] and isinstance(task["StartedAt"], datetime)
    deactivated = api.client.deactivate_campaign_asset(
        Catalog="AWS", CampaignIdentifier=campaign_id, CampaignAssetIdentifier=asset_id
    )
    assert deactivated["State"] == "INACTIVE" and deactivated["LastActivationStatus"] == "FAILED"
    export = api.client.start_campaign_asset_export_task(
        Catalog="AWS", CampaignIdentifier=campaign_id
    )
    got = api.client.get_campaign_asset_export_task(
        Catalog="AWS",
        CampaignIdentifier=campaign_id,
        CampaignAssetExportTaskIdentifier=export["Id"],
    )
    assert got["Status"] == "COMPLETED"
    assert got["ExpiresAt"] - datetime.now(UTC) <= timedelta(minutes=15)
    path = "/" + got["DownloadUrl"].split("://", 1)[1].split("/", 1)[1]  # on the public URL
    with urllib.request.urlopen(live_server.url + path) as response:  # noqa: S310 - test server
        archive = zipfile.ZipFile(io.BytesIO(response.read()))
    assert "campaign.json" in archive.namelist() and len(archive.namelist()) == 2
    api.client.delete_campaign_asset(
        Catalog="AWS", CampaignIdentifier=campaign_id, CampaignAssetIdentifier=asset_id
    )
    assert (
        api.client.list_campaign_assets(Catalog="AWS", CampaignIdentifier=campaign_id)["Items"]
        == []
    )


def test_social_connections(api: Marketing) -> None:
    url = api.client.create_social_connection_authorization_url(Catalog="AWS", Platform="LINKEDIN")
    assert url["Platform"] == "LINKEDIN" and "/social/authorize/" in url["AuthorizationUrl"]
    api.company.stage = "Confirmed"
    api.company.save(update_fields=["stage"])
    member = Actor.for_member(make_user(api.company, "marketing_staff"))
    state = url["AuthorizationUrl"].rstrip("/").rsplit("/", 1)[-1]
    connection = social.complete_authorization(member, state, "Our page")
    listed = api.client.list_social_connections(Catalog="AWS", Platform="LINKEDIN")["Items"]
    assert [(c["Id"], c["Status"], c["PageName"]) for c in listed] == [
        (connection.public_id, "AUTHORIZED", "Our page")
    ]
    api.client.delete_social_connection(Catalog="AWS", Identifier=connection.public_id)
    assert api.client.list_social_connections(Catalog="AWS")["Items"] == []


def test_refusals_name_the_field_and_hide_other_companies(connect: Callable[[], Marketing]) -> None:
    owner, other = connect(), connect()
    template = make_template()
    made = _campaign(owner, template.public_id)
    with pytest.raises(ClientError) as refused:
        owner.client.update_campaign(
            Catalog="AWS", CampaignIdentifier=made["Id"], StartOn="2030-05-01", EndOn="2030-04-01"
        )
    error = refused.value.response
    assert error["Error"]["Code"] == "ValidationException"
    assert "EndOn" in str(error)
    with pytest.raises(ClientError) as hidden:
        other.client.get_campaign(Catalog="AWS", CampaignIdentifier=made["Id"])
    assert hidden.value.response["Error"]["Code"] == "ResourceNotFoundException"
    assert other.client.list_campaigns(Catalog="AWS")["Items"] == []


def test_client_token_replays_and_pages(api: Marketing) -> None:
    template = make_template()
    first = _campaign(api, template.public_id, ClientToken="token-1")
    again = _campaign(api, template.public_id, ClientToken="token-1")
    assert first["Id"] == again["Id"]
    for n in range(3):
        _campaign(api, template.public_id, ClientToken=f"token-{n + 2}")
    pages = api.client.get_paginator("list_campaigns").paginate(
        Catalog="AWS", PaginationConfig={"PageSize": 2}
    )
    names = [[c["CampaignId"] for c in page["Items"]] for page in pages]
    assert [len(p) for p in names] == [2, 2] and len({i for p in names for i in p}) == 4
