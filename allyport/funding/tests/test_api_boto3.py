"""Every Benefits operation with the real boto3 client against live_server: the same
records as the pages, ClientToken replays, pagination, refusals naming the field,
CloudTrail records with the service's eventSource, throttling."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError
from django.contrib.auth import get_user_model

from allyport.access.actor import Actor
from allyport.audit.models import AuditEvent
from allyport.funding.models import Benefit, BenefitApplication
from allyport.funding.services import files, review
from allyport.funding.tests.conftest import PDF, SCHEMA, make_benefit, member_actor
from allyport.pipeline import services as pipeline
from allyport.pipeline.selectors import arn_of
from allyport.pipeline.tests.conftest import complete
from allyport.testing import ApiCredentials, make_credentials

pytestmark = pytest.mark.django_db(transaction=True)
Client = Callable[[ApiCredentials], Any]


def _staff() -> Actor:
    user = get_user_model().objects.create_user("staff@program.example", "x", is_staff=True)
    return Actor.for_staff(user)


def _create(client: Any, benefit: Benefit, token: str = "t-1", **extra: Any) -> dict[str, Any]:
    body = {"Name": "Q3 webinars", "BenefitApplicationDetails": {"activity": "Three webinars"}}
    return dict(
        client.create_benefit_application(
            Catalog="AWS", ClientToken=token, BenefitIdentifier=benefit.public_id, **(body | extra)
        )
    )


def test_the_catalogue_lists_and_gets_benefits(benefits_client: Client) -> None:
    creds = make_credentials()
    client = benefits_client(creds)
    made = [make_benefit(name=f"Benefit {n}") for n in range(3)]
    make_benefit(catalog="Sandbox")
    first = client.list_benefits(Catalog="AWS", MaxResults=2)
    second = client.list_benefits(Catalog="AWS", MaxResults=2, NextToken=first["NextToken"])
    ids = [b["Id"] for b in first["BenefitSummaries"] + second["BenefitSummaries"]]
    assert sorted(ids) == sorted(b.public_id for b in made) and "NextToken" not in second
    got = client.get_benefit(Catalog="AWS", Identifier=made[0].public_id)
    assert (got["Name"], got["FulfillmentTypes"], got["BenefitRequestSchema"]) == (
        "Benefit 0",
        ["CASH"],
        SCHEMA,
    )
    pages = client.get_paginator("list_benefits").paginate(Catalog="AWS", MaxResults=1)
    assert len([s for page in pages for s in page["BenefitSummaries"]]) == 3


def test_an_application_from_draft_to_approval(benefits_client: Client) -> None:
    creds = make_credentials()
    client = benefits_client(creds)
    benefit = make_benefit()
    member = member_actor(creds.company)
    opportunity = pipeline.create_opportunity(member, "AWS", complete())
    upload = files.upload(member, "plan.pdf", io.BytesIO(PDF))
    created = _create(
        client,
        benefit,
        FileDetails=[{"FileURI": files.uri(upload), "BusinessUseCase": "Plan"}],
        Tags=[{"Key": "team", "Value": "east"}],
    )
    again = _create(
        client,
        benefit,
        FileDetails=[{"FileURI": files.uri(upload), "BusinessUseCase": "Plan"}],
        Tags=[{"Key": "team", "Value": "east"}],
    )
    assert created["Id"] == again["Id"] and created["Revision"] == "1"
    assert BenefitApplication.objects.filter(company=creds.company).count() == 1
    app_id, arn = created["Id"], created["Arn"]
    associated = client.associate_benefit_application_resource(
        Catalog="AWS", BenefitApplicationIdentifier=app_id, ResourceArn=arn_of(opportunity)
    )
    assert associated["Revision"] == "2"
    updated = client.update_benefit_application(
        Catalog="AWS", ClientToken="u-1", Identifier=arn, Revision="2", Description="More"
    )
    assert updated["Revision"] == "3"
    client.submit_benefit_application(Catalog="AWS", Identifier=app_id)
    got = client.get_benefit_application(Catalog="AWS", Identifier=app_id)
    assert (got["Status"], got["Stage"], got["Description"]) == ("IN_REVIEW", "Review", "More")
    assert got["AssociatedResources"] == [arn_of(opportunity)]
    assert got["FileDetails"][0]["FileType"] == "application/pdf"
    allocation = review.approve_application(_staff(), app_id, amount="5000")
    listed = client.list_benefit_allocations(Catalog="AWS", BenefitApplicationIdentifiers=[app_id])
    assert [a["Id"] for a in listed["BenefitAllocationSummaries"]] == [allocation.public_id]
    detail = client.get_benefit_allocation(Catalog="AWS", Identifier=allocation.public_id)
    consumable = detail["FulfillmentDetail"]["ConsumableDetails"]
    assert consumable["AllocatedAmount"] == {"Amount": "5000.00", "CurrencyCode": "USD"}
    assert consumable["RemainingAmount"]["Amount"] == "5000.00"
    summaries = client.list_benefit_applications(Catalog="AWS", Status=["APPROVED"])
    assert [s["Id"] for s in summaries["BenefitApplicationSummaries"]] == [app_id]
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == [
        {"Key": "team", "Value": "east"}
    ]
    record = AuditEvent.objects.filter(event_name="SubmitBenefitApplication").get()
    assert record.record["eventSource"] == "partnercentral-benefits.amazonaws.com"
    assert record.record["resources"][0]["ARN"] == arn


def test_recall_amend_cancel_and_disassociate(benefits_client: Client) -> None:
    creds = make_credentials()
    client = benefits_client(creds)
    benefit = make_benefit()
    opportunity = pipeline.create_opportunity(member_actor(creds.company), "AWS", complete())
    app_id = _create(client, benefit, AssociatedResources=[arn_of(opportunity)])["Id"]
    client.disassociate_benefit_application_resource(
        Catalog="AWS", BenefitApplicationIdentifier=app_id, ResourceArn=arn_of(opportunity)
    )
    client.submit_benefit_application(Catalog="AWS", Identifier=app_id)
    client.amend_benefit_application(
        Catalog="AWS",
        ClientToken="a-1",
        Revision="3",
        Identifier=app_id,
        AmendmentReason="Wider audience",
        Amendments=[{"FieldPath": "BenefitApplicationDetails.audience", "NewValue": "CIOs"}],
    )
    got = client.get_benefit_application(Catalog="AWS", Identifier=app_id)
    assert got["BenefitApplicationDetails"]["audience"] == "CIOs" and got["Revision"] == "4"
    client.recall_benefit_application(Catalog="AWS", Identifier=app_id, Reason="Add a file")
    got = client.get_benefit_application(Catalog="AWS", Identifier=app_id)
    assert (got["Status"], got["StatusReason"]) == ("PENDING_SUBMISSION", "Add a file")
    client.cancel_benefit_application(Catalog="AWS", ClientToken="c-1", Identifier=app_id)
    assert client.get_benefit_application(Catalog="AWS", Identifier=app_id)["Status"] == "CANCELED"
    with pytest.raises(ClientError) as refused:
        client.submit_benefit_application(Catalog="AWS", Identifier=app_id)
    body = refused.value.response
    assert body["Error"]["Code"] == "ValidationException"
    assert body["FieldList"][0]["Name"] == "Identifier"
    assert body["FieldList"][0]["Code"] == "INVALID_RESOURCE_STATE"


def test_tags_can_be_added_and_removed(benefits_client: Client) -> None:
    client = benefits_client(make_credentials())
    arn = _create(client, make_benefit())["Arn"]
    client.tag_resource(resourceArn=arn, tags=[{"Key": "k", "Value": "v"}])
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == [{"Key": "k", "Value": "v"}]
    client.untag_resource(resourceArn=arn, tagKeys=["k"])
    assert client.list_tags_for_resource(resourceArn=arn)["tags"] == []


def test_refusals_name_the_field_and_stale_revisions_conflict(benefits_client: Client) -> None:
    client = benefits_client(make_credentials())
    benefit = make_benefit()
    with pytest.raises(ClientError) as missing:
        client.create_benefit_application(
            Catalog="AWS", ClientToken="t", BenefitIdentifier="ben-00000000000000"
        )
    assert missing.value.response["FieldList"][0]["Name"] == "BenefitIdentifier"
    assert missing.value.response["Reason"] == "BUSINESS_VALIDATION_FAILED"
    created = _create(client, benefit)
    with pytest.raises(ClientError) as stale:
        client.update_benefit_application(
            Catalog="AWS", ClientToken="u", Identifier=created["Id"], Revision="7", Name="x"
        )
    assert stale.value.response["Error"]["Code"] == "ConflictException"
    with pytest.raises(ClientError) as reused:
        _create(client, benefit, token="t-1", Name="Another body")
    assert reused.value.response["Error"]["Code"] == "ConflictException"


def test_another_company_gets_not_found(benefits_client: Client) -> None:
    benefit = make_benefit()
    mine = _create(benefits_client(make_credentials()), benefit)
    theirs = benefits_client(make_credentials())
    with pytest.raises(ClientError) as refused:
        theirs.get_benefit_application(Catalog="AWS", Identifier=mine["Id"])
    assert refused.value.response["Error"]["Code"] == "ResourceNotFoundException"
    assert theirs.list_benefit_applications(Catalog="AWS")["BenefitApplicationSummaries"] == []


def test_a_policy_without_the_action_is_denied(benefits_client: Client) -> None:
    client = benefits_client(
        make_credentials("arn:aws:iam::aws:policy/AWSPartnerCentralSandboxFullAccess")
    )
    with pytest.raises(ClientError) as refused:
        _create(client, make_benefit())
    assert refused.value.response["Error"]["Code"] == "AccessDeniedException"
    assert "partnercentral:CreateBenefitApplication" in refused.value.response["Error"]["Message"]


def test_calls_over_the_rate_are_throttled(benefits_client: Client, settings: Any) -> None:
    settings.ALLYPORT_API_THROTTLING = True
    settings.ALLYPORT_API_QUOTAS = {
        "partnercentral-benefits": {"each": {"operations": ["*"], "rates": ["2/m"]}}
    }
    client = benefits_client(make_credentials())
    client.list_benefits(Catalog="AWS")
    client.list_benefits(Catalog="AWS")
    with pytest.raises(ClientError) as refused:
        client.list_benefits(Catalog="AWS")
    assert refused.value.response["Error"]["Code"] == "ThrottlingException"
