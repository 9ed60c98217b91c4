"""The real boto3 client against live_server for each pipeline operation, the
ListOpportunities and ListSolutions paginators, and tenancy through the API."""

from __future__ import annotations

import gc
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from allyport.access.actor import system
from allyport.accounts.models import Company
from allyport.audit.models import AuditEvent
from allyport.cloud import services as cloud
from allyport.marketplace.services.linking import link_for_operator
from allyport.pipeline import services
from allyport.pipeline.tests.conftest import complete, iam_actor, make_solution
from allyport.testing import make_company, make_user

pytestmark = pytest.mark.django_db(transaction=True)
FULL_ACCESS = "arn:aws:iam::aws:policy/AWSPartnerCentralFullAccess"
SANDBOX_ACCESS = "arn:aws:iam::aws:policy/AWSPartnerCentralSandboxFullAccess"


@dataclass
class Caller:
    company: Company
    client: Any


@pytest.fixture(autouse=True)
def _no_throttling(settings: Any) -> None:
    settings.ALLYPORT_API_THROTTLING = False


@pytest.fixture
def connect(live_server: Any) -> Iterator[Callable[..., Caller]]:
    """A new linked company and a boto3 client with an IAM user's access key."""
    clients: list[Any] = []

    def build(policy: str = FULL_ACCESS) -> Caller:
        company = make_company()[0]
        link = link_for_operator(company)
        user = cloud.create_user(system(), link.account, "crm")
        cloud.attach_policy(system(), user, policy)
        key, secret = cloud.create_access_key(system(), user)
        client = boto3.client(
            "partnercentral-selling",
            endpoint_url=live_server.url + "/api/aws",
            region_name="us-east-1",
            aws_access_key_id=key.access_key_id,
            aws_secret_access_key=secret,
            config=Config(retries={"total_max_attempts": 1}),
        )
        clients.append(client)
        return Caller(company, client)

    yield build
    for client in clients:
        client.close()
    # Error answers leave their connection checked out of the pool, open until
    # collected; the server thread reading from it ends once it is closed.
    gc.collect()
    settle_server_threads()


def settle_server_threads(timeout: float = 5.0) -> None:
    """Wait for the live server's request threads to see their connections closed: one
    still running when the session ends would close the shared SQLite connection
    after the server stopped sharing it."""
    deadline = time.monotonic() + timeout
    for thread in threading.enumerate():
        if "process_request_thread" in thread.name:
            thread.join(max(0.0, deadline - time.monotonic()))


@pytest.fixture
def crm(connect: Callable[..., Caller]) -> Caller:
    return connect()


def error_of(caught: Any) -> dict[str, Any]:
    return caught.value.response["Error"] | {"body": caught.value.response}


def create(crm: Caller, catalog: str = "AWS", **payload: Any) -> str:
    answer = crm.client.create_opportunity(Catalog=catalog, **(payload or complete()))
    return str(answer["Id"])


def editable(view: dict[str, Any]) -> dict[str, Any]:
    """GetOpportunity's answer as UpdateOpportunity takes it back."""
    drop = ("Id", "Arn", "CreatedDate", "RelatedEntityIdentifiers", "OpportunityTeam",
            "ResponseMetadata")  # fmt: skip
    body = {key: value for key, value in view.items() if key not in drop}
    body["LifeCycle"].pop("NextStepsHistory", None)
    return body | {"Identifier": view["Id"]}


def test_it_creates_gets_and_updates_through_boto3(crm: Caller) -> None:
    created = crm.client.create_opportunity(Catalog="AWS", ClientToken="t-1", **complete())
    assert created["Id"].startswith("O") and created["PartnerOpportunityIdentifier"] == "crm-1"
    view = crm.client.get_opportunity(Catalog="AWS", Identifier=created["Id"])
    assert view["LastModifiedDate"] == created["LastModifiedDate"]
    # The service answers the empty lists too.
    assert view["RelatedEntityIdentifiers"] == {
        "AwsMarketplaceOffers": [],
        "AwsProducts": [],
        "Solutions": [],
    }
    assert view["OpportunityTeam"] == []
    assert view["LifeCycle"]["ReviewStatus"] == "Pending Submission"
    assert view["Arn"].endswith(f":catalog/AWS/opportunity/{created['Id']}")
    assert "Origin" not in view
    body = editable(view)
    body["Project"]["Title"] = "Renamed"
    updated = crm.client.update_opportunity(**body)
    assert updated["LastModifiedDate"] > view["LastModifiedDate"]
    again = crm.client.get_opportunity(Catalog="AWS", Identifier=created["Id"])
    assert again["Project"]["Title"] == "Renamed"
    assert again["LastModifiedDate"] == updated["LastModifiedDate"]


def test_it_replays_a_client_token_and_refuses_it_for_another_body(crm: Caller) -> None:
    first = crm.client.create_opportunity(Catalog="AWS", ClientToken="same", **complete())
    replay = crm.client.create_opportunity(Catalog="AWS", ClientToken="same", **complete())
    assert replay["Id"] == first["Id"]
    with pytest.raises(ClientError) as caught:
        crm.client.create_opportunity(
            Catalog="AWS", ClientToken="same", OpportunityType="Expansion"
        )
    assert error_of(caught)["Code"] == "ConflictException"


def test_it_answers_a_stale_update_with_conflict(crm: Caller) -> None:
    view = crm.client.get_opportunity(Catalog="AWS", Identifier=create(crm))
    crm.client.update_opportunity(**editable(view))
    with pytest.raises(ClientError) as caught:
        crm.client.update_opportunity(**editable(view))
    assert error_of(caught)["Code"] == "ConflictException"


def test_it_names_each_broken_rule_in_the_error_list(crm: Caller) -> None:
    payload = complete(NationalSecurity="Yes")
    payload["Marketing"] = {"AwsFundingUsed": "No", "UseCases": ["Analytics"]}
    with pytest.raises(ClientError) as caught:
        crm.client.create_opportunity(Catalog="AWS", **payload)
    body = caught.value.response
    assert body["Error"]["Code"] == "ValidationException"
    assert body["Reason"] == "BUSINESS_VALIDATION_FAILED"
    assert {item["FieldName"] for item in body["ErrorList"]} == {
        "NationalSecurity",
        "Marketing.UseCases",
    }


def test_it_refuses_a_catalog_other_than_aws_or_sandbox(crm: Caller) -> None:
    # The managed policy allows partnercentral:Catalog AWS or Sandbox only, so the
    # evaluator refuses first; the service's own check is in test_create.
    with pytest.raises(ClientError) as caught:
        crm.client.list_opportunities(Catalog="Production")
    assert error_of(caught)["Code"] == "AccessDeniedException"


def test_it_pages_list_opportunities_with_the_paginator(crm: Caller) -> None:
    made = {create(crm) for _ in range(7)}
    create(crm, "Sandbox")
    paginator = crm.client.get_paginator("list_opportunities")
    pages = list(paginator.paginate(Catalog="AWS", PaginationConfig={"PageSize": 2}))
    assert len(pages) == 4
    seen = [item["Id"] for page in pages for item in page["OpportunitySummaries"]]
    assert sorted(seen) == sorted(made)
    summary = pages[0]["OpportunitySummaries"][0]
    assert summary["Catalog"] == "AWS"
    assert summary["Customer"]["Account"]["CompanyName"] == "Example Corp"
    assert "NextStepsHistory" not in summary["LifeCycle"]
    assert "Contacts" not in summary["Customer"]


def test_it_filters_and_sorts_list_opportunities(crm: Caller) -> None:
    first = create(crm)
    second = create(crm, **complete(Customer={"Account": {"CompanyName": "Zeta"}}))
    answer = crm.client.list_opportunities(
        Catalog="AWS",
        CustomerCompanyName=["Zeta", "Example Corp"],
        Sort={"SortBy": "CustomerCompanyName", "SortOrder": "DESCENDING"},
    )
    assert [item["Id"] for item in answer["OpportunitySummaries"]] == [second, first]
    view = crm.client.get_opportunity(Catalog="AWS", Identifier=second)
    since = crm.client.list_opportunities(
        Catalog="AWS", LastModifiedDate={"AfterLastModifiedDate": view["LastModifiedDate"]}
    )
    assert second in [item["Id"] for item in since["OpportunitySummaries"]]


def test_it_pages_list_solutions_with_the_paginator(crm: Caller) -> None:
    made = {make_solution(crm.company).public_id for _ in range(5)}
    make_solution(crm.company, status="Inactive")
    paginator = crm.client.get_paginator("list_solutions")
    pages = paginator.paginate(Catalog="AWS", Status=["Active"], PaginationConfig={"PageSize": 2})
    items = [item for page in pages for item in page["SolutionSummaries"]]
    assert {item["Id"] for item in items} == made
    assert items[0]["Status"] == "Active" and items[0]["Category"] == "Software Product"
    assert items[0]["CreatedDate"].tzinfo is not None


def test_it_submits_associates_assigns_and_summarises(crm: Caller) -> None:
    identifier = create(crm)
    solution = make_solution(crm.company).public_id
    pair = {"Catalog": "AWS", "OpportunityIdentifier": identifier}
    with pytest.raises(ClientError) as caught:
        crm.client.get_aws_opportunity_summary(
            Catalog="AWS", RelatedOpportunityIdentifier=identifier
        )
    assert error_of(caught)["Code"] == "ResourceNotFoundException"
    crm.client.associate_opportunity(
        **pair, RelatedEntityType="Solutions", RelatedEntityIdentifier=solution
    )
    crm.client.associate_opportunity(
        **pair, RelatedEntityType="AwsProducts", RelatedEntityIdentifier="AmazonS3"
    )
    crm.client.disassociate_opportunity(
        **pair, RelatedEntityType="AwsProducts", RelatedEntityIdentifier="AmazonS3"
    )
    crm.client.submit_opportunity(Catalog="AWS", Identifier=identifier, InvolvementType="Co-Sell")
    member = make_user(crm.company, "ace_user")
    crm.client.assign_opportunity(
        Catalog="AWS",
        Identifier=identifier,
        Assignee={"Email": member.email, "FirstName": "A", "LastName": "B",
                  "BusinessTitle": "OpportunityOwner"},
    )  # fmt: skip
    view = crm.client.get_opportunity(Catalog="AWS", Identifier=identifier)
    assert view["RelatedEntityIdentifiers"] == {
        "AwsMarketplaceOffers": [],
        "AwsProducts": [],
        "Solutions": [solution],
    }
    assert view["LifeCycle"]["ReviewStatus"] == "Submitted"
    assert view["OpportunityTeam"][0]["Email"] == member.email
    summary = crm.client.get_aws_opportunity_summary(
        Catalog="AWS", RelatedOpportunityIdentifier=identifier
    )
    assert summary["RelatedOpportunityId"] == identifier
    assert summary["InvolvementType"] == "Co-Sell"
    assert summary["RelatedEntityIds"] == {"Solutions": [solution]}


def test_it_answers_submission_gaps_by_field(crm: Caller) -> None:
    identifier = create(crm)
    with pytest.raises(ClientError) as caught:
        crm.client.submit_opportunity(
            Catalog="AWS", Identifier=identifier, InvolvementType="Co-Sell"
        )
    fields = {item["FieldName"] for item in caught.value.response["ErrorList"]}
    assert fields == {"RelatedEntityIdentifiers.Solutions"}


def test_it_simulates_the_review_in_sandbox(crm: Caller) -> None:
    identifier = create(crm, "Sandbox")
    crm.client.associate_opportunity(
        Catalog="Sandbox", OpportunityIdentifier=identifier,
        RelatedEntityType="Solutions", RelatedEntityIdentifier="S-1234567",
    )  # fmt: skip
    crm.client.submit_opportunity(
        Catalog="Sandbox", Identifier=identifier, InvolvementType="Co-Sell"
    )
    body = editable(crm.client.get_opportunity(Catalog="Sandbox", Identifier=identifier))
    body["LifeCycle"]["ReviewStatus"] = "Approved"
    crm.client.update_opportunity(**body)
    view = crm.client.get_opportunity(Catalog="Sandbox", Identifier=identifier)
    assert view["LifeCycle"]["ReviewStatus"] == "Approved"


def identifier_calls(identifier: str) -> list[tuple[str, dict[str, Any]]]:
    pair = {"Catalog": "AWS", "OpportunityIdentifier": identifier}
    related = {"RelatedEntityType": "AwsProducts", "RelatedEntityIdentifier": "AmazonS3"}
    assignee = {"Email": "x@example.com", "FirstName": "A", "LastName": "B", "BusinessTitle": "T"}
    return [
        ("get_opportunity", {"Catalog": "AWS", "Identifier": identifier}),
        ("update_opportunity", {"Catalog": "AWS", "Identifier": identifier,
                                "LastModifiedDate": "2030-01-01T00:00:00Z"}),
        ("submit_opportunity", {"Catalog": "AWS", "Identifier": identifier,
                                "InvolvementType": "Co-Sell"}),
        ("assign_opportunity", {"Catalog": "AWS", "Identifier": identifier, "Assignee": assignee}),
        ("associate_opportunity", {**pair, **related}),
        ("disassociate_opportunity", {**pair, **related}),
        ("get_aws_opportunity_summary", {"Catalog": "AWS",
                                         "RelatedOpportunityIdentifier": identifier}),
    ]  # fmt: skip


def test_it_gives_another_companys_keys_not_found_for_every_identifier(
    crm: Caller, connect: Callable[..., Caller]
) -> None:
    identifier = create(crm)
    other = connect()
    for method, params in identifier_calls(identifier):
        with pytest.raises(ClientError) as caught:
            getattr(other.client, method)(**params)
        assert error_of(caught)["Code"] == "ResourceNotFoundException", method
    listed = other.client.list_opportunities(Catalog="AWS", Identifier=[identifier])
    assert listed["OpportunitySummaries"] == []


def test_it_confines_the_sandbox_policy_to_sandbox(connect: Callable[..., Caller]) -> None:
    sandbox = connect(SANDBOX_ACCESS)
    identifier = create(sandbox, "Sandbox")
    assert sandbox.client.get_opportunity(Catalog="Sandbox", Identifier=identifier)["Id"]
    with pytest.raises(ClientError) as caught:
        sandbox.client.get_opportunity(Catalog="AWS", Identifier=identifier)
    assert error_of(caught)["Code"] == "AccessDeniedException"


def test_it_records_each_api_call_once(crm: Caller) -> None:
    identifier = create(crm)
    events = AuditEvent.objects.filter(event_name="CreateOpportunity")
    assert events.count() == 1
    assert events.get().event_type == "AwsApiCall"
    services.update_opportunity(
        iam_actor(crm.company), "AWS", identifier, complete(),
        last_modified_date=services.get_opportunity(iam_actor(crm.company), "AWS", identifier)
        .last_modified_date,
    )  # fmt: skip
    console = AuditEvent.objects.filter(event_type="AwsConsoleAction")
    assert not console.filter(event_name="UpdateOpportunity").exists()
    assert uuid.UUID(str(events.get().event_id))
