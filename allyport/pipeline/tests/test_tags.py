"""TagResource, UntagResource and ListTagsForResource through boto3 against live_server:
opportunities (with CreateOpportunity's tags), engagements, snapshot jobs and tasks;
the limits; another company's keys and the other catalog."""
# The boto3 fixtures of test_api are imported; test arguments name them again.
# ruff: noqa: F811

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from allyport.pipeline.models import Opportunity
from allyport.pipeline.tests.conftest import complete
from allyport.pipeline.tests.test_api import (  # noqa: F401  (fixtures)
    SANDBOX_ACCESS,
    Caller,
    _no_throttling,
    connect,
    create,
    crm,
    error_of,
)

pytestmark = pytest.mark.django_db(transaction=True)


def tags_of(crm: Caller, arn: str) -> dict[str, str]:
    answer = crm.client.list_tags_for_resource(ResourceArn=arn)
    return {tag["Key"]: tag["Value"] for tag in answer["Tags"]}


def unchecked(crm: Caller) -> Any:
    """The caller's client without botocore's own checks, to send what the model refuses."""
    credentials = crm.client._request_signer._credentials.get_frozen_credentials()
    return boto3.client(
        "partnercentral-selling",
        endpoint_url=crm.client.meta.endpoint_url,
        region_name="us-east-1",
        aws_access_key_id=credentials.access_key,
        aws_secret_access_key=credentials.secret_key,
        config=Config(parameter_validation=False, retries={"total_max_attempts": 1}),
    )


def code_of(call: Callable[[], Any]) -> str:
    with pytest.raises(ClientError) as caught:
        call()
    return str(error_of(caught)["Code"])


def taggable(crm: Caller, task_arn: str) -> str:
    """A task's ARN as tag operations take it: with the caller's account."""
    account = crm.company.account_link.account.account_id
    return task_arn.replace("::catalog/", f":{account}:catalog/")


def test_it_serves_create_opportunitys_tags_and_changes_them(crm: Caller) -> None:
    created = crm.client.create_opportunity(
        Catalog="AWS", Tags=[{"Key": "crm", "Value": "sf-1"}], **complete()
    )
    arn = crm.client.get_opportunity(Catalog="AWS", Identifier=created["Id"])["Arn"]
    assert tags_of(crm, arn) == {"crm": "sf-1"}
    before = Opportunity.objects.get().last_modified_date
    crm.client.tag_resource(
        ResourceArn=arn, Tags=[{"Key": "crm", "Value": "sf-2"}, {"Key": "team", "Value": ""}]
    )
    assert tags_of(crm, arn) == {"crm": "sf-2", "team": ""}
    crm.client.untag_resource(ResourceArn=arn, TagKeys=["crm", "absent"])
    assert tags_of(crm, arn) == {"team": ""}
    # Tags are not the opportunity's content: UpdateOpportunity's token is unchanged.
    assert Opportunity.objects.get().last_modified_date == before


def test_an_untagged_resource_lists_no_tags(crm: Caller) -> None:
    identifier = create(crm)
    arn = crm.client.get_opportunity(Catalog="AWS", Identifier=identifier)["Arn"]
    assert crm.client.list_tags_for_resource(ResourceArn=arn)["Tags"] == []


def test_it_tags_engagements_per_member_company(crm: Caller) -> None:
    engagement = crm.client.create_engagement(Catalog="AWS", ClientToken="e", Title="T")
    account = crm.company.account_link.account.account_id
    arn = f"arn:aws:partnercentral:us-east-1:{account}:catalog/AWS/engagement/{engagement['Id']}"
    assert tags_of(crm, arn) == {}
    crm.client.tag_resource(ResourceArn=arn, Tags=[{"Key": "stage", "Value": "early"}])
    assert tags_of(crm, arn) == {"stage": "early"}


def test_it_tags_engagement_tasks(crm: Caller) -> None:
    identifier = create(crm)
    task = crm.client.start_engagement_from_opportunity_task(
        Catalog="AWS", ClientToken="t", Identifier=identifier,
        AwsSubmission={"InvolvementType": "Co-Sell", "Visibility": "Full"},
        Tags=[{"Key": "origin", "Value": "crm"}],
    )  # fmt: skip
    # The service answers the task's ARN without an account; tags name the caller's.
    assert task["TaskArn"].startswith("arn:aws:partnercentral:us-east-1::catalog/AWS/")
    arn = taggable(crm, task["TaskArn"])
    assert tags_of(crm, arn) == {"origin": "crm"}
    crm.client.tag_resource(ResourceArn=arn, Tags=[{"Key": "b", "Value": "2"}])
    assert tags_of(crm, arn) == {"origin": "crm", "b": "2"}


def test_it_keeps_the_limits(crm: Caller) -> None:
    identifier = create(crm)
    arn = crm.client.get_opportunity(Catalog="AWS", Identifier=identifier)["Arn"]
    crm.client.tag_resource(
        ResourceArn=arn, Tags=[{"Key": f"k{n}", "Value": "v"} for n in range(150)]
    )
    with pytest.raises(ClientError) as caught:
        crm.client.tag_resource(
            ResourceArn=arn, Tags=[{"Key": f"n{n}", "Value": "v"} for n in range(51)]
        )
    assert error_of(caught)["Code"] == "ValidationException"
    assert caught.value.response["ErrorList"][0]["Code"] == "TOO_MANY_VALUES"
    assert len(tags_of(crm, arn)) == 150
    # 150 + 50 new keys is exactly the limit; replacing values does not count twice.
    crm.client.tag_resource(
        ResourceArn=arn, Tags=[{"Key": f"n{n}", "Value": "v"} for n in range(50)]
    )
    crm.client.tag_resource(ResourceArn=arn, Tags=[{"Key": "k0", "Value": "new"}])
    assert len(tags_of(crm, arn)) == 200
    for bad, field in (
        ([{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}], "Tags[1].Key"),
        ([{"Key": "aws:owner", "Value": "x"}], "Tags[0].Key"),
    ):
        with pytest.raises(ClientError) as caught:
            crm.client.tag_resource(ResourceArn=arn, Tags=bad)
        assert caught.value.response["ErrorList"][0]["FieldName"] == field
    # The model's own limits, checked by the server too: 1–200 tags, 1–50 keys, lengths.
    raw = unchecked(crm)
    for call in (
        lambda: raw.tag_resource(ResourceArn=arn, Tags=[]),
        lambda: raw.untag_resource(ResourceArn=arn, TagKeys=[f"k{n}" for n in range(51)]),
        lambda: raw.tag_resource(ResourceArn=arn, Tags=[{"Key": "k" * 129, "Value": ""}]),
        lambda: raw.tag_resource(ResourceArn=arn, Tags=[{"Key": "k", "Value": "v" * 257}]),
    ):
        assert code_of(call) == "ValidationException"
    raw.close()


def test_unknown_and_malformed_arns(crm: Caller) -> None:
    account = crm.company.account_link.account.account_id
    base = f"arn:aws:partnercentral:us-east-1:{account}:catalog/AWS"
    for arn in (
        f"{base}/opportunity/O999999",
        f"{base}/solution/S-123",
        f"{base}/resource-snapshot-job/job-0000000000000",
    ):
        assert code_of(lambda arn=arn: crm.client.list_tags_for_resource(ResourceArn=arn)) == (
            "ResourceNotFoundException"
        ), arn
    # Another catalog: the policy's Catalog condition refuses before anything is looked up.
    other = f"arn:aws:partnercentral:us-east-1:{account}:catalog/Other/opportunity/O1"
    assert code_of(lambda: crm.client.list_tags_for_resource(ResourceArn=other)) == (
        "AccessDeniedException"
    )
    assert code_of(lambda: crm.client.list_tags_for_resource(ResourceArn="arn:nope")) == (
        "ValidationException"
    )


def test_another_companys_keys_get_not_found_for_every_arn(
    crm: Caller, connect: Callable[..., Caller]
) -> None:
    identifier = create(crm)
    opportunity_arn = crm.client.get_opportunity(Catalog="AWS", Identifier=identifier)["Arn"]
    engagement = crm.client.create_engagement(Catalog="AWS", ClientToken="e", Title="T")
    job = crm.client.create_resource_snapshot_job(
        Catalog="AWS", ClientToken="j", EngagementIdentifier=engagement["Id"],
        ResourceType="Opportunity", ResourceIdentifier=identifier,
        ResourceSnapshotTemplateIdentifier="OpportunitySummary",
    )  # fmt: skip
    task = crm.client.start_engagement_from_opportunity_task(
        Catalog="AWS", ClientToken="t", Identifier=identifier,
        AwsSubmission={"InvolvementType": "Co-Sell", "Visibility": "Full"},
    )  # fmt: skip
    account = crm.company.account_link.account.account_id
    engagement_arn = (
        f"arn:aws:partnercentral:us-east-1:{account}:catalog/AWS/engagement/{engagement['Id']}"
    )
    other = connect()
    theirs = other.company.account_link.account.account_id
    arns = [opportunity_arn, engagement_arn, job["Arn"], taggable(crm, task["TaskArn"])]
    # Their own account in the ARN changes nothing.
    arns += [arn.replace(f":{account}:", f":{theirs}:") for arn in arns]
    for arn in arns:
        for call in (
            lambda arn=arn: other.client.list_tags_for_resource(ResourceArn=arn),
            lambda arn=arn: other.client.tag_resource(
                ResourceArn=arn, Tags=[{"Key": "x", "Value": "y"}]
            ),
            lambda arn=arn: other.client.untag_resource(ResourceArn=arn, TagKeys=["x"]),
        ):
            assert code_of(call) == "ResourceNotFoundException", arn
    assert tags_of(crm, opportunity_arn) == {}
    # The other catalog's ARN for the same ids names nothing either.
    for arn in arns[:4]:
        sandbox = arn.replace("catalog/AWS/", "catalog/Sandbox/")
        assert code_of(lambda a=sandbox: crm.client.list_tags_for_resource(ResourceArn=a)) == (
            "ResourceNotFoundException"
        ), sandbox


def test_the_sandbox_policy_confines_tagging_to_sandbox(
    connect: Callable[..., Caller],
) -> None:
    sandbox = connect(SANDBOX_ACCESS)
    identifier = create(sandbox, "Sandbox")
    arn = sandbox.client.get_opportunity(Catalog="Sandbox", Identifier=identifier)["Arn"]
    sandbox.client.tag_resource(ResourceArn=arn, Tags=[{"Key": "a", "Value": "b"}])
    assert tags_of(sandbox, arn) == {"a": "b"}
    aws_arn = arn.replace("catalog/Sandbox/", "catalog/AWS/")
    assert code_of(lambda: sandbox.client.list_tags_for_resource(ResourceArn=aws_arn)) == (
        "AccessDeniedException"
    )
