"""Prospecting tasks, engagement groups and SearchEngagements through boto3 against
live_server, with their paginators, ClientToken replays and another company's keys."""
# The boto3 fixtures of test_api are imported; test arguments name them again.
# ruff: noqa: F811

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError

from allyport.pipeline.prospecting.models import EngagementGroup
from allyport.pipeline.tests.test_api import (  # noqa: F401  (fixtures)
    Caller,
    _no_throttling,
    connect,
    crm,
    error_of,
)
from allyport.pipeline.tests.test_contexts import PROJECT, add, lead_context

pytestmark = pytest.mark.django_db(transaction=True)


def engagement(crm: Caller, token: str, *payloads: dict[str, Any]) -> str:
    made = crm.client.create_engagement(Catalog="AWS", ClientToken=token, Title="Joint")["Id"]
    for index, payload in enumerate(payloads):
        add(crm, made, payload, f"{token}-{index}")
    return str(made)


def error(call: Callable[[], Any]) -> dict[str, Any]:
    with pytest.raises(ClientError) as caught:
        call()
    return error_of(caught)


def test_a_prospecting_task_runs_and_is_read_back(connect: Callable[..., Caller]) -> None:
    crm, other = connect(), connect()
    mine = engagement(crm, "e1", lead_context())
    theirs = engagement(other, "e2", lead_context())
    started = crm.client.start_prospecting_from_engagement_task(
        Catalog="AWS", ClientToken="p-1", Identifiers=[mine, theirs], TaskName="Q3"
    )
    assert started["TaskStatus"] == "PENDING" and started["Identifiers"] == [mine, theirs]
    assert started["TaskArn"].endswith(
        f":catalog/AWS/prospecting-from-engagement-task/{started['TaskId']}"
    )
    replay = crm.client.start_prospecting_from_engagement_task(
        Catalog="AWS", ClientToken="p-1", Identifiers=[mine, theirs], TaskName="Q3"
    )
    assert replay["TaskId"] == started["TaskId"]
    assert error(lambda: crm.client.start_prospecting_from_engagement_task(
        Catalog="AWS", ClientToken="p-1", Identifiers=[mine], TaskName="Q3"))["Code"] == (
        "ConflictException")  # fmt: skip
    got = crm.client.get_prospecting_from_engagement_task(
        Catalog="AWS", TaskIdentifier=started["TaskId"]
    )
    first, second = got["Engagements"]
    assert first["Status"] == "COMPLETED" and first["EngagementContextId"].startswith("ctx-")
    assert second == {"EngagementIdentifier": theirs, "Status": "FAILED",
                      "ReasonCode": "EngagementNotFound", "Message": second["Message"]}  # fmt: skip
    assert got["EndTime"] >= got["StartTime"]
    view = crm.client.get_engagement(Catalog="AWS", Identifier=mine)
    prospect = [c for c in view["Contexts"] if c["Type"] == "ProspectingResult"]
    assert prospect[0]["Id"] == first["EngagementContextId"]
    assert (
        prospect[0]["Payload"]["ProspectingResult"]["Aws"]["Customer"]["AccountName"] == "Lead Corp"
    )
    # Their engagement is untouched; their keys do not find the task.
    theirs_view = other.client.get_engagement(Catalog="AWS", Identifier=theirs)
    assert all(c["Type"] != "ProspectingResult" for c in theirs_view["Contexts"])
    missing = error(lambda: other.client.get_prospecting_from_engagement_task(
        Catalog="AWS", TaskIdentifier=started["TaskId"]))  # fmt: skip
    assert missing["Code"] == "ResourceNotFoundException"
    assert other.client.list_prospecting_from_engagement_tasks(Catalog="AWS")["TaskSummaries"] == []


def test_the_task_list_filters_sorts_and_pages(crm: Caller) -> None:
    target = engagement(crm, "e1", PROJECT)
    made = [
        crm.client.start_prospecting_from_engagement_task(
            Catalog="AWS", ClientToken=f"p-{n}", Identifiers=[target], TaskName=f"task {n}"
        )["TaskId"]
        for n in range(5)
    ]
    paginator = crm.client.get_paginator("list_prospecting_from_engagement_tasks")
    pages = list(paginator.paginate(Catalog="AWS", PaginationConfig={"PageSize": 2}))
    assert len(pages) == 3
    listed = [t["TaskId"] for p in pages for t in p["TaskSummaries"]]
    assert listed == list(reversed(made))
    summary = pages[0]["TaskSummaries"][0]
    assert (summary["TotalEngagementCount"], summary["CompletedEngagementCount"],
            summary["FailedEngagementCount"]) == (1, 1, 0)  # fmt: skip
    named = crm.client.list_prospecting_from_engagement_tasks(
        Catalog="AWS", TaskName=["task 1"], Sort={"SortBy": "TaskName", "SortOrder": "ASCENDING"}
    )
    assert [t["TaskId"] for t in named["TaskSummaries"]] == [made[1]]
    by_id = crm.client.list_prospecting_from_engagement_tasks(
        Catalog="AWS", TaskIdentifier=made[:2]
    )
    assert {t["TaskId"] for t in by_id["TaskSummaries"]} == set(made[:2])


def test_groups_and_search_through_boto3(connect: Callable[..., Caller]) -> None:
    crm, other = connect(), connect()
    lead = engagement(crm, "e1", lead_context())
    project = engagement(crm, "e2", PROJECT)
    theirs = engagement(other, "e3", PROJECT)
    group = EngagementGroup.objects.create(
        catalog="AWS", name="Retail", description="Retail leads", readiness_level="SalesReady"
    )
    group.engagements.set(EngagementGroup.engagements.field.related_model.objects.filter(
        public_id__in=[project, theirs]))  # fmt: skip
    groups = crm.client.list_engagement_groups(Catalog="AWS")["EngagementGroupSummaries"]
    assert [(g["Id"], g["Count"], g["ReadinessLevel"]) for g in groups] == [
        (group.public_id, 1, "SalesReady")
    ]
    paged = crm.client.get_paginator("list_engagement_groups").paginate(Catalog="AWS")
    assert [g["Name"] for p in paged for g in p["EngagementGroupSummaries"]] == ["Retail"]
    found = crm.client.search_engagements(Catalog="AWS", GroupId=group.public_id)
    assert [e["Id"] for e in found["EngagementSearchSummaries"]] == [project]
    assert found["EngagementSearchSummaries"][0]["Contexts"][0]["Type"] == "CustomerProject"
    industry = {"EqualsTo": {"Key": "LeadCustomerIndustry", "Value": {"StringValue": "Retail"}}}
    hits = crm.client.search_engagements(Catalog="AWS", Filter=industry)
    assert [e["Id"] for e in hits["EngagementSearchSummaries"]] == [lead]
    pages = crm.client.get_paginator("search_engagements").paginate(
        Catalog="AWS", PaginationConfig={"PageSize": 1}
    )
    assert [e["Id"] for p in pages for e in p["EngagementSearchSummaries"]] == [project, lead]
    ranged = {"GreaterThan": {"Key": "Title", "Value": {"LongValue": 1}}}
    refused = error(lambda: crm.client.search_engagements(
        Catalog="AWS", Filter={"AndAllFilters": [industry, ranged]}))  # fmt: skip
    assert refused["Code"] == "ValidationException"
    assert refused["body"]["ErrorList"][0]["FieldName"] == "Filter.AndAllFilters[1].GreaterThan"
    inactive = EngagementGroup.objects.create(
        catalog="AWS", name="Off", readiness_level="SalesReady", active=False
    )
    assert error(lambda: crm.client.search_engagements(Catalog="AWS", GroupId=inactive.public_id))[
        "Code"] == "ValidationException"  # fmt: skip
