"""The security events of registration, sign-in, passwords and invitations are audited,
in CloudTrail's format, and no record holds a password or a code in clear."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from allyport.accounts.models import User
from allyport.accounts.tests.flows import (
    STRONG,
    company_details,
    last_code,
    start,
    user_details,
    verified,
    verify,
)
from allyport.audit.models import AuditEvent
from allyport.audit.services import HIDDEN
from allyport.testing import PASSWORD, make_company

FIELDS = {
    "eventVersion", "eventTime", "eventSource", "eventName", "userIdentity", "sourceIPAddress",
    "userAgent", "requestParameters", "responseElements", "eventID", "readOnly", "eventType",
    "managementEvent", "eventCategory",
}  # fmt: skip
SIGNIN, ACTION = "AwsConsoleSignIn", "AwsConsoleAction"
WRONG = "Wrong!Pass1"
NEW = "N3w!Harbor7"  # "N3w!Password" is itself a guessable password


def event(name: str, *, error: str = "", event_type: str | None = None) -> dict[str, Any]:
    """The latest record of `name` (failing with `error`, or succeeding), checked for shape."""
    found = AuditEvent.objects.filter(event_name=name, error_code=error).first()
    assert found is not None, (
        name,
        error,
        list(AuditEvent.objects.values_list("event_name", "error_code")),
    )
    body = found.record
    assert set(body) >= FIELDS, FIELDS - set(body)
    assert body["eventName"] == name and body["eventCategory"] == "Management"
    assert body["sourceIPAddress"] == "127.0.0.1"
    if event_type:
        assert body["eventType"] == event_type
    if error:
        assert body["errorCode"] == error and body["errorMessage"]
    else:
        assert "errorCode" not in body
    return body


def assert_nothing_in_clear(*secrets: str) -> None:
    assert AuditEvent.objects.exists()
    for found in AuditEvent.objects.all():
        dumped = json.dumps(found.record)
        for secret in secrets:
            assert secret not in dumped, (found.event_name, secret)


def other(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def sign_in(client: Client, email: str, password: str = PASSWORD) -> Any:
    return client.post("/accounts/login/", {"login": email, "password": password})


@pytest.mark.django_db
def test_it_audits_company_registration() -> None:
    client = Client()
    start(client, "company", "ana@audited.example")
    code = last_code()
    verify(client, "company", other(code))
    verify(client, "company", code)
    client.post("/register/company/details/", company_details())

    sent = event("SendEmailVerificationCode", event_type=ACTION)
    assert sent["eventSource"] == "signin.amazonaws.com"
    assert sent["userIdentity"]["userName"] == "ana@audited.example"
    failed = event("VerifyEmailCode", error="InvalidCode")
    assert "not right" in failed["errorMessage"]
    ok = event("VerifyEmailCode")
    assert ok["requestParameters"]["code"] == HIDDEN
    created = event("CreatePartner", event_type=ACTION)
    user = User.objects.get()
    assert created["userIdentity"]["principalId"] == user.public_id
    assert created["responseElements"]["partnerId"] == user.company.public_id
    assert created["requestParameters"]["domain"] == "audited.example"
    assert_nothing_in_clear(STRONG, code, other(code))


def test_it_audits_user_registration(company: Any) -> None:
    client = Client()
    verified(client, "user", "joiner@octank.example")
    client.post("/register/user/details/", user_details())
    body = event("RegisterPartnerUser")
    assert body["requestParameters"] == {
        "email": "joiner@octank.example",
        "roles": ["standard_user"],
    }
    assert AuditEvent.objects.get(event_name="RegisterPartnerUser").company == company
    assert_nothing_in_clear(STRONG)


def test_it_audits_sign_in_success_failure_and_lockout(lead: User) -> None:
    client = Client()
    sign_in(client, lead.email)
    success = event("ConsoleLogin", event_type=SIGNIN)
    assert success["responseElements"] == {"ConsoleLogin": "Success"}
    assert success["additionalEventData"]["MFAUsed"] == "No"
    assert success["userIdentity"]["userName"] == lead.email
    for _ in range(5):
        sign_in(Client(), lead.email, WRONG)
    failure = event("ConsoleLogin", error="FailedAuthentication", event_type=SIGNIN)
    assert failure["responseElements"] == {"ConsoleLogin": "Failure"}
    sign_in(Client(), lead.email)
    locked = event("ConsoleLogin", error="LockedOut", event_type=SIGNIN)
    assert locked["recipientAccountId"] == lead.company.public_id
    assert_nothing_in_clear(PASSWORD, WRONG)


def test_it_hides_who_failed_to_sign_in_with_an_unknown_address(db: None) -> None:
    sign_in(Client(), "ghost@nowhere.example", WRONG)
    failure = event("ConsoleLogin", error="FailedAuthentication")
    assert failure["userIdentity"]["userName"] == HIDDEN
    assert_nothing_in_clear(WRONG, "ghost@nowhere.example")


def test_it_audits_the_login_code(db: None) -> None:
    _, lead = make_company(mfa=True)
    client = Client()
    sign_in(client, lead.email)
    first = last_code()
    event("SendLoginCode", event_type=SIGNIN)
    client.post("/accounts/login/code/confirm/", {"code": other(first)})
    event("ConfirmLoginCode", error="InvalidCode", event_type=SIGNIN)
    client.post("/accounts/login/code/confirm/", {"action": "resend"})
    second = last_code()
    assert AuditEvent.objects.filter(event_name="SendLoginCode").count() == 2
    client.post("/accounts/login/code/confirm/", {"code": second})
    confirmed = event("ConfirmLoginCode", event_type=SIGNIN)
    assert confirmed["userIdentity"]["principalId"] == lead.public_id
    assert event("ConsoleLogin")["additionalEventData"]["MFAUsed"] == "Yes"
    assert_nothing_in_clear(PASSWORD, first, second, other(first))


def test_it_audits_forgot_and_change_password(
    lead: User, client_for: Callable[[User], Client]
) -> None:
    client = Client()
    client.post("/accounts/password/reset/", {"email": lead.email})
    code = last_code()
    event("ForgotPassword", event_type=SIGNIN)
    client.post("/accounts/password/reset/confirm/", {"code": other(code)})
    event("ConfirmForgotPassword", error="InvalidCode")
    response = client.post("/accounts/password/reset/confirm/", {"code": code})
    client.post(response["Location"], {"password1": NEW, "password2": NEW})
    event("ConfirmForgotPassword", event_type=SIGNIN)

    lead.refresh_from_db()  # the session of the old password no longer counts
    member = client_for(lead)
    changed = "Chang3d!Pass"
    response = member.post(
        "/accounts/password/change/",
        {"oldpassword": NEW, "password1": changed, "password2": changed},
    )
    assert response.status_code == 302
    body = event("ChangePassword")
    assert body["userIdentity"]["userName"] == lead.email
    assert_nothing_in_clear(PASSWORD, NEW, changed, code, other(code))


def test_it_audits_invitations(lead: User, client_for: Callable[[User], Client]) -> None:
    client_for(lead).post(
        "/company/users/roles/invite/",
        {"invite-TOTAL_FORMS": "1", "invite-INITIAL_FORMS": "0", "invite-MIN_NUM_FORMS": "1",
         "invite-MAX_NUM_FORMS": "20", "invite-0-email": "guest@octank.example",
         "invite-0-roles": ["ace_user"], "action": "invite"},
    )  # fmt: skip
    invited = event("InvitePartnerUser", event_type=ACTION)
    assert invited["requestParameters"] == {"email": "guest@octank.example", "roles": ["ace_user"]}
    assert invited["userIdentity"]["principalId"] == lead.public_id
    token = re.search(r"/invitations/([^/\s]+)/", mail.outbox[-1].body).group(1)  # type: ignore[union-attr]
    Client().post(
        f"/invitations/{token}/",
        {"first_name": "G", "last_name": "H", "job_title": "x", "phone": "1",
         "password1": STRONG, "password2": STRONG},
    )  # fmt: skip
    accepted = event("AcceptInvitation")
    guest = User.objects.get(email="guest@octank.example")
    assert accepted["userIdentity"]["principalId"] == guest.public_id
    assert accepted["responseElements"] == {"partnerUserId": guest.public_id}
    assert_nothing_in_clear(STRONG, token)


def test_it_audits_a_lockout_contact(db: None) -> None:
    Client().post("/locked-out/", {"name": "Ana", "email": "ana@x.example", "message": "Help"})
    assert event("SubmitLockoutContact")["requestParameters"]["email"] == "ana@x.example"
