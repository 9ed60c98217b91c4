"""The portal and the Selling API act on the same records: what one does, the other
sees. Portal requests come from signed-in members (Django's test client); API calls
are SigV4-signed by the company's IAM key through the same test client."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from allyport.accounts.models import User
from allyport.awsapi.tests.conftest import ApiCredentials, make_credentials
from allyport.awsapi.tests.contract.conftest import call
from allyport.pipeline.tests.conftest import complete, make_solution
from allyport.pipeline.tests.test_portal_support import form_data, signed_in, text
from allyport.testing import make_user

pytestmark = pytest.mark.django_db
NEW = "/sell/opportunities/new/"
LIST = "/sell/opportunities/"


class Api:
    def __init__(self, creds: ApiCredentials) -> None:
        self.creds, self.client = creds, Client()

    def __call__(self, operation: str, **params: Any) -> dict[str, Any]:
        answer = call(self.client, self.creds, operation, params)
        assert answer.status == 200, (operation, answer.body)
        return answer.body


@pytest.fixture
def creds() -> ApiCredentials:
    return make_credentials()


@pytest.fixture
def api(creds: ApiCredentials) -> Api:
    return Api(creds)


def member(creds: ApiCredentials, role: str, name: str) -> User:
    assert creds.company is not None
    domain = creds.company.domains.first().domain  # type: ignore[union-attr]
    return make_user(creds.company, role, email=f"{name}@{domain}")


def detail(identifier: str) -> str:
    return reverse("pipeline:opportunity", args=[identifier])


def row_of(page: str, identifier: str) -> str:
    """The list's table row of one opportunity."""
    rows = [row for row in re.findall(r"<tr>.*?</tr>", page) if identifier in row]
    assert len(rows) == 1, (identifier, page[-3000:])
    return rows[0]


def leaves(value: Any, path: str = "") -> dict[str, Any]:
    """{"Customer.Account.CompanyName": "Example Corp", "Project.DeliveryModels": [...]}"""
    if isinstance(value, dict):
        found: dict[str, Any] = {}
        for key, item in value.items():
            found.update(leaves(item, f"{path}.{key}" if path else key))
        return found
    if isinstance(value, list) and value and isinstance(value[0], dict):
        found = {}
        for index, item in enumerate(value):
            found.update(leaves(item, f"{path}[{index}]"))
        return found
    return {path: value}


def test_an_opportunity_created_in_the_portal_reads_the_same_through_the_api(
    creds: ApiCredentials, api: Api
) -> None:
    ana = member(creds, "ace_user", "ana")
    response = signed_in(ana).post(NEW, form_data())
    assert response.status_code == 302, response.content[:2000]
    identifier = response["Location"].rstrip("/").split("/")[-1].split("?")[0]
    view = api("GetOpportunity", Catalog="AWS", Identifier=identifier)
    assert view["Id"] == identifier and view["Catalog"] == "AWS"
    shown = leaves(view)
    for path, value in leaves(complete()).items():  # what form_data() fills, as the API sends it
        assert shown.get(path) == value, (path, shown.get(path), value)
    assert view["LifeCycle"]["ReviewStatus"] == "Pending Submission"
    listed = api("ListOpportunities", Catalog="AWS")["OpportunitySummaries"]
    assert [o["Id"] for o in listed] == [identifier]
    assert listed[0]["Customer"]["Account"]["CompanyName"] == "Example Corp"


def test_an_api_update_shows_on_the_portal_detail_page(creds: ApiCredentials, api: Api) -> None:
    ana = member(creds, "ace_user", "ana")
    signed_in(ana).post(NEW, form_data())
    (summary,) = api("ListOpportunities", Catalog="AWS")["OpportunitySummaries"]
    view = api("GetOpportunity", Catalog="AWS", Identifier=summary["Id"])
    body = complete()
    body["Project"]["Title"] = "Edge rollout for retail stores"
    body["Customer"]["Account"]["CompanyName"] = "Acme Edge"
    body["LifeCycle"]["NextSteps"] = "Send the proposal"
    api("UpdateOpportunity", Catalog="AWS", Identifier=summary["Id"],
        LastModifiedDate=view["LastModifiedDate"], **body)  # fmt: skip
    page = text(signed_in(ana).get(detail(summary["Id"])))
    for shown in ("Edge rollout for retail stores", "Acme Edge", "Send the proposal"):
        assert shown in page, shown
    assert "Data lake migration" not in page
    listing = text(signed_in(ana).get(LIST))
    assert "Acme Edge" in listing


def test_a_portal_submission_reads_submitted_through_the_api(
    creds: ApiCredentials, api: Api
) -> None:
    manager = member(creds, "ace_manager", "manager")
    identifier = api("CreateOpportunity", Catalog="AWS", ClientToken="ui-1", **complete())["Id"]
    assert creds.company is not None
    solution = make_solution(creds.company)
    api("AssociateOpportunity", Catalog="AWS", OpportunityIdentifier=identifier,
        RelatedEntityType="Solutions", RelatedEntityIdentifier=solution.public_id)  # fmt: skip
    response = signed_in(manager).post(
        reverse("pipeline:opportunity_submit", args=[identifier]),
        {"involvement_type": "Co-Sell", "visibility": "Limited"},
    )
    assert response.status_code == 302, text(response)[:2000]
    view = api("GetOpportunity", Catalog="AWS", Identifier=identifier)
    assert view["LifeCycle"]["ReviewStatus"] == "Submitted"
    listed = api("ListOpportunities", Catalog="AWS", LifeCycleReviewStatus=["Submitted"])
    assert [o["Id"] for o in listed["OpportunitySummaries"]] == [identifier]


def test_an_api_assignment_changes_the_owner_the_portal_shows(
    creds: ApiCredentials, api: Api
) -> None:
    ana = member(creds, "ace_user", "ana")
    bo = member(creds, "ace_user", "bo")
    manager = member(creds, "ace_manager", "manager")
    signed_in(ana).post(NEW, form_data())
    (summary,) = api("ListOpportunities", Catalog="AWS")["OpportunitySummaries"]
    identifier = summary["Id"]
    assert identifier in text(signed_in(ana).get(LIST))
    assert identifier not in text(signed_in(bo).get(LIST))
    api("AssignOpportunity", Catalog="AWS", Identifier=identifier,
        Assignee={"Email": bo.email, "FirstName": "Bo", "LastName": "Berg",
                  "BusinessTitle": "OpportunityOwner"})  # fmt: skip
    row = row_of(text(signed_in(manager).get(LIST)), identifier)
    assert bo.email in row and ana.email not in row, row
    assert bo.email in text(signed_in(manager).get(detail(identifier)))
    assert identifier in text(signed_in(bo).get(LIST))
    assert identifier not in text(signed_in(ana).get(LIST))
    team = api("GetOpportunity", Catalog="AWS", Identifier=identifier)["OpportunityTeam"]
    assert team[-1]["Email"] == bo.email


def test_search_opportunities_finds_portal_records_by_owner(
    creds: ApiCredentials, api: Api
) -> None:
    ana = member(creds, "ace_user", "ana")
    bo = member(creds, "ace_user", "bo")
    signed_in(ana).post(NEW, form_data())

    def owned_by(user: User) -> list[str]:
        tree = {"EqualsTo": {"Key": "OpportunityOwner", "Value": {"StringValue": user.email}}}
        found = api("SearchOpportunities", Catalog="AWS", Keyword="Example", Filter=tree)
        return [o["Id"] for o in found["OpportunitySearchSummaries"]]

    (identifier,) = owned_by(ana)
    assert owned_by(bo) == []
    api("AssignOpportunity", Catalog="AWS", Identifier=identifier,
        Assignee={"Email": bo.email, "FirstName": "Bo", "LastName": "Berg",
                  "BusinessTitle": "OpportunityOwner"})  # fmt: skip
    assert (owned_by(ana), owned_by(bo)) == ([], [identifier])
