"""CreateEngagementContext, UpdateEngagementContext, StartOpportunityFromEngagementTask
and ListOpportunityFromEngagementTasks through boto3 against live_server."""
# The boto3 fixtures of test_api are imported; test arguments name them again.
# ruff: noqa: F811

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError

from allyport.pipeline.models import Opportunity
from allyport.pipeline.snapshots.models import ResourceSnapshotJob
from allyport.pipeline.tests.test_api import (  # noqa: F401  (fixtures)
    Caller,
    _no_throttling,
    connect,
    crm,
    error_of,
)
from allyport.pipeline.tests.test_system_settings import make_role

pytestmark = pytest.mark.django_db(transaction=True)

PROJECT = {
    "CustomerProject": {
        "Customer": {"Industry": "Retail", "CompanyName": "Shop", "CountryCode": "FR",
                     "WebsiteUrl": "https://shop.example"},
        "Project": {"Title": "Stores", "BusinessProblem": "Stores need a new stock system.",
                    "TargetCompletionDate": "2031-01-01"},
    }
}  # fmt: skip


def lead_context(status: str = "Qualified") -> dict[str, Any]:
    return {
        "Lead": {
            "QualificationStatus": status,
            "Customer": {"CompanyName": "Lead Corp", "Industry": "Retail",
                         "WebsiteUrl": "https://lead.example",
                         "Address": {"CountryCode": "DE", "City": "Berlin"}},
            "Interactions": [{
                "SourceType": "Event", "SourceName": "Summit", "Usecase": "Analytics platform",
                "BusinessProblem": "They need one place for their sales analytics.",
                "Contact": {"BusinessTitle": "CTO", "Email": "cto@lead.example",
                            "FirstName": "Kim", "LastName": "Berg"},
            }],
        }
    }  # fmt: skip


def engagement_of(crm: Caller, token: str = "e") -> dict[str, Any]:
    return dict(crm.client.create_engagement(Catalog="AWS", ClientToken=token, Title="T"))


def add(crm: Caller, engagement: str, payload: dict[str, Any], token: str) -> Any:
    return crm.client.create_engagement_context(
        Catalog="AWS", EngagementIdentifier=engagement, ClientToken=token,
        Type=next(iter(payload)), Payload=payload,
    )  # fmt: skip


def code_of(call: Callable[[], Any]) -> str:
    with pytest.raises(ClientError) as caught:
        call()
    return str(error_of(caught)["Code"])


def test_it_adds_contexts_and_updates_them_with_the_engagements_token(crm: Caller) -> None:
    engagement = engagement_of(crm)
    first = add(crm, engagement["Id"], PROJECT, "c1")
    assert first["ContextId"] == "1" and first["EngagementId"] == engagement["Id"]
    assert first["EngagementArn"] == engagement["Arn"]
    assert first["EngagementLastModifiedAt"] > engagement["ModifiedAt"]
    assert add(crm, engagement["Id"], PROJECT, "c1")["ContextId"] == "1"  # replay
    second = add(crm, engagement["Arn"], lead_context(), "c2")
    assert second["ContextId"] == "2"
    got = crm.client.get_engagement(Catalog="AWS", Identifier=engagement["Id"])
    assert [c["Type"] for c in got["Contexts"]] == ["CustomerProject", "Lead"]
    listed = crm.client.list_engagements(Catalog="AWS", ContextTypes=["Lead"])
    assert [e["Id"] for e in listed["EngagementSummaryList"]] == [engagement["Id"]]
    contact = {"BusinessTitle": "CFO", "Email": "cfo@lead.example", "FirstName": "Ida",
               "LastName": "Lund"}  # fmt: skip
    update = {"Lead": {"QualificationStatus": "Nurturing",
                       "Customer": {"CompanyName": "Lead Corp GmbH"},
                       "Interaction": {"Usecase": "Follow-up", "Contact": contact}}}  # fmt: skip
    updated = crm.client.update_engagement_context(
        Catalog="AWS", EngagementIdentifier=engagement["Id"], ContextIdentifier="2",
        EngagementLastModifiedAt=second["EngagementLastModifiedAt"], Type="Lead", Payload=update,
    )  # fmt: skip
    assert updated["EngagementLastModifiedAt"] > second["EngagementLastModifiedAt"]
    context = crm.client.get_engagement(Catalog="AWS", Identifier=engagement["Id"])["Contexts"][1]
    value = context["Payload"]["Lead"]
    assert value["QualificationStatus"] == "Nurturing"
    assert value["Customer"] == {"CompanyName": "Lead Corp GmbH"}
    assert [i["Usecase"] for i in value["Interactions"]] == ["Analytics platform", "Follow-up"]
    # The token from before the update is stale now.
    with pytest.raises(ClientError) as caught:
        crm.client.update_engagement_context(
            Catalog="AWS", EngagementIdentifier=engagement["Id"], ContextIdentifier="1",
            EngagementLastModifiedAt=second["EngagementLastModifiedAt"], Type="CustomerProject",
            Payload=PROJECT,
        )  # fmt: skip
    assert error_of(caught)["Code"] == "ConflictException"
    fresh = updated["EngagementLastModifiedAt"]
    for context_id, kind, payload, code in (
        ("9", "CustomerProject", PROJECT, "ResourceNotFoundException"),
        ("1", "Lead", {"Lead": update["Lead"]}, "ValidationException"),
        ("1", "Lead", PROJECT, "ValidationException"),
    ):
        assert code_of(lambda c=context_id, k=kind, p=payload: crm.client.update_engagement_context(
            Catalog="AWS", EngagementIdentifier=engagement["Id"], ContextIdentifier=c,
            EngagementLastModifiedAt=fresh, Type=k, Payload=p)) == code, context_id  # fmt: skip


def test_it_keeps_the_limits_and_the_partner_types(crm: Caller) -> None:
    engagement = engagement_of(crm)["Id"]
    for n in range(5):
        add(crm, engagement, PROJECT, f"c{n}")
    assert code_of(lambda: add(crm, engagement, PROJECT, "c6")) == ("ServiceQuotaExceededException")
    other = engagement_of(crm, "e2")["Id"]
    prospecting = {"ProspectingResult": {"Aws": {"TaskName": "x"}}}
    with pytest.raises(ClientError) as caught:
        add(crm, other, prospecting, "p")
    assert caught.value.response["ErrorList"][0]["Code"] == "ACTION_NOT_PERMITTED"
    with pytest.raises(ClientError) as caught:
        crm.client.create_engagement_context(
            Catalog="AWS", EngagementIdentifier=other, ClientToken="m",
            Type="Lead", Payload=PROJECT,
        )  # fmt: skip
    assert caught.value.response["ErrorList"][0]["FieldName"] == "Payload"


def start(crm: Caller, engagement: str, context: str, token: str) -> Any:
    return crm.client.start_opportunity_from_engagement_task(
        Catalog="AWS", ClientToken=token, Identifier=engagement, ContextIdentifier=context,
        Tags=[{"Key": "from", "Value": "lead"}],
    )  # fmt: skip


def test_a_lead_context_becomes_an_opportunity_with_a_running_snapshot_job(
    crm: Caller,
) -> None:
    crm.client.put_selling_system_settings(
        Catalog="AWS", ResourceSnapshotJobRoleIdentifier=make_role(crm)
    )
    engagement = engagement_of(crm)["Id"]
    add(crm, engagement, PROJECT, "c1")
    add(crm, engagement, lead_context(), "c2")
    task = start(crm, engagement, "2", "t1")
    assert task["TaskStatus"] == "COMPLETE" and task["ContextId"] == "2"
    assert task["EngagementId"] == engagement and task["TaskId"].startswith("task-")
    assert task["TaskArn"].endswith(
        f":catalog/AWS/opportunity-from-engagement-task/{task['TaskId']}"
    )
    replay = start(crm, engagement, "2", "t1")
    assert replay["TaskId"] == task["TaskId"] and Opportunity.objects.count() == 1
    view = crm.client.get_opportunity(Catalog="AWS", Identifier=task["OpportunityId"])
    assert view["Customer"]["Account"]["CompanyName"] == "Lead Corp"
    assert view["Customer"]["Contacts"][0]["Email"] == "cto@lead.example"
    assert view["Project"]["Title"] == "Converted from Lead: Lead Corp"
    assert view["Project"]["CustomerBusinessProblem"].startswith("They need one place")
    assert view["LifeCycle"]["Stage"] == "Prospect"
    job = crm.client.get_resource_snapshot_job(
        Catalog="AWS", ResourceSnapshotJobIdentifier=task["ResourceSnapshotJobId"]
    )
    assert job["Status"] == "Running" and job["ResourceId"] == task["OpportunityId"]
    snapshot = crm.client.get_resource_snapshot(
        Catalog="AWS", EngagementIdentifier=engagement, ResourceType="Opportunity",
        ResourceIdentifier=task["OpportunityId"],
        ResourceSnapshotTemplateIdentifier="OpportunitySummary",
    )  # fmt: skip
    assert snapshot["Revision"] == 1
    account = crm.company.account_link.account.account_id
    assert task["TaskArn"].startswith("arn:aws:partnercentral:us-east-1::catalog/AWS/")
    taggable = task["TaskArn"].replace("::catalog/", f":{account}:catalog/")
    tags = crm.client.list_tags_for_resource(ResourceArn=taggable)["Tags"]
    assert tags == [{"Key": "from", "Value": "lead"}]
    again = start(crm, engagement, "2", "t2")
    assert again["TaskStatus"] == "FAILED" and again["ReasonCode"] == "OpportunityConflict"
    assert Opportunity.objects.count() == 1 and ResourceSnapshotJob.objects.count() == 1


def test_other_contexts_fail_the_task_with_the_models_reasons(crm: Caller) -> None:
    engagement = engagement_of(crm)["Id"]
    add(crm, engagement, PROJECT, "c1")
    add(crm, engagement, lead_context("Disqualified"), "c2")
    reasons = {
        "1": "CustomerProjectContextNotPermitted",
        "2": "DisqualifiedLeadNotPermitted",
        "7": "ContextNotFound",
    }
    made = []
    for context, reason in reasons.items():
        task = start(crm, engagement, context, f"t{context}")
        assert task["TaskStatus"] == "FAILED" and task["ReasonCode"] == reason
        assert "OpportunityId" not in task
        made.append(task["TaskId"])
    assert Opportunity.objects.count() == 0
    pages = list(
        crm.client.get_paginator("list_opportunity_from_engagement_tasks").paginate(
            Catalog="AWS", Sort={"SortBy": "StartTime", "SortOrder": "ASCENDING"},
            PaginationConfig={"PageSize": 2},
        )
    )  # fmt: skip
    assert len(pages) == 2
    assert [t["TaskId"] for p in pages for t in p["TaskSummaries"]] == made
    filtered = crm.client.list_opportunity_from_engagement_tasks(
        Catalog="AWS", ContextIdentifier=["2"], TaskStatus=["FAILED"]
    )
    assert [t["TaskId"] for t in filtered["TaskSummaries"]] == [made[1]]


def test_another_companys_keys_get_not_found_for_every_identifier(
    crm: Caller, connect: Callable[..., Caller]
) -> None:
    engagement = engagement_of(crm)
    added = add(crm, engagement["Id"], lead_context(), "c1")
    task = start(crm, engagement["Id"], "1", "t")
    other = connect()
    moment = added["EngagementLastModifiedAt"]
    calls = [
        lambda: add(other, engagement["Id"], PROJECT, "x"),
        lambda: other.client.update_engagement_context(
            Catalog="AWS", EngagementIdentifier=engagement["Id"], ContextIdentifier="1",
            EngagementLastModifiedAt=moment, Type="CustomerProject", Payload=PROJECT),
        lambda: start(other, engagement["Id"], "1", "y"),
        lambda: other.client.list_tags_for_resource(ResourceArn=task["TaskArn"].replace(
            "::catalog/", f":{crm.company.account_link.account.account_id}:catalog/")),
    ]  # fmt: skip
    for call in calls:
        assert code_of(call) == "ResourceNotFoundException"
    assert other.client.list_opportunity_from_engagement_tasks(Catalog="AWS")["TaskSummaries"] == []
    got = crm.client.get_engagement(Catalog="AWS", Identifier=engagement["Id"])
    assert len(got["Contexts"]) == 1
