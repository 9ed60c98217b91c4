"""Another company's keys find nothing of company A: every served operation that takes
an identifier of A's resources answers B with ResourceNotFoundException (never the
data, never AccessDenied, which would tell that it exists), and B's lists never show
A's items. Parametrized over the registry: a newly served operation without a case
here fails until it gets one (or joins NO_IDENTIFIER)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from allyport.access.actor import Actor
from allyport.awsapi import registry
from allyport.awsapi.tests.conftest import SELLING, ApiCredentials, make_credentials
from allyport.awsapi.tests.contract.conftest import Answer, call
from allyport.customers.services.scope import BULK_JOB, customer_account_arn, resource_arn
from allyport.pipeline import services
from allyport.pipeline.selectors import engagement_arn, invitation_arn, opportunity_arn
from allyport.pipeline.tests.conftest import complete
from allyport.pipeline.tests.engagement_fixtures import lead, share
from allyport.pipeline.tests.test_contexts import PROJECT, lead_context

pytestmark = pytest.mark.django_db
SUMMARY = "OpportunitySummary"
LEAD_UPDATE = {"Lead": {"QualificationStatus": "Nurturing", "Customer": {"CompanyName": "B Corp"}}}


@dataclass
class World:
    """Company A's records (made through the API where it can) and B's keys."""

    a: ApiCredentials
    b: ApiCredentials
    client: Client
    opportunity: str
    submitted: str
    solution: str
    engagement: str
    engaged: str  # the engagement of the submitted opportunity
    invitation: str  # received by A, pending
    sent_invitation: str
    invitation_arn: str
    task: str
    job: str
    opportunity_arn: str
    task_arn: str
    customer_account: str = ""
    customer_job: str = ""
    prospecting: str = ""  # A's prospecting task (over its engagement)
    bulk_job: str = ""  # A's opportunity bulk job

    def as_a(self, operation: str, **params: Any) -> dict[str, Any]:
        answer = call(self.client, self.a, operation, params)
        assert answer.status == 200, (operation, answer.body)
        return answer.body

    def as_b(self, operation: str, **params: Any) -> Answer:
        return call(self.client, self.b, operation, params)

    @property
    def secrets(self) -> list[str]:
        return [
            self.opportunity, self.submitted, self.solution, self.engagement, self.engaged,
            self.invitation, self.sent_invitation, self.task, self.job, self.customer_account,
            self.prospecting, self.bulk_job, self.customer_job,
        ]  # fmt: skip


def _member_actor(creds: ApiCredentials) -> Actor:
    """The company's alliance lead (who manages offerings)."""
    from allyport.access import actor as actors
    from allyport.accounts.models import User

    assert creds.company is not None
    domain = creds.company.domains.first().domain  # type: ignore[union-attr]
    return actors.for_user(User.objects.get(email=f"lead@{domain}"))


@pytest.fixture
def world(db: None) -> World:
    a, b = make_credentials(), make_credentials()
    assert a.company is not None
    client = Client()
    w = World(a, b, client, *[""] * 12)
    w.opportunity = w.as_a("CreateOpportunity", Catalog="AWS", ClientToken="a-1", **complete())[
        "Id"
    ]
    w.submitted = w.as_a("CreateOpportunity", Catalog="AWS", ClientToken="a-2", **complete())["Id"]
    lead_actor = _member_actor(a)
    w.solution = services.create_solution(
        lead_actor, "AWS", {"name": "Analytics", "category": "Software Product", "status": "Active"}
    ).public_id
    for identifier in (w.opportunity, w.submitted):
        w.as_a("AssociateOpportunity", Catalog="AWS", OpportunityIdentifier=identifier,
               RelatedEntityType="Solutions", RelatedEntityIdentifier=w.solution)  # fmt: skip
    task = w.as_a(
        "StartEngagementFromOpportunityTask", Catalog="AWS", ClientToken="a-3",
        Identifier=w.submitted, AwsSubmission={"InvolvementType": "Co-Sell"},
    )  # fmt: skip
    assert task["TaskStatus"] == "COMPLETE", task
    w.task, w.engaged = task["TaskId"], task["EngagementId"]
    # Tag operations name the task with the owner's account (the answer names none).
    w.task_arn = task["TaskArn"].replace("::catalog/", f":{a.user.account.account_id}:catalog/")
    w.sent_invitation = task["EngagementInvitationId"]
    w.engagement = w.as_a("CreateEngagement", Catalog="AWS", ClientToken="a-4", Title="Joint")["Id"]
    w.as_a("CreateEngagementContext", Catalog="AWS", EngagementIdentifier=w.engagement,
           ClientToken="a-7", Type="Lead", Payload=lead_context())  # fmt: skip
    w.as_a("StartOpportunityFromEngagementTask", Catalog="AWS", ClientToken="a-8",
           Identifier=w.engagement, ContextIdentifier="1")  # fmt: skip
    received = share(a.company)
    w.invitation, w.invitation_arn = received.public_id, invitation_arn(received)
    w.as_a("CreateResourceSnapshot", Catalog="AWS", EngagementIdentifier=w.engaged,
           ResourceType="Opportunity", ResourceIdentifier=w.submitted,
           ResourceSnapshotTemplateIdentifier=SUMMARY, ClientToken="a-5")  # fmt: skip
    # The engagement task started the opportunity's summary job.
    w.job = task["ResourceSnapshotJobId"]
    w.opportunity_arn = opportunity_arn("AWS", w.opportunity, a.user.account.account_id)
    w.as_a("TagResource", ResourceArn=w.opportunity_arn, Tags=[{"Key": "k", "Value": "v"}])
    w.customer_account = w.as_a(
        "CreateCustomerAccount", Catalog="AWS", Account={"CompanyName": "A's customer"}
    )["Id"]
    w.customer_job = w.as_a("StartCustomerAccountBulkJob", Catalog="AWS", ClientToken="a-9",
                            FileUri=_customer_file_uri(lead_actor))["Id"]  # fmt: skip
    w.prospecting = w.as_a(
        "StartProspectingFromEngagementTask", Catalog="AWS", ClientToken="a-9",
        Identifiers=[w.engagement], TaskName="A's prospects",
    )["TaskId"]  # fmt: skip
    w.bulk_job = w.as_a("StartOpportunityBulkJob", Catalog="AWS", ClientToken="a-bulk",
                        FileURI=_bulk_file_uri(a), FileFormat="CSV")["JobId"]  # fmt: skip
    return w


def _customer_file_uri(member: Actor) -> str:
    """A CSV of one customer account, uploaded for the API by a member of A."""
    from allyport.bulk import files

    return files.uri(files.upload(member, "a.csv", io.BytesIO(b"CompanyName\r\nA Two\r\n")))


def _bulk_file_uri(creds: ApiCredentials) -> str:
    """A file of the company's uploaded on the Bulk page (Files for the API)."""
    from allyport.access import actor as actors
    from allyport.bulk import files
    from allyport.bulk.tests.conftest import csv_bytes, good_row
    from allyport.testing import make_user

    assert creds.company is not None
    member = actors.for_user(make_user(creds.company, "ace_manager"))
    return files.uri(files.upload(member, "a.csv", io.BytesIO(csv_bytes([good_row(1)]))))


def _account(creds: ApiCredentials) -> str:
    return str(creds.user.account.account_id)


def _invitation_to_b(w: World) -> dict[str, Any]:
    receiver = w.b.user.account.account_id
    return {"Message": "m", "Receiver": {"Account": {"AwsAccountId": receiver}},
            "Payload": {"LeadInvitation": lead()}}  # fmt: skip


def _snapshot(w: World, engagement: str | None = None) -> dict[str, Any]:
    return {
        "EngagementIdentifier": engagement or w.engaged,
        "ResourceType": "Opportunity",
        "ResourceIdentifier": w.submitted,
        "ResourceSnapshotTemplateIdentifier": SUMMARY,
    }


def _taggable(w: World) -> list[str]:
    """A's opportunity, task and engagement, named with A's account and with B's."""
    arns = [w.opportunity_arn, w.task_arn]
    arns.append(customer_account_arn("AWS", w.customer_account, _account(w.a)))
    for account in (w.a.user.account.account_id, w.b.user.account.account_id):
        arns.append(
            f"arn:aws:partnercentral:us-east-1:{account}:catalog/AWS/engagement/{w.engagement}"
        )
        arns.append(
            f"arn:aws:partnercentral:us-east-1:{account}:catalog/AWS/opportunity/{w.opportunity}"
        )
    return arns


# Each case: B's parameters naming one of A's resources (Catalog AWS added), or several.
Case = Callable[[World], list[dict[str, Any]]]
CASES: dict[str, Case] = {
    "GetOpportunity": lambda w: [{"Identifier": w.opportunity}],
    "UpdateOpportunity": lambda w: [
        {"Identifier": w.opportunity, "LastModifiedDate": "2030-01-01T00:00:00Z", **complete()}
    ],
    "SubmitOpportunity": lambda w: [{"Identifier": w.opportunity, "InvolvementType": "Co-Sell"}],
    "AssignOpportunity": lambda w: [
        {
            "Identifier": w.opportunity,
            "Assignee": {
                "Email": "x@example.com",
                "FirstName": "X",
                "LastName": "Y",
                "BusinessTitle": "PartnerAccountManager",
            },
        }
    ],  # fmt: skip
    "AssociateOpportunity": lambda w: [
        {
            "OpportunityIdentifier": w.opportunity,
            "RelatedEntityType": "Solutions",
            "RelatedEntityIdentifier": w.solution,
        },
    ],  # fmt: skip
    "DisassociateOpportunity": lambda w: [
        {
            "OpportunityIdentifier": w.opportunity,
            "RelatedEntityType": "Solutions",
            "RelatedEntityIdentifier": w.solution,
        },
    ],  # fmt: skip
    "GetAwsOpportunitySummary": lambda w: [{"RelatedOpportunityIdentifier": w.submitted}],
    "StartEngagementFromOpportunityTask": lambda w: [
        {
            "Identifier": w.opportunity,
            "ClientToken": "b-1",
            "AwsSubmission": {"InvolvementType": "Co-Sell"},
        },
    ],  # fmt: skip
    "GetEngagementInvitation": lambda w: [
        {"Identifier": w.invitation},
        {"Identifier": w.invitation_arn},
        {"Identifier": w.sent_invitation},
    ],  # fmt: skip
    "AcceptEngagementInvitation": lambda w: [
        {"Identifier": w.invitation},
        {"Identifier": w.invitation_arn},
    ],
    "RejectEngagementInvitation": lambda w: [
        {"Identifier": w.invitation},
        {"Identifier": w.invitation_arn},
    ],
    "StartEngagementByAcceptingInvitationTask": lambda w: [
        {"Identifier": w.invitation, "ClientToken": "b-2"}
    ],
    "GetEngagement": lambda w: [
        {"Identifier": w.engagement},
        {"Identifier": w.engaged},
        {"Identifier": engagement_arn("AWS", w.engagement)},
    ],  # fmt: skip
    "ListEngagementMembers": lambda w: [{"Identifier": w.engagement}, {"Identifier": w.engaged}],
    "CreateEngagementInvitation": lambda w: [
        {
            "EngagementIdentifier": w.engagement,
            "ClientToken": "b-3",
            "Invitation": _invitation_to_b(w),
        },
    ],  # fmt: skip
    "CreateResourceSnapshot": lambda w: [{**_snapshot(w), "ClientToken": "b-4"}],
    "CreateResourceSnapshotJob": lambda w: [{**_snapshot(w), "ClientToken": "b-5"}],
    "GetResourceSnapshot": lambda w: [_snapshot(w)],
    "ListResourceSnapshots": lambda w: [{"EngagementIdentifier": w.engaged}],
    "GetResourceSnapshotJob": lambda w: [{"ResourceSnapshotJobIdentifier": w.job}],
    "StartResourceSnapshotJob": lambda w: [{"ResourceSnapshotJobIdentifier": w.job}],
    "StopResourceSnapshotJob": lambda w: [{"ResourceSnapshotJobIdentifier": w.job}],
    "DeleteResourceSnapshotJob": lambda w: [{"ResourceSnapshotJobIdentifier": w.job}],
    "TagResource": lambda w: [
        {"ResourceArn": arn, "Tags": [{"Key": "b", "Value": "b"}]} for arn in _taggable(w)
    ],
    "UntagResource": lambda w: [{"ResourceArn": arn, "TagKeys": ["k"]} for arn in _taggable(w)],
    "ListTagsForResource": lambda w: [{"ResourceArn": arn} for arn in _taggable(w)],
    "CreateEngagementContext": lambda w: [
        {
            "EngagementIdentifier": e,
            "ClientToken": f"b-6{e}",
            "Type": "CustomerProject",
            "Payload": PROJECT,
        }
        for e in (w.engagement, w.engaged)
    ],  # fmt: skip
    "UpdateEngagementContext": lambda w: [
        {
            "EngagementIdentifier": e,
            "ContextIdentifier": "1",
            "Type": t,
            "Payload": p,
            "EngagementLastModifiedAt": "2030-01-01T00:00:00Z",
        }
        for e, t, p in (
            (w.engagement, "Lead", LEAD_UPDATE),
            (w.engaged, "CustomerProject", PROJECT),
        )
    ],  # fmt: skip
    "StartOpportunityFromEngagementTask": lambda w: [
        {"Identifier": w.engagement, "ContextIdentifier": "1", "ClientToken": "b-7"}
    ],
    "GetCustomerAccount": lambda w: [
        {"Identifier": w.customer_account},
        {"Identifier": customer_account_arn("AWS", w.customer_account, _account(w.a))},
        {"Identifier": customer_account_arn("AWS", w.customer_account, _account(w.b))},
    ],
    "UpdateCustomerAccount": lambda w: [
        {
            "Identifier": w.customer_account,
            "LastModifiedDate": "2030-01-01T00:00:00Z",
            "Account": {"CompanyName": "B's name"},
        }
    ],
    "DeleteCustomerAccount": lambda w: [{"Identifier": w.customer_account}],
    "GetCustomerAccountBulkJob": lambda w: [
        {"Identifier": w.customer_job},
        {"Identifier": resource_arn(BULK_JOB, "AWS", w.customer_job, _account(w.a))},
    ],
    "ListCustomerAccountBulkJobResults": lambda w: [{"Identifier": w.customer_job}],
    "GetCustomerAccountBulkJobReportUrl": lambda w: [{"Identifier": w.customer_job}],
    "GetProspectingFromEngagementTask": lambda w: [{"TaskIdentifier": w.prospecting}],
    "ListOpportunityBulkJobResults": lambda w: [{"JobId": w.bulk_job}],
    "GetOpportunityBulkJobReportUrl": lambda w: [
        {"JobId": w.bulk_job, "ReportFormat": "CSV", "ReportType": t}
        for t in ("FAILED_RECORDS", "ALL_RECORDS")
    ],
}
NO_CATALOG = {"TagResource", "UntagResource", "ListTagsForResource"}

# Operations that take no identifier of another company's resource: creations and
# lists (checked below for what they show), and the caller's own settings.
LISTS: dict[str, Callable[[World], dict[str, Any]]] = {
    "ListOpportunities": lambda w: {},
    "ListOpportunityBulkJobs": lambda w: {},
    "SearchOpportunities": lambda w: {},
    "ListSolutions": lambda w: {},
    "ListEngagements": lambda w: {},
    "ListEngagementInvitations": lambda w: {"ParticipantType": "RECEIVER"},
    "ListEngagementByAcceptingInvitationTasks": lambda w: {},
    "ListEngagementFromOpportunityTasks": lambda w: {},
    "ListResourceSnapshotJobs": lambda w: {},
    "ListEngagementResourceAssociations": lambda w: {},
    "ListOpportunityFromEngagementTasks": lambda w: {},
    "SearchCustomerAccounts": lambda w: {},
    "ListCustomerAccountBulkJobs": lambda w: {},
    "ListProspectingFromEngagementTasks": lambda w: {},
    "SearchEngagements": lambda w: {},
}
# StartProspectingFromEngagementTask fails another company's engagements one by one
# and ListEngagementGroups lists shared groups: both have their own tests below.
NO_IDENTIFIER = {
    "StartOpportunityBulkJob",  # FileURI: see test_another_companys_bulk_file_uri_is_not_found
    *LISTS, "CreateOpportunity", "CreateEngagement", "GetSellingSystemSettings",
    "PutSellingSystemSettings", "CreateCustomerAccount", "GetCustomerAccountStatistics",
    # Names a file; another company's file is a ValidationException naming FileUri.
    "StartCustomerAccountBulkJob",
    "StartProspectingFromEngagementTask", "ListEngagementGroups",
}  # fmt: skip
FILTERED_LISTS: dict[str, Callable[[World], dict[str, Any]]] = {
    "ListOpportunityBulkJobs": lambda w: {"JobId": w.bulk_job},
    "ListOpportunities": lambda w: {"Identifier": [w.opportunity, w.submitted]},
    "SearchOpportunities": lambda w: {
        "Filter": {
            "ContainsAny": {
                "Key": "OpportunityId",
                "Value": {"StringListValue": [w.opportunity, w.submitted]},
            }
        }
    },
    "ListSolutions": lambda w: {"Identifier": [w.solution]},
    "ListEngagements": lambda w: {"EngagementIdentifier": [w.engagement, w.engaged]},
    "ListEngagementInvitations": lambda w: {"ParticipantType": "SENDER"},
    "ListEngagementByAcceptingInvitationTasks": lambda w: {
        "EngagementInvitationIdentifier": [w.invitation]
    },
    "ListEngagementFromOpportunityTasks": lambda w: {
        "TaskIdentifier": [w.task],
        "OpportunityIdentifier": [w.submitted],
    },  # fmt: skip
    "ListResourceSnapshotJobs": lambda w: {"EngagementIdentifier": w.engaged},
    "ListEngagementResourceAssociations": lambda w: {"EngagementIdentifier": w.engaged},
    "ListOpportunityFromEngagementTasks": lambda w: {"EngagementIdentifier": [w.engagement]},
    "SearchCustomerAccounts": lambda w: {
        "Filter": {"EqualsTo": {"Key": "COMPANY_NAME", "Value": {"StringValue": "A's customer"}}}
    },
    "ListCustomerAccountBulkJobs": lambda w: {"Filter": {"Identifier": w.customer_job}},
    "ListProspectingFromEngagementTasks": lambda w: {"TaskIdentifier": [w.prospecting]},
    "SearchEngagements": lambda w: {"Keyword": "Joint"},
}


def served() -> list[str]:
    return sorted(registry.supported(SELLING))


def _leaks(w: World, answer: Answer) -> list[str]:
    text = json.dumps(answer.body)
    return [secret for secret in w.secrets if secret and secret in text]


def test_every_operation_has_a_case() -> None:
    missing = set(served()) - set(CASES) - NO_IDENTIFIER
    assert not missing, f"served operations without a tenancy case: {sorted(missing)}"


@pytest.mark.parametrize("operation", [op for op in served() if op not in NO_IDENTIFIER])
def test_another_company_gets_not_found(operation: str, world: World) -> None:
    assert operation in CASES, f"{operation} is served but has no tenancy case"
    for params in CASES[operation](world):
        body = params if operation in NO_CATALOG else {"Catalog": "AWS", **params}
        answer = world.as_b(operation, **body)
        assert answer.code == "ResourceNotFoundException", (operation, params, answer)
        assert answer.status == 404
        assert not _leaks(world, answer) or all(
            secret in json.dumps(params) for secret in _leaks(world, answer)
        ), answer.body  # the message may repeat the identifier asked for, nothing else
    # Nothing of A's changed: its opportunity and invitation read as before.
    view = world.as_a("GetOpportunity", Catalog="AWS", Identifier=world.opportunity)
    assert view["LifeCycle"]["ReviewStatus"] == "Pending Submission"
    assert (
        world.as_a("GetEngagementInvitation", Catalog="AWS", Identifier=world.invitation)["Status"]
        == "PENDING"
    )
    tags = world.as_a("ListTagsForResource", ResourceArn=world.opportunity_arn)["Tags"]
    assert tags == [{"Key": "k", "Value": "v"}]
    customer = world.as_a("GetCustomerAccount", Catalog="AWS", Identifier=world.customer_account)
    assert customer["Account"] == {"CompanyName": "A's customer"}


@pytest.mark.parametrize("operation", [op for op in served() if op in LISTS])
def test_another_companys_lists_show_none_of_its_items(operation: str, world: World) -> None:
    for params in (LISTS[operation](world), FILTERED_LISTS.get(operation, lambda w: None)(world)):
        if params is None:
            continue
        answer = world.as_b(operation, Catalog="AWS", **params)
        assert answer.status in (200, 404), (operation, answer.body)
        assert not _leaks(world, answer), (operation, params, answer.body)
    # A's own list shows them (so the empty answer above means something)
    if operation != "ListEngagementByAcceptingInvitationTasks":  # A accepted nothing
        own = call(world.client, world.a, operation, {"Catalog": "AWS", **LISTS[operation](world)})
        assert _leaks(world, own), (operation, own.body)


def test_another_companys_client_token_replays_nothing_of_a(world: World) -> None:
    """ClientTokens are per company: B sending A's token and body gets its own record."""
    body = {"Catalog": "AWS", "ClientToken": "a-1", **complete()}
    answer = world.as_b("CreateOpportunity", **body)
    assert answer.status == 200, answer.body
    assert answer.body["Id"] != world.opportunity
    got = world.as_b("GetOpportunity", Catalog="AWS", Identifier=answer.body["Id"])
    assert got.status == 200, got.body
    engagement = world.as_b("CreateEngagement", Catalog="AWS", ClientToken="a-4", Title="Joint")
    assert engagement.status == 200, engagement.body
    assert engagement.body["Id"] != world.engagement
    assert not _leaks(world, answer) and not _leaks(world, engagement)


def test_prospecting_another_companys_engagements_fails_each_and_shows_nothing(
    world: World,
) -> None:
    before = world.as_a("GetEngagement", Catalog="AWS", Identifier=world.engagement)
    answer = world.as_b("StartProspectingFromEngagementTask", Catalog="AWS", ClientToken="b-9",
                        Identifiers=[world.engagement, world.engaged], TaskName="B")  # fmt: skip
    assert answer.status == 200, answer.body
    got = world.as_b("GetProspectingFromEngagementTask", Catalog="AWS",
                     TaskIdentifier=answer.body["TaskId"])  # fmt: skip
    results = got.body["Engagements"]
    assert [r["ReasonCode"] for r in results] == ["EngagementNotFound"] * 2, got.body
    assert all("EngagementContextId" not in r for r in results)
    text = json.dumps(got.body)
    assert "Lead Corp" not in text and "Joint" not in text
    after = world.as_a("GetEngagement", Catalog="AWS", Identifier=world.engagement)
    assert after["Contexts"] == before["Contexts"] and after["ModifiedAt"] == before["ModifiedAt"]


def test_engagement_groups_count_only_the_callers_engagements(world: World) -> None:
    from allyport.pipeline.models import Engagement, EngagementGroup

    group = EngagementGroup.objects.create(catalog="AWS", name="G", readiness_level="SalesReady")
    ids = [world.engagement, world.engaged]
    group.engagements.set(Engagement.objects.filter(public_id__in=ids))
    mine = world.as_a("ListEngagementGroups", Catalog="AWS")["EngagementGroupSummaries"]
    theirs = world.as_b("ListEngagementGroups", Catalog="AWS")
    assert [g["Count"] for g in mine] == [2]
    assert [g["Count"] for g in theirs.body["EngagementGroupSummaries"]] == [0]
    assert not _leaks(world, theirs)
    found = world.as_b("SearchEngagements", Catalog="AWS", GroupId=group.public_id)
    assert found.body["EngagementSearchSummaries"] == [] and not _leaks(world, found)


def test_another_companys_bulk_file_uri_is_not_found(world: World) -> None:
    """StartOpportunityBulkJob has no ResourceNotFoundException: B naming A's file gets
    the answer a missing file gets, a ValidationException naming FileURI."""
    answer = world.as_b("StartOpportunityBulkJob", Catalog="AWS", ClientToken="b-bulk",
                        FileURI=_bulk_file_uri(world.a), FileFormat="CSV")  # fmt: skip
    assert (answer.status, answer.code) == (400, "ValidationException"), answer.body
    assert [e["FieldName"] for e in answer.body["ErrorList"]] == ["FileURI"]
    assert "was found" in json.dumps(answer.body)
