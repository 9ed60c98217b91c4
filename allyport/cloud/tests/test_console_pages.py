"""Every console page renders for the signed-in IAM user, needs the console sign-in,
and finds objects only in the user's own account."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from allyport.access.actor import system
from allyport.cloud import managed, services
from allyport.cloud.models import IamUser
from allyport.testing import cloud_client, make_cloud_account, make_iam_user

pytestmark = pytest.mark.django_db
ALLOW_S3 = {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}
DOCUMENT = {"Version": "2012-10-17", "Statement": [ALLOW_S3]}
EC2 = {"Service": "ec2.amazonaws.com"}
TRUST = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": EC2, "Action": "sts:AssumeRole"}],
}


def furnish(admin: IamUser) -> str:
    """A user "dev" with a key, a role "app" and a policy "Reader"; the key's id."""
    account = admin.account
    dev = make_iam_user(account, "dev")
    services.create_role(system(), account, "app", json.dumps(TRUST), "The app")
    services.create_policy(system(), account, "Reader", json.dumps(DOCUMENT), "Reads")
    return services.create_access_key(system(), dev)[0].access_key_id


def pages(key_id: str) -> list[str]:
    return [
        "/cloud/home/",
        "/cloud/users/",
        "/cloud/users/create/",
        "/cloud/users/details/dev/",
        "/cloud/users/details/dev/attach/",
        "/cloud/users/details/dev/inline/",
        f"/cloud/access-keys/{key_id}/",
        "/cloud/roles/",
        "/cloud/roles/create/",
        "/cloud/roles/details/app/",
        "/cloud/roles/details/app/attach/",
        "/cloud/roles/details/app/inline/",
        "/cloud/policies/",
        "/cloud/policies/create/",
        "/cloud/policies/details/Reader/",
        "/cloud/managed-policies/",
        "/cloud/managed-policies/AWSPartnerCentralFullAccess/",
        "/cloud/simulator/",
    ]


def test_it_renders_every_page(cloud_admin: IamUser) -> None:
    key_id = furnish(cloud_admin)
    client = cloud_client(cloud_admin)
    for url in pages(key_id):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Sign out" in response.content.decode(), url


def test_it_needs_the_console_sign_in_for_every_page(cloud_admin: IamUser) -> None:
    key_id = furnish(cloud_admin)
    for url in pages(key_id):
        response = Client().get(url)
        assert response.status_code == 302 and response["Location"].startswith("/cloud/?next="), url


def test_it_answers_another_accounts_objects_as_missing(cloud_admin: IamUser) -> None:
    key_id = furnish(cloud_admin)
    _account, stranger = make_cloud_account("other-cloud")
    client = cloud_client(stranger)
    for url in pages(key_id):
        if "/details/" in url or "/access-keys/" in url:
            assert client.get(url).status_code == 404, url
    for url, data in [
        (f"/cloud/access-keys/{key_id}/status/", {"status": "Inactive"}),
        (f"/cloud/access-keys/{key_id}/delete/", {"confirm": "confirm"}),
        ("/cloud/users/details/dev/access-keys/", {}),
        ("/cloud/users/details/dev/detach/", {"policy_arn": "x"}),
        ("/cloud/roles/details/app/detach/", {"policy_arn": "x"}),
    ]:
        assert client.post(url, data).status_code == 404, url
    assert client.get("/cloud/users/details/nobody/").status_code == 404


def test_it_shows_the_account_on_the_dashboard(cloud_admin: IamUser) -> None:
    furnish(cloud_admin)
    page = cloud_client(cloud_admin).get("/cloud/home/").content.decode()
    account = cloud_admin.account
    for text in (account.account_id, account.alias, "not registered as a seller", cloud_admin.arn):
        assert text in page
    for link in ("/cloud/users/details/dev/", "/cloud/roles/details/app/",
                 "/cloud/policies/details/Reader/"):  # fmt: skip
        assert f'href="{link}"' in page


def test_it_shows_the_seller_legal_name(cloud_admin: IamUser) -> None:
    account = cloud_admin.account
    account.seller_legal_name = "Octank Ltd"
    account.save()
    page = cloud_client(cloud_admin).get("/cloud/home/").content.decode()
    assert "Octank Ltd" in page and "not registered as a seller" not in page


def test_it_lists_the_managed_catalogue_and_the_update_history(cloud_admin: IamUser) -> None:
    page = cloud_client(cloud_admin).get("/cloud/managed-policies/").content.decode()
    for policy in managed.managed_policies().values():
        assert f'href="/cloud/managed-policies/{policy.name}/"' in page
    for update in managed.policy_updates():
        assert update.date.isoformat() in page


def test_it_shows_every_version_of_a_managed_policy(cloud_admin: IamUser) -> None:
    policy = managed.managed_policy("AWSPartnerCentralFullAccess")
    page = cloud_client(cloud_admin).get(f"/cloud/managed-policies/{policy.name}/").content.decode()
    for version in policy.versions:
        assert f'id="{version.version_id}"' in page
        assert version.created.isoformat() in page
    assert f"{policy.default_version} (default)" in page
    if any(version.document is None for version in policy.versions):
        assert "document not published" in page


def test_it_answers_an_unknown_managed_policy_as_missing(cloud_admin: IamUser) -> None:
    assert cloud_client(cloud_admin).get("/cloud/managed-policies/Nope/").status_code == 404


def test_it_prefills_the_guides_trust_policy(cloud_admin: IamUser) -> None:
    page = cloud_client(cloud_admin).get("/cloud/roles/create/").content.decode()
    assert "partnercentral-account-management.amazonaws.com" in page
    assert "sts:AssumeRole" in page


def test_it_never_turns_a_refusal_into_a_server_error(cloud_admin: IamUser, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from allyport.access.decisions import Decision, PermissionDenied
    from allyport.cloud.views import dashboard

    def refuse(account: object) -> None:
        raise PermissionDenied(Decision(False, "not today"))

    monkeypatch.setattr(dashboard.selectors, "users", refuse)
    response = cloud_client(cloud_admin).get("/cloud/home/")
    assert response.status_code == 403 and "not today" in response.content.decode()
