"""The Selling API answering as the real service does, one test per difference a CRM
connector found, and the connector's lead-to-opportunity flow end to end through boto3."""
# The boto3 fixtures of test_api are imported; test arguments name them again.
# ruff: noqa: F811

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from allyport.core.errors import FieldError, RuleViolation
from allyport.pipeline.models import Opportunity
from allyport.pipeline.shared.messages import failure_message
from allyport.pipeline.tests.conftest import complete, future, make_solution
from allyport.pipeline.tests.engagement_fixtures import lead, share
from allyport.pipeline.tests.test_api import (  # noqa: F401  (fixtures)
    SANDBOX_ACCESS,
    Caller,
    _no_throttling,
    connect,
    create,
    crm,
    error_of,
)
from allyport.pipeline.tests.test_contexts import add, engagement_of, lead_context, start
from allyport.pipeline.tests.test_system_settings import make_role

pytestmark = pytest.mark.django_db(transaction=True)
REGIONAL = "arn:aws:partnercentral:us-east-1::catalog/"


def test_a_converted_lead_carries_what_the_service_fills_in(crm: Caller) -> None:
    engagement = engagement_of(crm)["Id"]
    add(crm, engagement, lead_context(), "c1")
    task = start(crm, engagement, "1", "t1")
    view = crm.client.get_opportunity(Catalog="AWS", Identifier=task["OpportunityId"])
    assert view["OpportunityType"] == "Net New Business"
    assert view["NationalSecurity"] == "No"
    assert view["Marketing"]["Source"] == "None"
    assert view["Project"]["ExpectedCustomerSpend"] == []
    assert view["Project"]["Title"] == "Converted from Lead: Lead Corp"
    close = date.fromisoformat(view["LifeCycle"]["TargetCloseDate"])
    assert date.today() < close <= date.today() + timedelta(days=31)


def test_get_opportunity_returns_the_empty_lists(crm: Caller) -> None:
    payload = complete()
    view = crm.client.get_opportunity(Catalog="AWS", Identifier=create(crm, **payload))
    assert view["RelatedEntityIdentifiers"] == {
        "AwsMarketplaceOffers": [], "AwsProducts": [], "Solutions": [],
    }  # fmt: skip
    assert view["OpportunityTeam"] == []
    assert view["Project"]["ExpectedCustomerSpend"] == payload["Project"]["ExpectedCustomerSpend"]


def test_a_sandbox_aws_referral_arrives_as_an_invitation_to_accept_or_reject(
    connect: Callable[..., Caller],
) -> None:
    crm = connect(SANDBOX_ACCESS)
    body = complete()
    body["LifeCycle"]["ReviewStatus"] = "Pending Submission"
    first = create(crm, "Sandbox", Origin="AWS Referral", **body)
    second = create(crm, "Sandbox", Origin="AWS Referral", **complete())
    listed = crm.client.list_engagement_invitations(Catalog="Sandbox", ParticipantType="RECEIVER")[
        "EngagementInvitationSummaries"
    ]
    assert len(listed) == 2
    assert {i["SenderCompanyName"] for i in listed} == {"AWS"}
    assert {i["PayloadType"] for i in listed} == {"OpportunityInvitation"}
    assert {i["EngagementTitle"] for i in listed} == {"Data lake migration"}
    newest, oldest = listed[0], listed[1]
    task = crm.client.start_engagement_by_accepting_invitation_task(
        Catalog="Sandbox", ClientToken="a", Identifier=oldest["Id"]
    )
    assert task["TaskStatus"] == "COMPLETE" and task["OpportunityId"] == first
    assert task["ResourceSnapshotJobId"].startswith("job-")
    crm.client.reject_engagement_invitation(
        Catalog="Sandbox", Identifier=newest["Id"], RejectionReason="Other"
    )
    statuses = {
        i["Id"]: i["Status"]
        for i in crm.client.list_engagement_invitations(
            Catalog="Sandbox", ParticipantType="RECEIVER"
        )["EngagementInvitationSummaries"]
    }
    assert statuses == {oldest["Id"]: "ACCEPTED", newest["Id"]: "REJECTED"}
    assert Opportunity.objects.filter(catalog="Sandbox").count() == 2
    assert {first, second} == set(Opportunity.objects.values_list("public_id", flat=True))


def test_the_aws_catalog_still_refuses_a_partner_made_aws_referral(crm: Caller) -> None:
    with pytest.raises(Exception) as caught:
        crm.client.create_opportunity(Catalog="AWS", Origin="AWS Referral", **complete())
    assert error_of(caught)["Code"] == "ValidationException"
    assert (
        crm.client.list_engagement_invitations(Catalog="AWS", ParticipantType="RECEIVER")[
            "EngagementInvitationSummaries"
        ]
        == []
    )


def test_list_solutions_answers_the_solution_arn(crm: Caller) -> None:
    solution = make_solution(crm.company)
    account = crm.company.account_link.account.account_id
    item = crm.client.list_solutions(Catalog="AWS")["SolutionSummaries"][0]
    assert item["Id"] == solution.public_id
    assert item["Arn"] == (
        f"arn:aws:partnercentral:us-east-1:{account}:catalog/AWS/solution/{solution.public_id}"
    )


def test_task_and_invitation_arns_take_the_services_form(crm: Caller) -> None:
    engagement = engagement_of(crm)["Id"]
    add(crm, engagement, lead_context(), "c1")
    task = start(crm, engagement, "1", "t1")
    assert task["TaskArn"] == f"{REGIONAL}AWS/opportunity-from-engagement-task/{task['TaskId']}"
    submitted = crm.client.start_engagement_from_opportunity_task(
        Catalog="AWS", ClientToken="s", Identifier=create(crm),
        AwsSubmission={"InvolvementType": "Co-Sell", "Visibility": "Full"},
    )  # fmt: skip
    assert submitted["TaskArn"] == (
        f"{REGIONAL}AWS/engagement-from-opportunity-task/{submitted['TaskId']}"
    )
    share(crm.company)
    invitation = crm.client.list_engagement_invitations(Catalog="AWS", ParticipantType="RECEIVER")[
        "EngagementInvitationSummaries"
    ][0]
    assert invitation["Arn"] == f"{REGIONAL}AWS/engagement-invitation/{invitation['Id']}"
    got = crm.client.get_engagement_invitation(Catalog="AWS", Identifier=invitation["Arn"])
    assert got["Arn"] == invitation["Arn"]


def test_completed_engagement_tasks_carry_their_snapshot_job(crm: Caller) -> None:
    identifier = create(crm)
    crm.client.associate_opportunity(
        Catalog="AWS", OpportunityIdentifier=identifier, RelatedEntityType="Solutions",
        RelatedEntityIdentifier=make_solution(crm.company).public_id,
    )  # fmt: skip
    task = crm.client.start_engagement_from_opportunity_task(
        Catalog="AWS", ClientToken="s", Identifier=identifier,
        AwsSubmission={"InvolvementType": "Co-Sell", "Visibility": "Full"},
    )  # fmt: skip
    assert task["TaskStatus"] == "COMPLETE", task.get("Message")
    job = crm.client.get_resource_snapshot_job(
        Catalog="AWS", ResourceSnapshotJobIdentifier=task["ResourceSnapshotJobId"]
    )
    assert job["ResourceId"] == identifier and job["EngagementId"] == task["EngagementId"]
    listed = crm.client.list_engagement_from_opportunity_tasks(Catalog="AWS")["TaskSummaries"]
    assert listed[0]["ResourceSnapshotJobId"] == task["ResourceSnapshotJobId"]


def test_task_messages_end_in_one_full_stop() -> None:
    error = RuleViolation(
        [FieldError("Project.Title", "Required."), FieldError("LifeCycle", "Too long..")]
    )
    message = failure_message(error)
    assert message == (
        "Project.Title: Required; LifeCycle: Too long. Correct this and start a new task."
    )
    assert not message.endswith("..")


def test_a_failed_task_message_ends_in_one_full_stop(crm: Caller) -> None:
    identifier = create(crm, **{"Customer": complete()["Customer"], "OpportunityType": "Expansion"})
    task = crm.client.start_engagement_from_opportunity_task(
        Catalog="AWS", ClientToken="s", Identifier=identifier,
        AwsSubmission={"InvolvementType": "Co-Sell", "Visibility": "Full"},
    )  # fmt: skip
    assert task["TaskStatus"] == "FAILED"
    assert task["Message"].endswith("start a new task.") and ".." not in task["Message"]


def test_the_lead_to_opportunity_flow_ends_with_a_submitted_opportunity(
    connect: Callable[..., Caller],
) -> None:
    sender, partner = connect(), connect()
    # One company: a lead engagement and an invitation to the partner.
    engagement = sender.client.create_engagement(
        Catalog="AWS", ClientToken="e", Title="Lead from the summit", Description="A lead",
        Contexts=[{"Type": "Lead", "Payload": lead_context()}],
    )  # fmt: skip
    account = partner.company.account_link.account.account_id
    invited = sender.client.create_engagement_invitation(
        Catalog="AWS", ClientToken="i", EngagementIdentifier=engagement["Id"],
        Invitation={"Message": "Yours", "Receiver": {"Account": {"AwsAccountId": account}},
                    "Payload": {"LeadInvitation": lead()}},
    )  # fmt: skip
    # The other accepts it and updates the lead.
    received = partner.client.list_engagement_invitations(
        Catalog="AWS", ParticipantType="RECEIVER"
    )["EngagementInvitationSummaries"]
    assert [i["Id"] for i in received] == [invited["Id"]]
    partner.client.accept_engagement_invitation(Catalog="AWS", Identifier=invited["Id"])
    got = partner.client.get_engagement(Catalog="AWS", Identifier=engagement["Id"])
    context = next(c for c in got["Contexts"] if c["Type"] == "Lead")
    partner.client.update_engagement_context(
        Catalog="AWS", EngagementIdentifier=engagement["Id"], ContextIdentifier=context["Id"],
        EngagementLastModifiedAt=got["ModifiedAt"], Type="Lead",
        Payload={"Lead": {"QualificationStatus": "Qualified",
                          "Customer": {"CompanyName": "Lead Corp"},
                          "Interaction": {"SourceType": "Event", "SourceName": "Call",
                                          "Usecase": "Analytics",
                                          "Contact": {"BusinessTitle": "CTO", "FirstName": "Kim",
                                                      "LastName": "Berg",
                                                      "Email": "cto@lead.example"}}}},
    )  # fmt: skip
    partner.client.put_selling_system_settings(
        Catalog="AWS", ResourceSnapshotJobRoleIdentifier=make_role(partner)
    )
    task = partner.client.start_opportunity_from_engagement_task(
        Catalog="AWS", ClientToken="o", Identifier=engagement["Id"],
        ContextIdentifier=context["Id"],
    )  # fmt: skip
    assert task["TaskStatus"] == "COMPLETE", task.get("Message")
    identifier = task["OpportunityId"]
    solution = make_solution(partner.company)
    partner.client.associate_opportunity(
        Catalog="AWS", OpportunityIdentifier=identifier, RelatedEntityType="Solutions",
        RelatedEntityIdentifier=solution.public_id,
    )  # fmt: skip
    view = partner.client.get_opportunity(Catalog="AWS", Identifier=identifier)
    assert view["RelatedEntityIdentifiers"]["Solutions"] == [solution.public_id]
    body = {key: value for key, value in view.items()
            if key not in ("Id", "Arn", "CreatedDate", "RelatedEntityIdentifiers",
                           "OpportunityTeam", "ResponseMetadata")}  # fmt: skip
    body["LifeCycle"].pop("NextStepsHistory", None)
    body["Project"] = complete()["Project"] | {"Title": view["Project"]["Title"]}
    body["LifeCycle"] |= {"Stage": "Qualified", "TargetCloseDate": future()}
    body["PrimaryNeedsFromAws"] = ["Co-Sell - Technical Consultation"]
    body["Customer"]["Account"] |= complete()["Customer"]["Account"] | {"CompanyName": "Lead Corp"}
    partner.client.update_opportunity(Identifier=identifier, **body)
    submitted = partner.client.start_engagement_from_opportunity_task(
        Catalog="AWS", ClientToken="s", Identifier=identifier,
        AwsSubmission={"InvolvementType": "Co-Sell", "Visibility": "Full"},
    )  # fmt: skip
    assert submitted["TaskStatus"] == "COMPLETE", submitted.get("Message")
    final = partner.client.get_opportunity(Catalog="AWS", Identifier=identifier)
    assert final["LifeCycle"]["ReviewStatus"] == "Submitted"
    assert final["OpportunityType"] == "Net New Business"
