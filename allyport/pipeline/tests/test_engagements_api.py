"""The real boto3 client against live_server for each engagement operation, their
paginators, ClientToken replays, and another company's keys."""
# The boto3 fixtures of test_api are imported; test arguments name them again.
# ruff: noqa: F811

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError

from allyport.pipeline.engagements.models import EngagementInvitation
from allyport.pipeline.models import Opportunity
from allyport.pipeline.tests.conftest import make_solution
from allyport.pipeline.tests.engagement_fixtures import LEAD, age, lead, referral, share
from allyport.pipeline.tests.test_api import (  # noqa: F401  (fixtures)
    Caller,
    _no_throttling,
    connect,
    create,
    crm,
    error_of,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_lists_and_gets_the_referrals_a_partner_received(crm: Caller) -> None:
    first, second = share(crm.company), share(crm.company, LEAD)
    listed = crm.client.list_engagement_invitations(Catalog="AWS", ParticipantType="RECEIVER")
    items = listed["EngagementInvitationSummaries"]
    assert [item["Id"] for item in items] == [second.public_id, first.public_id]
    item = items[1]
    assert item["PayloadType"] == "OpportunityInvitation" and item["Status"] == "PENDING"
    assert item["SenderCompanyName"] == "AWS" and item["ParticipantType"] == "RECEIVER"
    assert (
        item["Receiver"]["Account"]["AwsAccountId"] == crm.company.account_link.account.account_id
    )
    assert (item["ExpirationDate"] - item["InvitationDate"]).days == 15
    assert item["EngagementId"].startswith("eng-")
    view = crm.client.get_engagement_invitation(Catalog="AWS", Identifier=first.public_id)
    assert view["Payload"]["OpportunityInvitation"]["Project"]["Title"] == "Data lake migration"
    assert view["InvitationMessage"] == "Please take a look."
    assert view["ExistingMembers"] == [
        {"CompanyName": "AWS", "WebsiteUrl": "https://aws.amazon.com"}
    ]
    assert view["Arn"].endswith(f":catalog/AWS/engagement-invitation/{first.public_id}")
    by_arn = crm.client.get_engagement_invitation(Catalog="AWS", Identifier=view["Arn"])
    assert by_arn["Id"] == first.public_id
    lead_view = crm.client.get_engagement_invitation(Catalog="AWS", Identifier=second.public_id)
    assert list(lead_view["Payload"]) == ["LeadInvitation"]


def test_it_pages_invitations_with_the_paginator(crm: Caller) -> None:
    made = {share(crm.company).public_id for _ in range(5)}
    paginator = crm.client.get_paginator("list_engagement_invitations")
    pages = list(
        paginator.paginate(
            Catalog="AWS", ParticipantType="RECEIVER", PaginationConfig={"PageSize": 2}
        )
    )
    assert len(pages) == 3
    assert {i["Id"] for p in pages for i in p["EngagementInvitationSummaries"]} == made


def test_accepting_through_the_task_creates_the_opportunity_once(crm: Caller) -> None:
    invitation = share(crm.company)
    answer = crm.client.start_engagement_by_accepting_invitation_task(
        Catalog="AWS", ClientToken="accept-1", Identifier=invitation.public_id,
        Tags=[{"Key": "crm", "Value": "x"}],
    )  # fmt: skip
    assert answer["TaskStatus"] == "COMPLETE" and answer["TaskId"].startswith("task-")
    assert answer["EngagementInvitationId"] == invitation.public_id
    assert answer["TaskArn"].endswith(
        f":catalog/AWS/engagement-by-accepting-invitation-task/{answer['TaskId']}"
    )
    identifier = answer["OpportunityId"]
    replay = crm.client.start_engagement_by_accepting_invitation_task(
        Catalog="AWS", ClientToken="accept-1", Identifier=invitation.public_id,
        Tags=[{"Key": "crm", "Value": "x"}],
    )  # fmt: skip
    assert replay["TaskId"] == answer["TaskId"] and Opportunity.objects.count() == 1
    view = crm.client.get_opportunity(Catalog="AWS", Identifier=identifier)
    assert view["LifeCycle"]["ReviewStatus"] == "Approved"
    summary = crm.client.get_aws_opportunity_summary(
        Catalog="AWS", RelatedOpportunityIdentifier=identifier
    )
    assert summary["Origin"] == "AWS Referral"
    with pytest.raises(ClientError) as caught:
        crm.client.start_engagement_by_accepting_invitation_task(
            Catalog="AWS", ClientToken="accept-2", Identifier=invitation.public_id
        )
    assert error_of(caught)["Code"] == "ConflictException"
    tasks = crm.client.list_engagement_by_accepting_invitation_tasks(
        Catalog="AWS", EngagementInvitationIdentifier=[invitation.public_id]
    )
    assert [t["TaskId"] for t in tasks["TaskSummaries"]] == [answer["TaskId"]]
    assert tasks["TaskSummaries"][0]["OpportunityId"] == identifier
    got = crm.client.get_engagement_invitation(Catalog="AWS", Identifier=invitation.public_id)
    assert got["Status"] == "ACCEPTED"


def test_it_rejects_with_a_reason_and_refuses_others(crm: Caller) -> None:
    invitation = share(crm.company)
    with pytest.raises(ClientError) as caught:
        crm.client.reject_engagement_invitation(
            Catalog="AWS", Identifier=invitation.public_id, RejectionReason="Too busy"
        )
    assert error_of(caught)["Code"] == "ValidationException"
    assert caught.value.response["ErrorList"][0]["FieldName"] == "RejectionReason"
    crm.client.reject_engagement_invitation(
        Catalog="AWS", Identifier=invitation.public_id, RejectionReason="Unable to support"
    )
    view = crm.client.get_engagement_invitation(Catalog="AWS", Identifier=invitation.public_id)
    assert view["Status"] == "REJECTED" and view["RejectionReason"] == "Unable to support"
    assert "Payload" not in view
    with pytest.raises(ClientError) as caught:
        crm.client.reject_engagement_invitation(Catalog="AWS", Identifier=invitation.public_id)
    assert error_of(caught)["Code"] == "ConflictException"


def test_an_expired_invitation_cannot_be_answered(crm: Caller) -> None:
    invitation = share(crm.company)
    age(invitation, 16)
    view = crm.client.get_engagement_invitation(Catalog="AWS", Identifier=invitation.public_id)
    assert view["Status"] == "EXPIRED"
    with pytest.raises(ClientError) as caught:
        crm.client.accept_engagement_invitation(Catalog="AWS", Identifier=invitation.public_id)
    assert error_of(caught)["Code"] == "ConflictException"


def test_starting_an_engagement_from_an_opportunity(crm: Caller) -> None:
    identifier = create(crm)
    crm.client.associate_opportunity(
        Catalog="AWS", OpportunityIdentifier=identifier, RelatedEntityType="Solutions",
        RelatedEntityIdentifier=make_solution(crm.company).public_id,
    )  # fmt: skip
    answer = crm.client.start_engagement_from_opportunity_task(
        Catalog="AWS", ClientToken="engage-1", Identifier=identifier,
        AwsSubmission={"InvolvementType": "Co-Sell", "Visibility": "Full"},
    )  # fmt: skip
    assert answer["TaskStatus"] == "COMPLETE" and answer["OpportunityId"] == identifier
    assert answer["EngagementId"].startswith("eng-")
    view = crm.client.get_opportunity(Catalog="AWS", Identifier=identifier)
    assert view["LifeCycle"]["ReviewStatus"] == "Submitted"
    listed = crm.client.list_engagement_from_opportunity_tasks(
        Catalog="AWS", OpportunityIdentifier=[identifier]
    )
    summary = listed["TaskSummaries"][0]
    assert summary["EngagementId"] == answer["EngagementId"]
    assert summary["EngagementInvitationId"] == answer["EngagementInvitationId"]
    sent = crm.client.list_engagement_invitations(Catalog="AWS", ParticipantType="SENDER")
    item = sent["EngagementInvitationSummaries"][0]
    assert item["Id"] == answer["EngagementInvitationId"]
    assert item["ParticipantType"] == "SENDER"
    engagement = crm.client.get_engagement(Catalog="AWS", Identifier=answer["EngagementId"])
    assert engagement["MemberCount"] == 1 and engagement["Contexts"][0]["Type"] == "CustomerProject"
    failed = crm.client.start_engagement_from_opportunity_task(
        Catalog="AWS", ClientToken="engage-2", Identifier=create(crm),
        AwsSubmission={"InvolvementType": "Co-Sell"},
    )  # fmt: skip
    assert failed["TaskStatus"] == "FAILED"
    assert failed["ReasonCode"] == "OpportunitySubmissionFailed" and failed["Message"]


def test_it_creates_engagements_lists_them_and_their_members(
    crm: Caller, connect: Callable[..., Caller]
) -> None:
    partner = connect()
    created = crm.client.create_engagement(
        Catalog="AWS", ClientToken="eng-1", Title="Joint pursuit", Description="Both of us",
        Contexts=[{"Type": "CustomerProject", "Payload": {"CustomerProject": {
            "Customer": {"Industry": "Retail", "CompanyName": "Shop", "WebsiteUrl": "https://shop.example",
                         "CountryCode": "FR"},
            "Project": {"Title": "Stores", "BusinessProblem": "Stores need a new stock system.",
                        "TargetCompletionDate": "2031-01-01"}}}}],
    )  # fmt: skip
    again = crm.client.create_engagement(
        Catalog="AWS", ClientToken="eng-1", Title="Joint pursuit", Description="Both of us",
        Contexts=[{"Type": "CustomerProject", "Payload": {"CustomerProject": {
            "Customer": {"Industry": "Retail", "CompanyName": "Shop", "WebsiteUrl": "https://shop.example",
                         "CountryCode": "FR"},
            "Project": {"Title": "Stores", "BusinessProblem": "Stores need a new stock system.",
                        "TargetCompletionDate": "2031-01-01"}}}}],
    )  # fmt: skip
    assert again["Id"] == created["Id"] and created["Id"].startswith("eng-")
    got = crm.client.get_engagement(Catalog="AWS", Identifier=created["Arn"])
    assert got["Title"] == "Joint pursuit" and got["Contexts"][0]["Id"] == "1"
    assert got["CreatedBy"] == crm.company.account_link.account.account_id
    receiver = partner.company.account_link.account.account_id
    invited = crm.client.create_engagement_invitation(
        Catalog="AWS", ClientToken="inv-1", EngagementIdentifier=created["Id"],
        Invitation={"Message": "Join us", "Receiver": {"Account": {"AwsAccountId": receiver}},
                    "Payload": {"LeadInvitation": lead()}},
    )  # fmt: skip
    assert invited["Arn"] == (
        f"arn:aws:partnercentral:us-east-1::catalog/AWS/engagement-invitation/{invited['Id']}"
    )
    partner.client.accept_engagement_invitation(Catalog="AWS", Identifier=invited["Id"])
    pages = partner.client.get_paginator("list_engagement_members").paginate(
        Catalog="AWS", Identifier=created["Id"], PaginationConfig={"PageSize": 1}
    )
    members = [m for page in pages for m in page["EngagementMemberList"]]
    assert [m["AccountId"] for m in members] == [got["CreatedBy"], receiver]
    listed = partner.client.list_engagements(Catalog="AWS", ContextTypes=["CustomerProject"])
    assert [e["Id"] for e in listed["EngagementSummaryList"]] == [created["Id"]]
    assert listed["EngagementSummaryList"][0]["MemberCount"] == 2


def test_another_companys_keys_get_not_found_for_every_identifier(
    crm: Caller, connect: Callable[..., Caller]
) -> None:
    invitation = share(crm.company)
    engagement = invitation.engagement.public_id
    other = connect()
    calls = [
        ("get_engagement_invitation", {"Identifier": invitation.public_id}),
        ("reject_engagement_invitation", {"Identifier": invitation.public_id}),
        ("accept_engagement_invitation", {"Identifier": invitation.public_id}),
        ("start_engagement_by_accepting_invitation_task",
         {"Identifier": invitation.public_id, "ClientToken": "t"}),
        ("get_engagement", {"Identifier": engagement}),
        ("list_engagement_members", {"Identifier": engagement}),
        ("create_engagement_invitation", {
            "EngagementIdentifier": engagement, "ClientToken": "t2",
            "Invitation": {"Message": "m", "Receiver": {"Account": {"AwsAccountId": "AWS"}},
                           "Payload": {"LeadInvitation": lead()}}}),
        ("start_engagement_from_opportunity_task", {
            "Identifier": create(crm), "ClientToken": "t3",
            "AwsSubmission": {"InvolvementType": "Co-Sell"}}),
    ]  # fmt: skip
    for method, params in calls:
        with pytest.raises(ClientError) as caught:
            getattr(other.client, method)(Catalog="AWS", **params)
        assert error_of(caught)["Code"] == "ResourceNotFoundException", method
    listed = other.client.list_engagement_invitations(Catalog="AWS", ParticipantType="RECEIVER")
    assert listed["EngagementInvitationSummaries"] == []
    assert EngagementInvitation.objects.get().status == "PENDING"


def test_it_validates_the_invitation_payload_by_field(crm: Caller) -> None:
    created = crm.client.create_engagement(Catalog="AWS", ClientToken="e", Title="T")
    payload = referral()
    payload["Project"]["ExpectedCustomerSpend"][0]["CurrencyCode"] = "JPY"
    with pytest.raises(ClientError) as caught:
        crm.client.create_engagement_invitation(
            Catalog="AWS", ClientToken="i", EngagementIdentifier=created["Id"],
            Invitation={"Message": "m", "Receiver": {"Account": {"AwsAccountId": "AWS"}},
                        "Payload": {"OpportunityInvitation": payload}},
        )  # fmt: skip
    body: dict[str, Any] = caught.value.response
    assert body["Reason"] == "BUSINESS_VALIDATION_FAILED"
    assert [e["FieldName"] for e in body["ErrorList"]] == [
        "OpportunityInvitation.Project.ExpectedCustomerSpend[0].CurrencyCode"
    ]
