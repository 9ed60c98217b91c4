"""Console sign-in and sign-out: one vague answer, limits on failures, audit records,
and a session of its own beside the portal's."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import make_password
from django.test import Client

from allyport.accounts.models import User
from allyport.audit.models import AuditEvent
from allyport.cloud.models import IamUser
from allyport.marketplace.services.linking import link_for_operator
from allyport.testing import PASSWORD, cloud_client

pytestmark = pytest.mark.django_db
WRONG = "Your account ID, user name or password is wrong."


def sign_in(client: Client, user: IamUser, password: str = PASSWORD, **extra: str):  # type: ignore[no-untyped-def]
    data = {"account_id": user.account.account_id, "user_name": user.name, "password": password}
    return client.post("/cloud/", {**data, **extra})


def test_it_shows_the_sign_in_page_when_signed_out(client: Client) -> None:
    response = client.get("/cloud/?account=123456789012")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Sign in" in page and 'value="123456789012"' in page
    assert 'for="id_user_name"' in page and 'for="id_password"' in page


def test_it_signs_in_with_the_right_credentials(client: Client, cloud_admin: IamUser) -> None:
    response = sign_in(client, cloud_admin)
    assert response.status_code == 302 and response["Location"] == "/cloud/home/"
    assert client.session["cloud_iam_user_id"] == cloud_admin.user_id
    assert cloud_admin.arn in client.get("/cloud/home/").content.decode()


def test_it_audits_a_successful_sign_in_as_the_iam_user(
    client: Client, cloud_admin: IamUser, lead: User
) -> None:
    link_for_operator(lead.company, cloud_admin.account)  # type: ignore[arg-type]
    sign_in(client, cloud_admin, HTTP_USER_AGENT="tests/1.0")
    event = AuditEvent.objects.get(event_name="ConsoleLogin")
    record = event.record
    assert record["userIdentity"]["type"] == "IAMUser"
    assert record["userIdentity"]["arn"] == cloud_admin.arn
    assert record["responseElements"] == {"ConsoleLogin": "Success"}
    assert record["additionalEventData"] == {"MFAUsed": "No"}
    assert (record["eventSource"], record["eventType"]) == (
        "signin.amazonaws.com", "AwsConsoleSignIn",
    )  # fmt: skip
    assert event.company == lead.company


@pytest.mark.parametrize("part", ["account_id", "user_name", "password"])
def test_it_gives_one_vague_answer_for_any_wrong_part(
    client: Client, cloud_admin: IamUser, part: str
) -> None:
    data = {
        "account_id": cloud_admin.account.account_id,
        "user_name": cloud_admin.name,
        "password": PASSWORD,
    }
    data[part] = {"account_id": "999999999999", "user_name": "nobody", "password": "Wrong!1a"}[part]
    response = client.post("/cloud/", data)
    assert response.status_code == 200
    assert WRONG in response.content.decode()
    assert "cloud_iam_user_id" not in client.session
    event = AuditEvent.objects.get(event_name="ConsoleLogin")
    assert event.record["responseElements"] == {"ConsoleLogin": "Failure"}
    assert PASSWORD not in str(event.record) and "Wrong!1a" not in str(event.record)


def test_it_refuses_a_user_without_a_console_password(client: Client, cloud_admin: IamUser) -> None:
    IamUser.objects.filter(pk=cloud_admin.pk).update(password="")
    assert WRONG in sign_in(client, cloud_admin).content.decode()


def test_it_limits_failed_sign_ins_per_account_and_user(
    client: Client, cloud_admin: IamUser, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.ALLYPORT_LIMITS = {**settings.ALLYPORT_LIMITS, "cloud_signin": (("email", "3/h"),)}
    for _ in range(3):
        assert WRONG in sign_in(client, cloud_admin, "Wrong!1a").content.decode()
    response = sign_in(client, cloud_admin)  # the right password, too late
    assert response.status_code == 429
    assert "Wait a while" in response.content.decode()
    assert "cloud_iam_user_id" not in client.session


def test_it_limits_failed_sign_ins_per_client_address(
    client: Client, cloud_admin: IamUser, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.ALLYPORT_LIMITS = {**settings.ALLYPORT_LIMITS, "cloud_signin": (("ip", "2/h"),)}
    for name in ("a", "b"):
        client.post("/cloud/", {"account_id": "111111111111", "user_name": name, "password": "x"})
    assert sign_in(client, cloud_admin).status_code == 429
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert sign_in(other, cloud_admin).status_code == 302


def test_it_sends_a_signed_out_visit_to_sign_in_and_back(
    client: Client, cloud_admin: IamUser
) -> None:
    response = client.get("/cloud/users/")
    assert response.status_code == 302
    assert response["Location"] == "/cloud/?next=%2Fcloud%2Fusers%2F"
    response = sign_in(client, cloud_admin, next="/cloud/users/")
    assert response["Location"] == "/cloud/users/"


def test_it_does_not_return_to_another_site(client: Client, cloud_admin: IamUser) -> None:
    response = sign_in(client, cloud_admin, next="https://evil.example/cloud/")
    assert response["Location"] == "/cloud/home/"


def test_it_signs_out(cloud_admin: IamUser) -> None:
    client = cloud_client(cloud_admin)
    assert client.get("/cloud/sign-out/").status_code == 405
    assert client.post("/cloud/sign-out/")["Location"] == "/cloud/"
    assert client.get("/cloud/home/").status_code == 302


def test_it_keeps_the_console_apart_from_the_portal_sign_in(
    cloud_admin: IamUser, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    client = client_for(lead)
    assert client.get("/cloud/home/").status_code == 302  # a portal sign-in is not enough
    assert sign_in(client, cloud_admin).status_code == 302
    assert client.get("/cloud/home/").status_code == 200
    assert client.session["_auth_user_id"] == str(lead.pk)
    client.post("/cloud/sign-out/")
    assert client.session["_auth_user_id"] == str(lead.pk)


def test_it_ends_the_console_session_when_the_password_changes(cloud_admin: IamUser) -> None:
    client = cloud_client(cloud_admin)
    IamUser.objects.filter(pk=cloud_admin.pk).update(password=make_password("New!Pass12"))
    assert client.get("/cloud/home/").status_code == 302
