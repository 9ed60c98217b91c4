"""Every call in the event history: eventSource partnercentral-selling, the IAM user,
its access key, read-only or not, and the error code of failures."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from allyport.audit.models import AuditEvent
from allyport.awsapi.tests.conftest import SANDBOX_ACCESS, ApiCredentials, make_credentials

SOURCE = "partnercentral-selling.amazonaws.com"


def list_solutions(ctx: Any, params: dict) -> dict:
    ctx.authorize(catalog=params["Catalog"])
    return {"SolutionSummaries": []}


def assign(ctx: Any, params: dict) -> None:
    ctx.authorize(catalog=params["Catalog"])


ASSIGNEE = {"Email": "a@example.com", "FirstName": "A", "LastName": "B",
            "BusinessTitle": "PartnerAccountManager"}  # fmt: skip


@pytest.fixture(autouse=True)
def _handlers(handlers: Any) -> None:
    handlers("ListSolutions", list_solutions)
    handlers("AssignOpportunity", assign)


def events(name: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(event_source=SOURCE, event_name=name))


def test_it_records_a_read_with_the_iam_user_and_key(client: Any, creds: ApiCredentials) -> None:
    response = client.list_solutions(Catalog="AWS", MaxResults=5)
    (event,) = events("ListSolutions")
    assert event.record["requestID"] == response["ResponseMetadata"]["RequestId"]
    assert event.company == creds.company
    assert event.read_only is True
    assert event.access_key_id == creds.key_id
    record = event.record
    assert record["eventType"] == "AwsApiCall"
    assert record["userIdentity"]["type"] == "IAMUser"
    assert record["userIdentity"]["userName"] == "api"
    assert record["userIdentity"]["accessKeyId"] == creds.key_id
    assert record["requestParameters"] == {"Catalog": "AWS", "MaxResults": 5}
    assert record["responseElements"] is None
    assert record["userAgent"].startswith("Boto3/")


def test_it_records_a_write_with_its_response(client: Any, creds: ApiCredentials) -> None:
    client.assign_opportunity(Catalog="AWS", Identifier="O1", Assignee=ASSIGNEE)
    (event,) = events("AssignOpportunity")
    assert event.read_only is False
    assert event.record["responseElements"] == {}
    assert event.record["recipientAccountId"] == creds.user.account.account_id


def test_it_hides_what_the_model_marks_sensitive(client: Any, creds: ApiCredentials) -> None:
    """As CloudTrail shows these calls: the assignee's contact details (every member
    the model marks sensitive) are hidden, the rest of the request is kept."""
    client.assign_opportunity(Catalog="AWS", Identifier="O1", Assignee=ASSIGNEE)
    (event,) = events("AssignOpportunity")
    hidden = "HIDDEN_DUE_TO_SECURITY_REASONS"
    assert event.record["requestParameters"] == {
        "Catalog": "AWS",
        "Identifier": "O1",
        "Assignee": {"Email": hidden, "FirstName": hidden, "LastName": hidden,
                     "BusinessTitle": hidden},
    }  # fmt: skip
    assert "a@example.com" not in str(event.record)


def test_it_records_a_refusal_with_its_error_code(boto_for: Any, transactional_db: None) -> None:
    creds = make_credentials(SANDBOX_ACCESS)
    with pytest.raises(ClientError):
        boto_for(creds).list_solutions(Catalog="AWS")
    (event,) = events("ListSolutions")
    assert event.error_code == "AccessDeniedException"
    assert "not authorized" in event.record["errorMessage"]
    assert event.company == creds.company


def test_it_records_a_validation_failure(client: Any) -> None:
    with pytest.raises(ClientError):
        client.list_solutions(Catalog="AWS", MaxResults=500)
    (event,) = events("ListSolutions")
    assert event.error_code == "ValidationException"
    assert event.record["requestParameters"] == {"Catalog": "AWS", "MaxResults": 500}


def test_it_records_nothing_for_an_unknown_caller(boto_for: Any, creds: ApiCredentials) -> None:
    with pytest.raises(ClientError):
        boto_for(creds, secret="z" * 40).list_solutions(Catalog="AWS")
    assert events("ListSolutions") == []
