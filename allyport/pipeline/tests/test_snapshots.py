"""Resource snapshots, snapshot jobs and engagement resource associations through boto3
against live_server: revisions, the two templates, the jobs' life cycle and their
revisions on change, paginators, and another company's keys."""
# The boto3 fixtures of test_api are imported; test arguments name them again.
# ruff: noqa: F811

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError

from allyport.pipeline.snapshots.models import ResourceSnapshot
from allyport.pipeline.tests.conftest import make_solution
from allyport.pipeline.tests.engagement_fixtures import lead
from allyport.pipeline.tests.test_api import (  # noqa: F401  (fixtures)
    Caller,
    _no_throttling,
    connect,
    create,
    crm,
    editable,
    error_of,
)
from allyport.pipeline.tests.test_system_settings import make_role

pytestmark = pytest.mark.django_db(transaction=True)
SUMMARY = "OpportunitySummary"
AWS_VIEW = "AwsOpportunitySummaryFullView"


def engagement_of(crm: Caller, token: str = "e") -> str:
    return str(crm.client.create_engagement(Catalog="AWS", ClientToken=token, Title="T")["Id"])


def join(owner: Caller, partner: Caller, engagement: str) -> None:
    receiver = partner.company.account_link.account.account_id
    invited = owner.client.create_engagement_invitation(
        Catalog="AWS", ClientToken=f"inv-{receiver}", EngagementIdentifier=engagement,
        Invitation={"Message": "Join us", "Receiver": {"Account": {"AwsAccountId": receiver}},
                    "Payload": {"LeadInvitation": lead()}},
    )  # fmt: skip
    partner.client.accept_engagement_invitation(Catalog="AWS", Identifier=invited["Id"])


def snapshot(
    crm: Caller, engagement: str, identifier: str, template: str = SUMMARY, **kw: Any
) -> Any:
    return crm.client.create_resource_snapshot(
        Catalog="AWS", EngagementIdentifier=engagement, ResourceType="Opportunity",
        ResourceIdentifier=identifier, ResourceSnapshotTemplateIdentifier=template,
        ClientToken=kw.get("token", f"s-{ResourceSnapshot.objects.count()}"),
    )  # fmt: skip


def get(crm: Caller, engagement: str, identifier: str, template: str = SUMMARY, **kw: Any) -> Any:
    return crm.client.get_resource_snapshot(
        Catalog="AWS", EngagementIdentifier=engagement, ResourceType="Opportunity",
        ResourceIdentifier=identifier, ResourceSnapshotTemplateIdentifier=template, **kw,
    )  # fmt: skip


def retitle(crm: Caller, identifier: str, title: str) -> None:
    view = crm.client.get_opportunity(Catalog="AWS", Identifier=identifier)
    body = editable(view)
    body["Project"]["Title"] = title
    crm.client.update_opportunity(**body)


def bare(answer: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in answer.items() if key != "ResponseMetadata"}


def code_of(call: Callable[[], Any]) -> str:
    with pytest.raises(ClientError) as caught:
        call()
    return str(error_of(caught)["Code"])


def test_snapshots_count_revisions_and_members_read_them(
    crm: Caller, connect: Callable[..., Caller]
) -> None:
    partner = connect()
    engagement = engagement_of(crm)
    join(crm, partner, engagement)
    identifier = create(crm)
    first = snapshot(crm, engagement, identifier, token="one")
    replay = snapshot(crm, engagement, identifier, token="one")
    assert first["Revision"] == 1 and bare(replay) == bare(first)
    retitle(crm, identifier, "Second title")
    assert snapshot(crm, engagement, identifier)["Revision"] == 2
    latest = get(partner, engagement, identifier)
    assert latest["Revision"] == 2 and latest["EngagementId"] == engagement
    view = latest["Payload"]["OpportunitySummary"]
    assert view["Customer"]["Account"]["CompanyName"] == "Example Corp"
    assert view["Lifecycle"]["Stage"] == "Qualified"
    assert view["Lifecycle"]["ReviewStatus"] == "Pending Submission"
    assert view["OpportunityType"] == "Net New Business"
    assert "Title" not in view["Project"]  # not in the template's view
    assert latest["CreatedBy"] == crm.company.account_link.account.account_id
    assert latest["TargetMemberAccounts"] == [partner.company.account_link.account.account_id]
    assert latest["Arn"] == first["Arn"].replace("/revision/1", "/revision/2")
    assert get(partner, engagement, identifier, Revision=1)["Revision"] == 1
    # Only the opportunity's company snapshots it.
    assert code_of(lambda: snapshot(partner, engagement, identifier)) == (
        "ResourceNotFoundException"
    )
    assert code_of(lambda: get(crm, engagement, identifier, Revision=9)) == (
        "ResourceNotFoundException"
    )


def test_the_aws_view_exists_once_aws_has_the_opportunity(crm: Caller) -> None:
    engagement = engagement_of(crm)
    identifier = create(crm)
    with pytest.raises(ClientError) as caught:
        snapshot(crm, engagement, identifier, AWS_VIEW)
    assert caught.value.response["Reason"] == "BUSINESS_VALIDATION_FAILED"
    assert caught.value.response["ErrorList"][0]["FieldName"] == (
        "ResourceSnapshotTemplateIdentifier"
    )
    crm.client.associate_opportunity(
        Catalog="AWS", OpportunityIdentifier=identifier, RelatedEntityType="Solutions",
        RelatedEntityIdentifier=make_solution(crm.company).public_id,
    )  # fmt: skip
    crm.client.submit_opportunity(Catalog="AWS", Identifier=identifier, InvolvementType="Co-Sell",
                                  Visibility="Full")  # fmt: skip
    assert snapshot(crm, engagement, identifier, AWS_VIEW)["Revision"] == 1
    view = get(crm, engagement, identifier, AWS_VIEW)["Payload"]["AwsOpportunitySummaryFullView"]
    assert view["RelatedOpportunityId"] == identifier and view["InvolvementType"] == "Co-Sell"
    with pytest.raises(ClientError) as caught:
        snapshot(crm, engagement, identifier, "NoSuchTemplate")
    assert caught.value.response["Reason"] == "REQUEST_VALIDATION_FAILED"


def test_it_lists_snapshots_and_associations_with_paginators(
    crm: Caller, connect: Callable[..., Caller]
) -> None:
    partner = connect()
    engagement = engagement_of(crm)
    join(crm, partner, engagement)
    opportunities = [create(crm) for _ in range(3)]
    for identifier in opportunities:
        snapshot(crm, engagement, identifier)
        snapshot(crm, engagement, identifier)
    pages = list(
        partner.client.get_paginator("list_resource_snapshots").paginate(
            Catalog="AWS", EngagementIdentifier=engagement, PaginationConfig={"PageSize": 4}
        )
    )
    items = [s for page in pages for s in page["ResourceSnapshotSummaries"]]
    assert len(pages) == 2 and len(items) == 6
    assert {(s["ResourceId"], s["Revision"]) for s in items} == {
        (o, r) for o in opportunities for r in (1, 2)
    }
    only = crm.client.list_resource_snapshots(
        Catalog="AWS", EngagementIdentifier=engagement, ResourceIdentifier=opportunities[0]
    )
    assert [s["Revision"] for s in only["ResourceSnapshotSummaries"]] == [1, 2]
    pages = list(
        partner.client.get_paginator("list_engagement_resource_associations").paginate(
            Catalog="AWS", PaginationConfig={"PageSize": 2}
        )
    )
    associated = [a for page in pages for a in page["EngagementResourceAssociationSummaries"]]
    assert len(pages) == 2
    assert [a["ResourceId"] for a in associated] == opportunities
    assert {a["EngagementId"] for a in associated} == {engagement}
    assert {a["CreatedBy"] for a in associated} == {crm.company.account_link.account.account_id}
    filtered = crm.client.list_engagement_resource_associations(
        Catalog="AWS", ResourceIdentifier=opportunities[1]
    )
    assert len(filtered["EngagementResourceAssociationSummaries"]) == 1
    outsider = connect()
    assert (
        outsider.client.list_engagement_resource_associations(Catalog="AWS")[
            "EngagementResourceAssociationSummaries"
        ]
        == []
    )


def job_of(crm: Caller, engagement: str, identifier: str, token: str = "j", **kw: Any) -> Any:
    return crm.client.create_resource_snapshot_job(
        Catalog="AWS", ClientToken=token, EngagementIdentifier=engagement,
        ResourceType="Opportunity", ResourceIdentifier=identifier,
        ResourceSnapshotTemplateIdentifier=kw.get("template", SUMMARY), **kw.get("extra", {}),
    )  # fmt: skip


def test_a_running_job_makes_a_revision_when_the_opportunity_changes(crm: Caller) -> None:
    crm.client.put_selling_system_settings(
        Catalog="AWS", ResourceSnapshotJobRoleIdentifier=make_role(crm)
    )
    engagement = engagement_of(crm)
    identifier = create(crm)
    created = job_of(crm, engagement, identifier, extra={"Tags": [{"Key": "a", "Value": "b"}]})
    assert created["Id"].startswith("job-") and created["Arn"].endswith(created["Id"])
    again = job_of(crm, engagement, identifier, extra={"Tags": [{"Key": "a", "Value": "b"}]})
    assert bare(again) == bare(created)
    job = crm.client.get_resource_snapshot_job(
        Catalog="AWS", ResourceSnapshotJobIdentifier=created["Id"]
    )
    assert job["Status"] == "Stopped" and job["ResourceId"] == identifier
    assert job["ResourceArn"].endswith(f"/opportunity/{identifier}")
    assert "LastSuccessfulExecutionDate" not in job
    retitle(crm, identifier, "Stopped jobs do nothing")
    assert ResourceSnapshot.objects.count() == 0
    crm.client.start_resource_snapshot_job(
        Catalog="AWS", ResourceSnapshotJobIdentifier=created["Id"]
    )
    assert get(crm, engagement, identifier)["Revision"] == 1  # the first run
    retitle(crm, identifier, "Another title")  # not in the template: no new revision
    assert get(crm, engagement, identifier)["Revision"] == 1
    view = crm.client.get_opportunity(Catalog="AWS", Identifier=identifier)
    body = editable(view)
    body["LifeCycle"]["NextSteps"] = "Send the proposal"
    crm.client.update_opportunity(**body)
    latest = get(crm, engagement, identifier)
    assert latest["Revision"] == 2
    assert latest["Payload"]["OpportunitySummary"]["Lifecycle"]["NextSteps"] == "Send the proposal"
    job = crm.client.get_resource_snapshot_job(
        Catalog="AWS", ResourceSnapshotJobIdentifier=created["Id"]
    )
    assert job["Status"] == "Running" and "LastSuccessfulExecutionDate" in job
    # A second job for the same engagement, resource and template conflicts.
    assert code_of(lambda: job_of(crm, engagement, identifier, token="j2")) == "ConflictException"


def test_the_job_life_cycle_and_its_conflicts(crm: Caller) -> None:
    engagement = engagement_of(crm)
    identifier = create(crm)
    job = job_of(crm, engagement, identifier)["Id"]
    calls = {
        name: (lambda name=name: getattr(crm.client, name)(
            Catalog="AWS", ResourceSnapshotJobIdentifier=job))
        for name in ("start_resource_snapshot_job", "stop_resource_snapshot_job",
                     "delete_resource_snapshot_job")
    }  # fmt: skip
    assert code_of(calls["stop_resource_snapshot_job"]) == "ConflictException"
    calls["start_resource_snapshot_job"]()
    # Without a role in the selling system settings the run fails and says why.
    failure = crm.client.get_resource_snapshot_job(Catalog="AWS", ResourceSnapshotJobIdentifier=job)
    assert "PutSellingSystemSettings" in failure["LastFailure"]
    assert ResourceSnapshot.objects.count() == 0
    assert code_of(calls["start_resource_snapshot_job"]) == "ConflictException"
    assert code_of(calls["delete_resource_snapshot_job"]) == "ConflictException"
    calls["stop_resource_snapshot_job"]()
    calls["delete_resource_snapshot_job"]()
    assert code_of(calls["stop_resource_snapshot_job"]) == "ResourceNotFoundException"


def test_it_lists_jobs_with_the_paginator(crm: Caller) -> None:
    engagement, second = engagement_of(crm), engagement_of(crm, "e2")
    identifier = create(crm)
    made = [job_of(crm, engagement, identifier, token="a")["Id"],
            job_of(crm, engagement, identifier, token="b", template=AWS_VIEW)["Id"],
            job_of(crm, second, identifier, token="c")["Id"]]  # fmt: skip
    crm.client.start_resource_snapshot_job(Catalog="AWS", ResourceSnapshotJobIdentifier=made[2])
    pages = list(
        crm.client.get_paginator("list_resource_snapshot_jobs").paginate(
            Catalog="AWS", Sort={"SortBy": "CreatedDate", "SortOrder": "ASCENDING"},
            PaginationConfig={"PageSize": 2},
        )
    )  # fmt: skip
    assert len(pages) == 2
    assert [j["Id"] for p in pages for j in p["ResourceSnapshotJobSummaries"]] == made
    newest = crm.client.list_resource_snapshot_jobs(Catalog="AWS")["ResourceSnapshotJobSummaries"]
    assert [j["Id"] for j in newest] == made[::-1]
    running = crm.client.list_resource_snapshot_jobs(Catalog="AWS", Status="Running")
    assert [j["Id"] for j in running["ResourceSnapshotJobSummaries"]] == [made[2]]
    by_engagement = crm.client.list_resource_snapshot_jobs(
        Catalog="AWS", EngagementIdentifier=engagement
    )
    assert {j["Id"] for j in by_engagement["ResourceSnapshotJobSummaries"]} == set(made[:2])
    assert (
        crm.client.list_resource_snapshot_jobs(Catalog="Sandbox")["ResourceSnapshotJobSummaries"]
        == []
    )


def test_another_companys_keys_get_not_found_for_every_identifier(
    crm: Caller, connect: Callable[..., Caller]
) -> None:
    engagement = engagement_of(crm)
    identifier = create(crm)
    snapshot(crm, engagement, identifier)
    job = job_of(crm, engagement, identifier)["Id"]
    other = connect()
    mine = engagement_of(other, "theirs")
    base = {"ResourceType": "Opportunity", "ResourceSnapshotTemplateIdentifier": SUMMARY}
    calls = [
        ("create_resource_snapshot", {**base, "EngagementIdentifier": engagement,
                                      "ResourceIdentifier": identifier, "ClientToken": "x"}),
        # Their own engagement, our opportunity.
        ("create_resource_snapshot", {**base, "EngagementIdentifier": mine,
                                      "ResourceIdentifier": identifier, "ClientToken": "y"}),
        ("get_resource_snapshot", {**base, "EngagementIdentifier": engagement,
                                   "ResourceIdentifier": identifier}),
        ("list_resource_snapshots", {"EngagementIdentifier": engagement}),
        ("create_resource_snapshot_job", {**base, "EngagementIdentifier": mine,
                                          "ResourceIdentifier": identifier, "ClientToken": "z"}),
        ("get_resource_snapshot_job", {"ResourceSnapshotJobIdentifier": job}),
        ("start_resource_snapshot_job", {"ResourceSnapshotJobIdentifier": job}),
        ("stop_resource_snapshot_job", {"ResourceSnapshotJobIdentifier": job}),
        ("delete_resource_snapshot_job", {"ResourceSnapshotJobIdentifier": job}),
    ]  # fmt: skip
    for method, params in calls:
        call = getattr(other.client, method)
        assert code_of(lambda call=call, params=params: call(Catalog="AWS", **params)) == (
            "ResourceNotFoundException"
        ), method
    # The other catalog is another world too.
    sandbox = crm.client.get_resource_snapshot_job
    assert code_of(lambda: sandbox(Catalog="Sandbox", ResourceSnapshotJobIdentifier=job)) == (
        "ResourceNotFoundException"
    )
    assert (
        other.client.list_resource_snapshot_jobs(Catalog="AWS")["ResourceSnapshotJobSummaries"]
        == []
    )
    assert (
        crm.client.get_resource_snapshot_job(Catalog="AWS", ResourceSnapshotJobIdentifier=job)[
            "Status"
        ]
        == "Stopped"
    )


def test_a_failing_run_is_recorded_and_the_change_still_answers(crm: Caller) -> None:
    crm.client.put_selling_system_settings(
        Catalog="AWS", ResourceSnapshotJobRoleIdentifier=make_role(crm)
    )
    engagement = engagement_of(crm)
    identifier = create(crm)
    job = job_of(crm, engagement, identifier, template=AWS_VIEW)["Id"]
    crm.client.start_resource_snapshot_job(Catalog="AWS", ResourceSnapshotJobIdentifier=job)
    retitle(crm, identifier, "Still answered")  # AWS does not have it yet: the run fails
    got = crm.client.get_resource_snapshot_job(Catalog="AWS", ResourceSnapshotJobIdentifier=job)
    assert "submit it first" in got["LastFailure"] and ResourceSnapshot.objects.count() == 0
    view = crm.client.get_opportunity(Catalog="AWS", Identifier=identifier)
    assert view["Project"]["Title"] == "Still answered"
