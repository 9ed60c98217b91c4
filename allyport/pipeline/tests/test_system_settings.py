"""GetSellingSystemSettings and PutSellingSystemSettings through boto3: per company and
catalog, a role ARN or a bare name of the caller's own account."""
# The boto3 fixtures of test_api are imported; test arguments name them again.
# ruff: noqa: F811

from __future__ import annotations

from collections.abc import Callable

import pytest
from botocore.exceptions import ClientError

from allyport.access.actor import system
from allyport.cloud import services as cloud
from allyport.pipeline.tests.test_api import (  # noqa: F401  (fixtures)
    SANDBOX_ACCESS,
    Caller,
    _no_throttling,
    connect,
    crm,
    error_of,
)

pytestmark = pytest.mark.django_db(transaction=True)
TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Service": "partnercentral.amazonaws.com"},
            "Action": "sts:AssumeRole",
        }
    ],
}


def make_role(caller: Caller, name: str = "SnapshotJobs") -> str:
    role = cloud.create_role(system(), caller.company.account_link.account, name, TRUST)
    return role.arn


def test_it_keeps_the_role_per_catalog(crm: Caller) -> None:
    arn = make_role(crm)
    assert crm.client.get_selling_system_settings(Catalog="AWS")["Catalog"] == "AWS"
    assert "ResourceSnapshotJobRoleArn" not in crm.client.get_selling_system_settings(Catalog="AWS")
    put = crm.client.put_selling_system_settings(
        Catalog="AWS", ResourceSnapshotJobRoleIdentifier="SnapshotJobs"
    )
    assert put["ResourceSnapshotJobRoleArn"] == arn and put["Catalog"] == "AWS"
    got = crm.client.get_selling_system_settings(Catalog="AWS")
    assert got["ResourceSnapshotJobRoleArn"] == arn
    assert "ResourceSnapshotJobRoleArn" not in crm.client.get_selling_system_settings(
        Catalog="Sandbox"
    )
    by_arn = crm.client.put_selling_system_settings(
        Catalog="Sandbox", ResourceSnapshotJobRoleIdentifier=arn
    )
    assert by_arn["ResourceSnapshotJobRoleArn"] == arn
    cleared = crm.client.put_selling_system_settings(Catalog="AWS")
    assert "ResourceSnapshotJobRoleArn" not in cleared


def test_it_refuses_roles_that_are_not_the_callers(
    crm: Caller, connect: Callable[..., Caller]
) -> None:
    other = connect()
    theirs = make_role(other, "Theirs")
    for identifier in ("Missing", theirs, theirs.replace("Theirs", "Missing")):
        with pytest.raises(ClientError) as caught:
            crm.client.put_selling_system_settings(
                Catalog="AWS", ResourceSnapshotJobRoleIdentifier=identifier
            )
        assert error_of(caught)["Code"] == "ResourceNotFoundException", identifier
    with pytest.raises(ClientError) as caught:
        crm.client.put_selling_system_settings(
            Catalog="AWS", ResourceSnapshotJobRoleIdentifier="arn:aws:iam::1:role/x"
        )
    assert error_of(caught)["Code"] == "ValidationException"


def test_companies_do_not_see_each_others_settings(
    crm: Caller, connect: Callable[..., Caller]
) -> None:
    crm.client.put_selling_system_settings(
        Catalog="AWS", ResourceSnapshotJobRoleIdentifier=make_role(crm)
    )
    other = connect()
    assert "ResourceSnapshotJobRoleArn" not in other.client.get_selling_system_settings(
        Catalog="AWS"
    )


def test_the_sandbox_policy_confines_settings_to_sandbox(
    connect: Callable[..., Caller],
) -> None:
    sandbox = connect(SANDBOX_ACCESS)
    assert sandbox.client.get_selling_system_settings(Catalog="Sandbox")["Catalog"] == "Sandbox"
    with pytest.raises(ClientError) as caught:
        sandbox.client.put_selling_system_settings(Catalog="AWS")
    assert error_of(caught)["Code"] == "AccessDeniedException"
