"""record(): CloudTrail-format records, secrets hidden at any depth."""

from __future__ import annotations

import json
import uuid

import pytest

from allyport.access import actor as actors
from allyport.accounts.models import Company, User
from allyport.audit import services as audit
from allyport.audit.models import AuditEvent

CLOUDTRAIL_FIELDS = {
    "eventVersion", "eventTime", "eventSource", "eventName", "userIdentity",
    "sourceIPAddress", "userAgent", "requestParameters", "responseElements", "eventID",
    "readOnly", "eventType", "managementEvent", "eventCategory", "awsRegion",
    "recipientAccountId", "requestID", "resources",
}  # fmt: skip


def test_it_writes_every_cloudtrail_field(lead: User, company: Company) -> None:
    actor = actors.for_user(lead, "203.0.113.9", "pytest-agent")
    event = audit.record(
        actor, "UpdateThing", request_parameters={"name": "x"}, response_elements={"ok": 1}
    )
    body = AuditEvent.objects.get(pk=event.pk).record
    assert set(body) >= CLOUDTRAIL_FIELDS
    assert body["eventName"] == "UpdateThing"
    assert body["eventSource"] == audit.ACCOUNT_SOURCE
    assert body["eventType"] == "AwsConsoleAction"
    assert body["eventCategory"] == "Management" and body["managementEvent"] is True
    assert body["readOnly"] is False
    assert (body["sourceIPAddress"], body["userAgent"]) == ("203.0.113.9", "pytest-agent")
    assert body["userIdentity"] == {
        "type": "Unknown", "principalId": lead.public_id, "userName": lead.email,
        "accountId": company.public_id,
    }  # fmt: skip
    assert body["recipientAccountId"] == company.public_id
    assert str(uuid.UUID(body["eventID"])) == str(event.event_id)
    assert body["eventTime"].endswith("Z") and "errorCode" not in body
    assert (event.company, event.username) == (company, lead.email)


def test_it_records_errors(db: None) -> None:
    event = audit.record(
        actors.anonymous("198.51.100.1"),
        "ConsoleLogin",
        event_type=audit.CONSOLE_SIGNIN,
        error_code="FailedAuthentication",
        error_message="x" * 2000,
    )
    assert event.record["errorCode"] == "FailedAuthentication"
    assert len(event.record["errorMessage"]) == 1024
    assert event.error_code == "FailedAuthentication"
    assert event.record["userIdentity"] == {"type": "Unknown", "userName": audit.HIDDEN}
    assert event.username == "" and event.company is None


def test_it_names_the_system_as_a_service(db: None) -> None:
    event = audit.record(actors.system(), "CreatePartner")
    assert event.record["userIdentity"] == {"type": "AWSService", "invokedBy": "allyport"}
    assert event.record["requestParameters"] is None


@pytest.mark.parametrize(
    "key", ["password", "Password", "password1", "password2", "oldpassword", "new_password",
            "new_password1", "newPassword", "code", "token", "SecretAccessKey", "captcha",
            "verificationCode", "sessionToken"],
)  # fmt: skip
def test_it_hides_secret_values_at_any_depth(db: None, key: str) -> None:
    secret = "S3cr3t!value-123456"
    params = {key: secret, "nested": [{"inner": {key: secret}}], "email": "a@b.example"}
    event = audit.record(actors.anonymous(), "Anything", request_parameters=params)
    dumped = json.dumps(event.record)
    assert secret not in dumped
    assert event.record["requestParameters"][key] == audit.HIDDEN
    assert event.record["requestParameters"]["nested"][0]["inner"][key] == audit.HIDDEN
    assert event.record["requestParameters"]["email"] == "a@b.example"


def test_it_keeps_ordinary_values(db: None) -> None:
    params = {"email": "a@b.example", "roles": ["ace_user"], "codeName": "x", "passwordPolicy": 1}
    event = audit.record(actors.anonymous(), "Anything", request_parameters=params)
    kept = event.record["requestParameters"]
    assert kept["email"] == "a@b.example" and kept["roles"] == ["ace_user"]
    assert kept["codeName"] == "x"
