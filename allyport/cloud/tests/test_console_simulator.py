"""The policy simulator: decisions, matched statements, missing context keys, bad
input next to its field, and IAM's refusal without iam:SimulatePrincipalPolicy."""

from __future__ import annotations

from html import escape

import pytest

from allyport.cloud.models import IamUser
from allyport.testing import cloud_client, make_iam_user

pytestmark = pytest.mark.django_db
POLICY = {"Version": "2012-10-17", "Statement": [
    {"Sid": "Sandbox", "Effect": "Allow", "Action": "partnercentral:*", "Resource": "*",
     "Condition": {"StringEquals": {"partnercentral:Catalog": "Sandbox"}}},
    {"Sid": "NoRoles", "Effect": "Deny", "Action": "iam:CreateRole", "Resource": "*"},
    {"Effect": "Allow", "Action": "iam:*", "Resource": "*"},
]}  # fmt: skip


@pytest.fixture
def dev(cloud_admin: IamUser) -> IamUser:
    return make_iam_user(cloud_admin.account, "dev", inline=POLICY)


def simulate(user: IamUser, target: IamUser, action: str, context: str = "") -> str:
    data = {"principal": target.arn, "action": action, "resource": "*", "context": context}
    response = cloud_client(user).post("/cloud/simulator/", data)
    assert response.status_code == 200, response.content.decode()
    return response.content.decode()


def test_it_shows_an_allowed_request_and_its_statement(cloud_admin: IamUser, dev: IamUser) -> None:
    page = simulate(cloud_admin, dev, "partnercentral:ListOpportunities",
                    "partnercentral:Catalog=Sandbox")  # fmt: skip
    assert "decision-allowed" in page and ">Allowed<" in page
    matched = page[page.index('class="table matched"') :]
    assert "<td>inline</td><td>Sandbox</td><td>Allow</td>" in matched


def test_it_shows_an_explicit_deny(cloud_admin: IamUser, dev: IamUser) -> None:
    page = simulate(cloud_admin, dev, "iam:CreateRole")
    assert ">Explicitly denied<" in page
    assert "<td>NoRoles</td><td>Deny</td>" in page


def test_it_names_a_statement_without_sid_by_its_index(cloud_admin: IamUser, dev: IamUser) -> None:
    assert "<td>Statement 3</td><td>Allow</td>" in simulate(cloud_admin, dev, "iam:ListRoles")


def test_it_shows_an_implicit_deny_and_the_missing_context(
    cloud_admin: IamUser, dev: IamUser
) -> None:
    page = simulate(cloud_admin, dev, "partnercentral:ListOpportunities")
    assert ">Implicitly denied<" in page
    missing = page[page.index('class="missing-context"') :]
    assert "<code>partnercentral:Catalog</code>" in missing


def test_it_reads_multi_valued_context_keys(cloud_admin: IamUser) -> None:
    condition = {"ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b"]}}
    statement = {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": condition}
    policy = {"Version": "2012-10-17", "Statement": [statement]}
    target = make_iam_user(cloud_admin.account, "tagger", inline=policy)
    assert ">Allowed<" in simulate(cloud_admin, target, "s3:PutObject", "aws:TagKeys=a,b")
    assert ">Implicitly denied<" in simulate(cloud_admin, target, "s3:PutObject", "aws:TagKeys=a,c")


def test_it_shows_bad_input_next_to_its_field(cloud_admin: IamUser, dev: IamUser) -> None:
    data = {"principal": dev.arn, "action": "", "resource": "*", "context": "ok=1\nbroken line"}
    response = cloud_client(cloud_admin).post("/cloud/simulator/", data)
    page = response.content.decode()
    assert 'id="id_action_error"' in page
    assert escape("Line 2: write key=value") in page[page.index('id="id_context_error"') :]
    assert "simulation-result" not in page


def test_it_refuses_a_principal_of_another_account(cloud_admin: IamUser) -> None:
    data = {"principal": "arn:aws:iam::111111111111:user/x", "action": "iam:ListRoles"}
    page = cloud_client(cloud_admin).post("/cloud/simulator/", data).content.decode()
    assert 'id="id_principal_error"' in page


def test_it_needs_simulate_principal_policy_on_the_principal(
    cloud_admin: IamUser, dev: IamUser
) -> None:
    nobody = make_iam_user(cloud_admin.account, "nobody")
    data = {"principal": dev.arn, "action": "iam:ListRoles", "resource": "*"}
    response = cloud_client(nobody).post("/cloud/simulator/", data)
    assert response.status_code == 403
    page = response.content.decode()
    expected = (f"User: {nobody.arn} is not authorized to perform: iam:SimulatePrincipalPolicy "
                f"on resource: {dev.arn}")  # fmt: skip
    assert expected in page and "simulation-result" not in page
    # dev's own iam:* covers it
    assert ">Allowed<" in simulate(dev, dev, "iam:ListRoles")


def test_it_simulates_a_role(cloud_admin: IamUser) -> None:
    from allyport.access.actor import system
    from allyport.cloud import managed, services
    from allyport.cloud.forms import GUIDE_TRUST_POLICY

    role = services.create_role(system(), cloud_admin.account, "Partner", GUIDE_TRUST_POLICY)
    services.attach_policy(
        system(), role, managed.managed_policy("AWSPartnerCentralFullAccess").arn
    )
    data = {"principal": role.arn, "action": "partnercentral:ListOpportunities", "resource": "*",
            "context": "partnercentral:Catalog=AWS"}  # fmt: skip
    page = cloud_client(cloud_admin).post("/cloud/simulator/", data).content.decode()
    assert ">Allowed<" in page and "<td>AWSPartnerCentralAccess</td>" in page
