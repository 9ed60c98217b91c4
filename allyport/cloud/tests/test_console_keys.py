"""Access keys in the console: the secret shown once and stored encrypted, Make
inactive / Make active, Delete with a typed confirm, IAM's refusals."""

from __future__ import annotations

import re

import pytest
from django.db import connection

from allyport.audit.models import AuditEvent
from allyport.cloud.models import AccessKey, IamUser
from allyport.core import encryption
from allyport.testing import cloud_client, make_iam_user

pytestmark = pytest.mark.django_db
KEY_RE = re.compile(r'<code class="access-key-id">(AKIA[A-Z0-9]{16})</code>')
SECRET_RE = re.compile(r'<code class="secret-access-key">([A-Za-z0-9+/]{40})</code>')


def create_key(client, name: str = "admin") -> tuple[str, str]:  # type: ignore[no-untyped-def]
    response = client.post(f"/cloud/users/details/{name}/access-keys/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    return KEY_RE.search(page).group(1), SECRET_RE.search(page).group(1)  # type: ignore[union-attr]


def test_it_shows_the_secret_once(cloud_admin: IamUser) -> None:
    client = cloud_client(cloud_admin)
    key_id, secret = create_key(client)
    for url in (f"/cloud/access-keys/{key_id}/", "/cloud/users/details/admin/", "/cloud/home/"):
        page = client.get(url).content.decode()
        assert secret not in page, url
    assert key_id in client.get("/cloud/users/details/admin/").content.decode()
    assert secret not in str(dict(client.session))


def test_it_stores_the_secret_encrypted(cloud_admin: IamUser) -> None:
    key_id, secret = create_key(cloud_client(cloud_admin))
    key = AccessKey.objects.get(access_key_id=key_id)
    assert key.secret_encrypted != secret and encryption.decrypt(key.secret_encrypted) == secret
    with connection.cursor() as cursor:
        cursor.execute("SELECT secret_encrypted FROM cloud_accesskey")
        assert all(secret not in row[0] for row in cursor.fetchall())


def test_it_audits_the_new_key_without_its_secret(cloud_admin: IamUser) -> None:
    _key_id, secret = create_key(cloud_client(cloud_admin))
    event = AuditEvent.objects.get(event_name="CreateAccessKey")
    assert event.record["userIdentity"]["type"] == "IAMUser"
    assert event.record["userIdentity"]["userName"] == "admin"
    assert secret not in str(event.record)


def test_it_refuses_a_third_key(cloud_admin: IamUser) -> None:
    client = cloud_client(cloud_admin)
    create_key(client)
    create_key(client)
    response = client.post("/cloud/users/details/admin/access-keys/", follow=True)
    assert "at most two access keys" in response.content.decode()
    assert AccessKey.objects.filter(user=cloud_admin).count() == 2


def test_it_makes_a_key_inactive_and_active(cloud_admin: IamUser) -> None:
    client = cloud_client(cloud_admin)
    key_id, _secret = create_key(client)
    url = f"/cloud/access-keys/{key_id}/status/"
    assert client.post(url, {"status": "Inactive"})["Location"] == "/cloud/users/details/admin/"
    assert AccessKey.objects.get(access_key_id=key_id).status == "Inactive"
    assert "Make active" in client.get("/cloud/users/details/admin/").content.decode()
    client.post(url, {"status": "Active"})
    assert AccessKey.objects.get(access_key_id=key_id).status == "Active"
    events = AuditEvent.objects.filter(event_name="UpdateAccessKey")
    assert [e.record["requestParameters"]["status"] for e in events] == ["Active", "Inactive"]
    assert all(e.record["userIdentity"]["type"] == "IAMUser" for e in events)


def test_it_deletes_a_key_after_a_typed_confirm(cloud_admin: IamUser) -> None:
    client = cloud_client(cloud_admin)
    key_id, _secret = create_key(client)
    url = f"/cloud/access-keys/{key_id}/delete/"
    response = client.post(url, {"confirm": "yes"})
    assert "Type &quot;confirm&quot; to continue." in response.content.decode()
    assert AccessKey.objects.filter(access_key_id=key_id).exists()
    assert client.post(url, {"confirm": "confirm"})["Location"] == "/cloud/users/details/admin/"
    assert not AccessKey.objects.filter(access_key_id=key_id).exists()
    assert AuditEvent.objects.get(event_name="DeleteAccessKey").record["userIdentity"]["type"] == (
        "IAMUser"
    )


def test_it_gives_iams_refusal_for_keys_and_changes_nothing(cloud_admin: IamUser) -> None:
    dev = make_iam_user(cloud_admin.account, "dev")
    key_id, _secret = create_key(cloud_client(cloud_admin), "dev")
    client = cloud_client(dev)
    response = client.post("/cloud/users/details/dev/access-keys/")
    assert response.status_code == 403
    assert "is not authorized to perform: iam:CreateAccessKey" in response.content.decode()
    response = client.post(f"/cloud/access-keys/{key_id}/status/", {"status": "Inactive"})
    assert response.status_code == 403
    assert "iam:UpdateAccessKey" in response.content.decode()
    response = client.post(f"/cloud/access-keys/{key_id}/delete/", {"confirm": "confirm"})
    assert response.status_code == 403
    assert AccessKey.objects.filter(user=dev).get().status == "Active"
