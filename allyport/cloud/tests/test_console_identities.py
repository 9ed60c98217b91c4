"""Users and roles in the console: create, attach and detach managed policies, add
inline policies; each change audited as the IAM user, each refusal IAM's."""

from __future__ import annotations

import json
from html import escape

import pytest

from allyport.audit.models import AuditEvent
from allyport.cloud import managed
from allyport.cloud.models import IamRole, IamUser, InlinePolicy, PolicyAttachment
from allyport.testing import PASSWORD, cloud_client, make_iam_user

pytestmark = pytest.mark.django_db
FULL = managed.managed_policy("AWSPartnerCentralFullAccess").arn
BAD_DOCUMENT = json.dumps({"Statement": [{"Effect": "Allw", "Action": "s3:Get*"}]})
GOOD_DOCUMENT = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}],
    }
)


def only_event(name: str) -> dict:  # type: ignore[type-arg]
    return AuditEvent.objects.get(event_name=name).record


def assert_by(record: dict, user: IamUser) -> None:  # type: ignore[type-arg]
    assert record["userIdentity"]["type"] == "IAMUser"
    assert record["userIdentity"]["arn"] == user.arn
    assert record["eventSource"] == "iam.amazonaws.com"


def test_it_creates_a_user(cloud_admin: IamUser) -> None:
    client = cloud_client(cloud_admin)
    response = client.post("/cloud/users/create/", {"name": "dev", "password": "Dev!Pass12"})
    assert response["Location"] == "/cloud/users/details/dev/"
    dev = IamUser.objects.get(account=cloud_admin.account, name="dev")
    assert dev.password and "Dev!Pass12" not in dev.password
    record = only_event("CreateUser")
    assert_by(record, cloud_admin)
    assert record["requestParameters"] == {"userName": "dev"}
    assert "User dev created." in client.get(response["Location"]).content.decode()


def test_it_creates_a_user_without_console_access(cloud_admin: IamUser) -> None:
    cloud_client(cloud_admin).post("/cloud/users/create/", {"name": "robot", "password": ""})
    assert IamUser.objects.get(name="robot").password == ""


def test_it_checks_the_password_with_djangos_validators(cloud_admin: IamUser) -> None:
    response = cloud_client(cloud_admin).post(
        "/cloud/users/create/", {"name": "dev", "password": "short"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Use at least 8 characters." in page and "Include a number." in page
    assert not IamUser.objects.filter(name="dev").exists()


@pytest.mark.parametrize(
    ("name", "message"), [("admin", "A user with this name exists."), ("bad name!", "Use letters")]
)
def test_it_shows_a_refused_name_next_to_the_field(
    cloud_admin: IamUser, name: str, message: str
) -> None:
    response = cloud_client(cloud_admin).post("/cloud/users/create/", {"name": name})
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page[page.index('id="id_name_error"') :]


def test_it_gives_iams_refusal_to_a_user_without_the_permission(cloud_admin: IamUser) -> None:
    dev = make_iam_user(cloud_admin.account, "dev")
    client = cloud_client(dev)
    events = AuditEvent.objects.filter(event_name="CreateUser").count()
    response = client.post("/cloud/users/create/", {"name": "eve", "password": ""})
    assert response.status_code == 403
    page = response.content.decode()
    assert f"User: {dev.arn} is not authorized to perform: iam:CreateUser" in page
    assert not IamUser.objects.filter(name="eve").exists()
    # The refused call is recorded as CloudTrail does, with errorCode AccessDenied.
    assert AuditEvent.objects.filter(event_name="CreateUser", error_code="").count() == events
    denied = AuditEvent.objects.get(event_name="CreateUser", error_code="AccessDenied")
    assert denied.record["userIdentity"]["arn"] == dev.arn
    assert "not authorized to perform: iam:CreateUser" in denied.record["errorMessage"]


@pytest.mark.parametrize("kind", ["users", "roles"])
def test_it_attaches_and_detaches_a_managed_policy(cloud_admin: IamUser, kind: str) -> None:
    make_iam_user(cloud_admin.account, "dev")
    IamRole.objects.create(account=cloud_admin.account, name="dev", trust_policy={})
    client = cloud_client(cloud_admin)
    base = f"/cloud/{kind}/details/dev/"
    assert client.post(base + "attach/", {"policy": FULL})["Location"] == base
    owner = {"user__name": "dev"} if kind == "users" else {"role__name": "dev"}
    assert PolicyAttachment.objects.filter(policy_arn=FULL, **owner).exists()
    assert "AWSPartnerCentralFullAccess" in client.get(base).content.decode()
    name = "AttachUserPolicy" if kind == "users" else "AttachRolePolicy"
    assert_by(only_event(name), cloud_admin)
    assert client.post(base + "detach/", {"policy_arn": FULL})["Location"] == base
    assert not PolicyAttachment.objects.filter(policy_arn=FULL, **owner).exists()
    assert_by(only_event(name.replace("Attach", "Detach")), cloud_admin)


def test_it_offers_the_catalogue_and_customer_policies_to_attach(cloud_admin: IamUser) -> None:
    client = cloud_client(cloud_admin)
    client.post("/cloud/policies/create/", {"name": "Reader", "document": GOOD_DOCUMENT})
    page = client.get("/cloud/users/details/admin/attach/").content.decode()
    for policy in managed.managed_policies().values():
        assert f'value="{policy.arn}"' in page
    assert f'value="arn:aws:iam::{cloud_admin.account.account_id}:policy/Reader"' in page


def test_it_refuses_to_detach_without_the_permission(cloud_admin: IamUser) -> None:
    deny = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {"Effect": "Deny", "Action": "iam:DetachUserPolicy", "Resource": "*"}]}  # fmt: skip
    dev = make_iam_user(cloud_admin.account, "dev", FULL, inline=deny)
    response = cloud_client(dev).post("/cloud/users/details/dev/detach/", {"policy_arn": FULL})
    assert response.status_code == 403
    assert "with an explicit deny" in response.content.decode()
    assert PolicyAttachment.objects.filter(user=dev, policy_arn=FULL).exists()


def test_it_adds_an_inline_policy(cloud_admin: IamUser) -> None:
    client = cloud_client(cloud_admin)
    data = {"name": "ReadS3", "document": GOOD_DOCUMENT}
    response = client.post("/cloud/users/details/admin/inline/", data)
    assert response["Location"] == "/cloud/users/details/admin/"
    assert InlinePolicy.objects.get(user=cloud_admin, name="ReadS3").document["Version"]
    assert "ReadS3" in client.get(response["Location"]).content.decode()
    assert_by(only_event("PutUserPolicy"), cloud_admin)


def test_it_lists_every_problem_of_an_inline_policy(cloud_admin: IamUser) -> None:
    data = {"name": "Broken", "document": BAD_DOCUMENT}
    response = cloud_client(cloud_admin).post("/cloud/users/details/admin/inline/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert escape('"Effect" is "Allw"') in page
    assert escape('has neither "Resource" nor "NotResource"') in page
    assert escape('no "Version"') in page
    assert not InlinePolicy.objects.filter(name="Broken").exists()


def test_it_creates_a_role_with_the_guides_trust_policy(cloud_admin: IamUser) -> None:
    client = cloud_client(cloud_admin)
    form = client.get("/cloud/roles/create/").context["form"]
    data = {"name": "PartnerRole", "description": "For partners",
            "trust_policy": form.initial["trust_policy"]}  # fmt: skip
    response = client.post("/cloud/roles/create/", data)
    assert response["Location"] == "/cloud/roles/details/PartnerRole/"
    role = IamRole.objects.get(name="PartnerRole")
    statement = role.trust_policy["Statement"][0]
    assert statement["Principal"] == {"Service": "partnercentral-account-management.amazonaws.com"}
    assert role.description == "For partners"
    assert_by(only_event("CreateRole"), cloud_admin)
    assert "sts:AssumeRole" in client.get(response["Location"]).content.decode()


def test_it_lists_every_problem_of_a_trust_policy(cloud_admin: IamUser) -> None:
    data = {"name": "Broken", "trust_policy": "{not json"}
    response = cloud_client(cloud_admin).post("/cloud/roles/create/", data)
    assert "not valid JSON" in response.content.decode()
    assert not IamRole.objects.filter(name="Broken").exists()


def test_it_signs_in_the_user_it_created(cloud_admin: IamUser) -> None:
    cloud_client(cloud_admin).post("/cloud/users/create/", {"name": "dev", "password": PASSWORD})
    dev = IamUser.objects.get(name="dev")
    assert cloud_client(dev).get("/cloud/home/").status_code == 200
