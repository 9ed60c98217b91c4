"""Customer policies in the console: Create policy, every problem of a document
listed next to it, IAM's refusal."""

from __future__ import annotations

import json
from html import escape

import pytest

from allyport.audit.models import AuditEvent
from allyport.cloud.models import CustomerPolicy, IamUser
from allyport.testing import cloud_client, make_iam_user

pytestmark = pytest.mark.django_db
READ = {"Sid": "Read", "Effect": "Allow", "Action": "partnercentral:Get*", "Resource": "*"}
DOCUMENT = {"Version": "2012-10-17", "Statement": [READ]}


def test_it_creates_a_customer_policy(cloud_admin: IamUser) -> None:
    client = cloud_client(cloud_admin)
    data = {"name": "Reader", "description": "Reads", "document": json.dumps(DOCUMENT)}
    response = client.post("/cloud/policies/create/", data)
    assert response["Location"] == "/cloud/policies/details/Reader/"
    policy = CustomerPolicy.objects.get(account=cloud_admin.account, name="Reader")
    assert (policy.document, policy.description) == (DOCUMENT, "Reads")
    record = AuditEvent.objects.get(event_name="CreatePolicy").record
    assert record["userIdentity"]["type"] == "IAMUser"
    assert record["resources"][0]["ARN"] == policy.arn
    page = client.get(response["Location"]).content.decode()
    assert policy.arn in page and "partnercentral:Get*" in page
    assert "/cloud/policies/details/Reader/" in client.get("/cloud/policies/").content.decode()


def test_it_lists_every_problem_of_the_document_and_creates_nothing(cloud_admin: IamUser) -> None:
    document = {"Statement": [{"Effect": "Allw", "Action": "s3:Get*"}]}
    data = {"name": "Broken", "document": json.dumps(document)}
    response = cloud_client(cloud_admin).post("/cloud/policies/create/", data)
    page = response.content.decode()
    assert response.status_code == 200
    errors = page[page.index('id="id_document_error"') :]
    for problem in ('"Effect" is "Allw"', 'has neither "Resource" nor "NotResource"',
                    'no "Version"'):  # fmt: skip
        assert escape(problem) in errors
    assert errors.count("<li>") >= 3
    assert not CustomerPolicy.objects.exists()
    assert not AuditEvent.objects.filter(event_name="CreatePolicy").exists()


def test_it_shows_invalid_json_next_to_the_document(cloud_admin: IamUser) -> None:
    data = {"name": "Broken", "document": "{not json"}
    page = cloud_client(cloud_admin).post("/cloud/policies/create/", data).content.decode()
    assert "not valid JSON" in page[page.index('id="id_document_error"') :]


def test_it_refuses_a_second_policy_of_the_same_name(cloud_admin: IamUser) -> None:
    client = cloud_client(cloud_admin)
    data = {"name": "Reader", "document": json.dumps(DOCUMENT)}
    client.post("/cloud/policies/create/", data)
    page = client.post("/cloud/policies/create/", data).content.decode()
    assert "A policy with this name exists." in page
    assert CustomerPolicy.objects.count() == 1


def test_it_gives_iams_refusal_to_create_a_policy(cloud_admin: IamUser) -> None:
    dev = make_iam_user(cloud_admin.account, "dev")
    data = {"name": "Reader", "document": json.dumps(DOCUMENT)}
    response = cloud_client(dev).post("/cloud/policies/create/", data)
    assert response.status_code == 403
    assert f"User: {dev.arn} is not authorized to perform: iam:CreatePolicy" in (
        response.content.decode()
    )
    assert not CustomerPolicy.objects.exists()
