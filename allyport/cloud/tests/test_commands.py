"""The cloud operator commands: create_cloud_account and create_api_credentials
print JSON and refuse bad input with {"error": ...} and exit status 1."""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest
from django.core.management import call_command

from allyport.accounts.models import User
from allyport.audit.models import AuditEvent
from allyport.cloud import managed
from allyport.cloud.models import AccessKey, CloudAccount, IamUser
from allyport.core import encryption
from allyport.marketplace.models import AccountLink
from allyport.testing import make_cloud_account

pytestmark = pytest.mark.django_db


def run(name: str, *args: str) -> Any:
    out = io.StringIO()
    call_command(name, *args, stdout=out)
    return json.loads(out.getvalue())


def refused(name: str, *args: str) -> str:
    out = io.StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command(name, *args, stdout=out)
    assert exited.value.code == 1
    answer = json.loads(out.getvalue())
    assert list(answer) == ["error"]
    return str(answer["error"])


def test_it_creates_a_cloud_account_and_prints_json() -> None:
    data = run("create_cloud_account", "--alias", "acme-cloud", "--admin-user", "root-admin",
               "--admin-password", "Adm!nHarbor7")  # fmt: skip
    assert set(data) == {"AccountId", "Alias", "AdminUser", "SignInUrl"}
    account = CloudAccount.objects.get(account_id=data["AccountId"])
    assert re.fullmatch(r"\d{12}", data["AccountId"])
    assert (data["Alias"], data["AdminUser"]) == ("acme-cloud", "root-admin")
    assert data["SignInUrl"].endswith(f"/cloud/?account={account.account_id}")
    admin = IamUser.objects.get(account=account, name="root-admin")
    arns = list(admin.attachments.values_list("policy_arn", flat=True))
    assert arns == [managed.managed_policy("AdministratorAccess").arn]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--alias", "a", "--admin-user", "admin", "--admin-password", "short"), "8 characters"),
        (("--alias", "a", "--admin-user", "bad name", "--admin-password", "Adm!nHarbor7"),
         "Use letters"),
        (("--alias", "", "--admin-user", "admin", "--admin-password", "Adm!nHarbor7"), "alias"),
    ],
)  # fmt: skip
def test_it_refuses_bad_account_input(args: tuple[str, ...], message: str) -> None:
    assert message in str(refused("create_cloud_account", *args))
    assert not CloudAccount.objects.exists()


def test_it_refuses_an_alias_in_use() -> None:
    make_cloud_account("taken")
    args = ("--alias", "taken", "--admin-user", "admin", "--admin-password", "Adm!nHarbor7")
    assert "alias exists" in str(refused("create_cloud_account", *args))


def credentials(*policies: str) -> Any:
    args = [arg for name in policies for arg in ("--policy", name)]
    return run("create_api_credentials", "--company", "octank.example", *args)


def test_it_creates_api_credentials_and_prints_json(lead: User) -> None:
    data = credentials("AWSPartnerCentralFullAccess", "AWSMarketplaceSellerFullAccess")
    assert set(data) == {"AccountId", "UserName", "AccessKeyId", "SecretAccessKey"}
    assert re.fullmatch(r"AKIA[A-Z0-9]{16}", data["AccessKeyId"])
    assert re.fullmatch(r"[A-Za-z0-9+/]{40}", data["SecretAccessKey"])
    assert re.fullmatch(r"api-[a-z0-9]{6}", data["UserName"])
    link = AccountLink.objects.get(company=lead.company)
    assert link.account.account_id == data["AccountId"]
    key = AccessKey.objects.get(access_key_id=data["AccessKeyId"])
    assert key.user.name == data["UserName"] and key.user.account == link.account
    assert encryption.decrypt(key.secret_encrypted) == data["SecretAccessKey"]
    assert key.secret_encrypted != data["SecretAccessKey"]
    assert sorted(key.user.attachments.values_list("policy_arn", flat=True)) == sorted(
        managed.managed_policy(name).arn
        for name in ("AWSPartnerCentralFullAccess", "AWSMarketplaceSellerFullAccess")
    )
    event = AuditEvent.objects.get(event_name="CreateAccessKey")
    assert data["SecretAccessKey"] not in str(event.record)


def test_it_links_the_company_once(lead: User) -> None:
    first = credentials("AWSPartnerCentralFullAccess")
    second = credentials("AWSPartnerCentralFullAccess")
    assert first["AccountId"] == second["AccountId"]
    assert first["UserName"] != second["UserName"]
    assert AccountLink.objects.filter(company=lead.company).count() == 1
    assert CloudAccount.objects.count() == 1
    assert AuditEvent.objects.filter(event_name="AssociatePartnerAccount").count() == 1


def test_it_accepts_a_customer_policy_of_the_linked_account(lead: User) -> None:
    first = credentials("AWSPartnerCentralFullAccess")
    account = CloudAccount.objects.get(account_id=first["AccountId"])
    account.policies.create(name="Mine", document={"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]})  # fmt: skip
    data = credentials("Mine")
    user = IamUser.objects.get(account=account, name=data["UserName"])
    assert list(user.attachments.values_list("policy_arn", flat=True)) == [
        f"arn:aws:iam::{account.account_id}:policy/Mine"
    ]


def test_it_refuses_an_unknown_policy_and_links_nothing(lead: User) -> None:
    error = str(refused("create_api_credentials", "--company", "octank.example",
                        "--policy", "NoSuchPolicy"))  # fmt: skip
    assert "NoSuchPolicy" in error and "AWSPartnerCentralFullAccess" in error
    assert not AccountLink.objects.exists() and not CloudAccount.objects.exists()


def test_it_refuses_an_unknown_company(db: None) -> None:
    error = refused("create_api_credentials", "--company", "nobody.example", "--policy", "X")
    assert "nobody.example" in str(error)
