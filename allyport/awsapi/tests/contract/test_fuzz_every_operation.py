"""No input makes any served Selling API operation fail: the contract fuzz harness
(allyport/awsapi/tests/contract/fuzz.py) for `partnercentral-selling`. Bodies are
drawn from each operation's input shape, valid or with defects put in on purpose, and
posted with a real SigV4 signature; never a 500 nor InternalServerException, a
defective body is a ValidationException whose ErrorList names the defect's field, and
any ValidationException says why. Identifiers are drawn from the company's real
records too (opportunities, engagements, invitations, solutions, customer accounts,
bulk jobs), so handlers run past the lookup.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from allyport.awsapi.tests.conftest import SELLING, ApiCredentials, make_credentials
from allyport.awsapi.tests.contract.conftest import call
from allyport.awsapi.tests.contract.fuzz import ERROR_LIST, Fuzzed, budget
from allyport.bulk.tests.conftest import api_bulk_ids
from allyport.customers.services.accounts import create_customer_account
from allyport.customers.services.bulk_kind import KIND
from allyport.customers.services.scope import BULK_JOB, customer_account_arn, resource_arn
from allyport.jobs.models import BulkJob
from allyport.pipeline import services
from allyport.pipeline.models import EngagementGroup
from allyport.pipeline.prospecting.services import start_prospecting
from allyport.pipeline.selectors import opportunity_arn
from allyport.pipeline.tests.conftest import complete, iam_actor, make_solution
from allyport.pipeline.tests.engagement_fixtures import share

pytestmark = pytest.mark.django_db
SELLING_FUZZ = Fuzzed(
    SELLING,
    ERROR_LIST,
    identifiers=(
        "Identifier", "OpportunityIdentifier", "RelatedOpportunityIdentifier",
        "EngagementIdentifier", "ResourceIdentifier", "ResourceArn", "TaskIdentifier",
        "GroupId", "JobId", "FileURI", "FileUri",
    ),
    examples=budget(18),  # the whole file stays near 20 s on the 2-core machine
)  # fmt: skip


@pytest.fixture
def caller(db: None) -> tuple[ApiCredentials, dict[str, list[str]]]:
    """Keys of a company with real records, and the identifiers to draw from."""
    creds = make_credentials()
    company = creds.company
    assert company is not None
    opportunity = services.create_opportunity(iam_actor(company), "AWS", complete())
    sandbox = services.create_opportunity(iam_actor(company), "Sandbox", complete())
    invitation = share(company)
    lead = share(company, "LeadInvitation")
    solution = make_solution(company)
    account = creds.user.account.account_id
    customer = create_customer_account(iam_actor(company), "AWS", {"Account": {"CompanyName": "C"}})
    customer_job = BulkJob.objects.create(
        company=company, catalog="AWS", kind=KIND, source="https://x.example/a.csv",
        status=BulkJob.Status.DONE,
    )  # fmt: skip
    engagement = invitation.engagement.public_id
    prospects = start_prospecting(iam_actor(company), "AWS", [engagement], "fuzz")
    group = EngagementGroup.objects.create(catalog="AWS", name="G", readiness_level="SalesReady")
    return creds, {
        "customer_account": [
            customer.public_id,
            customer_account_arn("AWS", customer.public_id, account),
            customer_job.public_id,
            resource_arn(BULK_JOB, "AWS", customer_job.public_id, account),
        ],
        "opportunity": [opportunity.public_id, sandbox.public_id],
        "arn": [opportunity_arn("AWS", opportunity.public_id, account)],
        "invitation": [invitation.public_id, lead.public_id],
        "engagement": [invitation.engagement.public_id],
        "prospecting": [prospects.public_id],
        "group": [group.public_id],
        "solution": [solution.public_id],
        "bulk": api_bulk_ids(creds),
    }


def test_every_served_operation_is_fuzzed() -> None:
    """The parametrization below reads the registry: nothing served is left out."""
    assert SELLING_FUZZ.served(), "the registry serves nothing"


@pytest.mark.parametrize("operation", SELLING_FUZZ.served())
def test_no_input_makes_it_fail(operation: str, caller: Any) -> None:
    creds, ids = caller
    SELLING_FUZZ.fuzz(operation, creds, [i for group in ids.values() for i in group])


@pytest.mark.parametrize("member", ["AfterTargetCloseDate", "BeforeTargetCloseDate"])
def test_an_impossible_target_close_date_is_named_by_its_path(member: str, caller: Any) -> None:
    creds, _ids = caller
    body = {"Catalog": "AWS", "TargetCloseDate": {member: "2023-02-30"}}
    answer = call(Client(), creds, "ListOpportunities", body)
    assert (answer.status, answer.code) == (400, "ValidationException"), answer.body
    fields = [item.get("FieldName") for item in answer.body["ErrorList"]]
    assert fields == [f"TargetCloseDate.{member}"], answer.body
