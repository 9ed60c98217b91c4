"""The marketing services as the API calls them: the catalogue's filters and pages,
every refused field at once, tenancy, tags by ARN, IAM callers decided by their
policies, and the recorded social authorization flow."""

from __future__ import annotations

import pytest

from allyport.access.actor import Actor
from allyport.access.decisions import PermissionDenied
from allyport.cloud.principals import IamPrincipal
from allyport.core.errors import NotFound, RuleViolation
from allyport.marketing.catalogue import make_template
from allyport.marketing.models import SocialConnection
from allyport.marketing.services import assets, campaigns, output, social, tags, templates
from allyport.marketing.services.scope import campaign_arn
from allyport.marketing.tests.helpers import asset_of, marketer, new_campaign
from allyport.testing import make_credentials

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor() -> Actor:
    return Actor.for_member(marketer())


def iam_actor(policy: str | None = None) -> Actor:
    creds = make_credentials(policy) if policy else make_credentials()
    creds.company.stage = "Confirmed"  # type: ignore[union-attr]
    creds.company.save(update_fields=["stage"])  # type: ignore[union-attr]
    principal = IamPrincipal.for_user(creds.user, access_key_id=creds.key_id)
    return Actor.for_iam(principal, creds.company)


def test_search_filters_by_each_member_and_pages(actor: Actor) -> None:
    make_template("A migrate", industry="FINANCIAL_SERVICES", themes=["MIGRATION_MODERNIZATION"])
    make_template(
        "B retail AI",
        industry="RETAIL",
        themes=["AI"],
        collection="BUILD_WITH_AI",
        customer_segments=["SMB"],
        aws_services=["Amazon Bedrock"],
        language="de",
    )
    make_template("C hidden", published=False)

    def names(**filters: object) -> list[str]:
        page, _total = templates.search_templates(actor, {"Catalog": "AWS", **filters})
        return [t.name for t in page.items]

    assert names() == ["A migrate", "B retail AI"]
    assert names(Industry=["RETAIL"]) == ["B retail AI"]
    assert names(Themes=["MIGRATION_MODERNIZATION"]) == ["A migrate"]
    assert names(Collection=["BUILD_WITH_AI"]) == ["B retail AI"]
    assert names(CustomerSegments=["SMB"]) == ["B retail AI"]
    assert names(AwsServices=["Amazon Bedrock"]) == ["B retail AI"]
    assert names(Language=["de"]) == ["B retail AI"]
    assert names(UseCase=["Migration"]) == ["A migrate", "B retail AI"]
    assert names(SearchText="retail") == ["B retail AI"]
    first, total = templates.search_templates(actor, {"Catalog": "AWS", "MaxResults": 1})
    assert total == 2 and [t.name for t in first.items] == ["A migrate"] and first.next_token
    second, _ = templates.search_templates(
        actor, {"Catalog": "AWS", "MaxResults": 1, "NextToken": first.next_token}
    )
    assert [t.name for t in second.items] == ["B retail AI"] and second.next_token is None


def test_every_refused_setting_is_named_at_once(actor: Actor) -> None:
    campaign = new_campaign(actor)
    with pytest.raises(RuleViolation) as refused:
        campaigns.update_campaign(
            actor,
            "AWS",
            campaign.public_id,
            {
                "Name": " ",
                "StartOn": "2030-05-01",
                "EndOn": "2030-04-01",
                "EstimatedBudget": {"Amount": "500", "CurrencyCode": "USD"},
                "TotalBudget": {"Amount": "100", "CurrencyCode": "USD"},
                "SocialConnections": {"X": ["sc-0000000000000"]},
            },
        )
    assert {e.field for e in refused.value.errors} == {
        "Name",
        "EndOn",
        "EstimatedBudget.Amount",
        "SocialConnections.X",
    }
    campaign.refresh_from_db()
    assert campaign.name == "Spring" and campaign.end_on is None


def test_the_email_target_reads_a_bulk_page_file(actor: Actor) -> None:
    from io import BytesIO

    from allyport.jobs.models import BulkFile
    from allyport.jobs.storage import Role, store_file

    company = actor.company
    found = BulkFile.objects.create(company=company, name="list.csv")
    found.size = store_file(found, Role.UPLOAD, BytesIO(b"email\na@x.example\nA@x.example\nbad\n"))
    found.save()
    campaign = new_campaign(
        actor, EmailTarget={"S3Uri": f"s3://files/{found.public_id}/list.csv", "VersionId": "1"}
    )
    view = output.campaign_view(campaign)["EmailTarget"]
    assert (view["ValidCount"], view["DuplicateCount"], view["RejectedCount"]) == (1, 1, 1)
    assert view["FileName"] == "list.csv" and campaign.recipients == ["a@x.example"]
    other = Actor.for_member(marketer())
    with pytest.raises(RuleViolation) as refused:
        new_campaign(
            other, EmailTarget={"S3Uri": f"s3://files/{found.public_id}/x", "VersionId": "1"}
        )
    assert refused.value.errors[0].field == "EmailTarget.S3Uri"


def test_another_companys_campaign_and_asset_are_not_found(actor: Actor) -> None:
    campaign = new_campaign(actor)
    email = asset_of(campaign, "EMAIL")
    other = Actor.for_member(marketer())
    with pytest.raises(NotFound):
        campaigns.get_campaign(other, "AWS", campaign.public_id)
    with pytest.raises(NotFound):
        assets.update_asset(other, "AWS", campaign.public_id, email.public_id, {"Layout": "Short"})
    with pytest.raises(NotFound):
        tags.tag_resource(other, campaign_arn(campaign), [{"Key": "k", "Value": "v"}])
    with pytest.raises(NotFound):
        campaigns.get_campaign(actor, "Sandbox", campaign.public_id)


def test_unknown_fields_and_layouts_are_refused(actor: Actor) -> None:
    campaign = new_campaign(actor)
    email = asset_of(campaign, "EMAIL")
    with pytest.raises(RuleViolation) as refused:
        assets.update_asset(
            actor,
            "AWS",
            campaign.public_id,
            email.public_id,
            {"FieldValues": [{"FieldId": "Nope", "Value": {"Text": "x"}}], "Layout": "Wide"},
        )
    assert {e.field for e in refused.value.errors} == {"FieldValues[0].FieldId", "Layout"}


def test_batch_create_reports_unknown_blueprints(actor: Actor) -> None:
    campaign = new_campaign(actor)
    created, errors = assets.create_assets(actor, "AWS", campaign.public_id, ["email-1", "nope"])
    assert [a.source_key for a in created] == ["email-1"]
    assert errors[0]["SourceAssetTemplateId"] == "nope" and errors[0]["Code"] == "ASSET_NOT_FOUND"


def test_tags_by_arn(actor: Actor) -> None:
    campaign = new_campaign(actor, Tags=[{"Key": "team", "Value": "emea"}])
    arn = campaign_arn(campaign)
    tags.tag_resource(actor, arn, [{"Key": "quarter", "Value": "Q1"}])
    tags.untag_resource(actor, arn, ["team"])
    assert tags.list_tags(actor, arn) == [{"Key": "quarter", "Value": "Q1"}]


def test_an_iam_caller_is_decided_by_its_policies() -> None:
    full = iam_actor()
    template = make_template()
    campaign = campaigns.create_campaign(
        full, "AWS", {"Name": "API", "CampaignTemplateId": template.public_id}
    )
    assert campaign.company == full.company
    sandbox_only = iam_actor("arn:aws:iam::aws:policy/AWSPartnerCentralSandboxFullAccess")
    with pytest.raises(PermissionDenied):
        campaigns.create_campaign(
            sandbox_only, "AWS", {"Name": "API", "CampaignTemplateId": template.public_id}
        )


def test_the_recorded_authorization_flow_works_once(actor: Actor) -> None:
    url = social.create_authorization_url(actor, "AWS", "X")
    assert "/market/marketing-central/social/authorize/" in url
    state = url.rstrip("/").rsplit("/", 1)[-1]
    with pytest.raises(NotFound):  # another company's member cannot finish it
        social.complete_authorization(Actor.for_member(marketer()), state, "Elsewhere")
    connection = social.complete_authorization(actor, state, "Octank on X")
    assert social.summary(connection)["Status"] == "AUTHORIZED"
    with pytest.raises(NotFound):
        social.complete_authorization(actor, state, "Again")
    page = social.list_connections(actor, {"Catalog": "AWS", "Platform": "X"})
    assert [c.page_name for c in page.items] == ["Octank on X"]
    campaign = new_campaign(actor, SocialConnections={"X": [connection.public_id]})
    social.delete_connection(actor, "AWS", connection.public_id)
    campaign.refresh_from_db()
    assert campaign.social_connections == {"X": []}
    assert not SocialConnection.objects.exists()
