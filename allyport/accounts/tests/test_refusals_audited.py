"""Refused User Management changes and sign-out leave a record in Event history."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from allyport.access import actor as actors
from allyport.access.models import RoleAssignment
from allyport.accounts.models import Company, Invitation, User
from allyport.accounts.services.roles import RoleChange, apply_role_changes, reassign_alliance_lead
from allyport.audit.models import AuditEvent
from allyport.core.errors import ChangeRefused
from allyport.testing import PASSWORD, make_user


def fresh_lead(lead: User) -> User:
    return User.objects.get(pk=lead.pk)


def _refusal(event_name: str) -> dict:  # type: ignore[type-arg]
    event = AuditEvent.objects.exclude(error_code="").get(event_name=event_name)
    return event.record  # type: ignore[no-any-return]


def test_removing_the_alliance_lead_is_refused_and_recorded_with_the_reason(
    company: Company, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    team = make_user(company, "alliance_team", email="team@octank.example")
    response = client_for(team).post(
        reverse("users:remove", args=[lead.public_id]), {"confirm": "confirm"}
    )
    reason = "Reassign the alliance lead role before removing this user."
    assert reason in response.content.decode()
    record = _refusal("RemovePartnerUser")
    assert (record["errorCode"], record["errorMessage"]) == ("ValidationException", reason)
    assert record["requestParameters"] == {"userId": lead.public_id}
    assert record["userIdentity"]["userName"] == "team@octank.example"
    assert "confirm" not in str(record["requestParameters"])


def test_taking_the_alliance_lead_role_away_is_refused_and_recorded(
    company: Company, lead: User
) -> None:
    (result,) = apply_role_changes(
        actors.for_user(lead), [RoleChange(lead.public_id, remove=("alliance_lead",))]
    )
    assert not result.ok
    assert RoleAssignment.objects.filter(user=lead, role="alliance_lead").exists()
    record = _refusal("UnassignPartnerRole")
    assert record["errorMessage"] == "the alliance lead role changes only by reassignment"
    assert record["requestParameters"]["role"] == "alliance_lead"


def test_a_change_refused_for_want_of_the_right_is_recorded_as_access_denied(
    company: Company, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    ace = make_user(company, "ace_manager", email="ace@octank.example")
    response = client_for(ace).post(
        reverse("users:remove", args=[lead.public_id]), {"confirm": "confirm"}
    )
    assert response.status_code == 403
    record = _refusal("RemovePartnerUser")
    assert record["errorCode"] == "AccessDenied"
    assert record["errorMessage"] and record["errorMessage"] in response.content.decode()
    assert record["requestParameters"]["user_id"] == lead.public_id
    assert fresh_lead(lead).is_active


def test_a_refused_reassignment_is_recorded(company: Company, lead: User) -> None:
    with pytest.raises(ChangeRefused):
        reassign_alliance_lead(actors.for_user(lead), lead.public_id, "confirm")
    record = _refusal("ReassignAllianceLead")
    assert record["requestParameters"] == {"newLeadId": lead.public_id}
    assert record["errorMessage"] == "You already hold the alliance lead role."


def test_a_page_refused_for_a_missing_right_records_the_change_asked(
    company: Company, client_for
) -> None:  # type: ignore[no-untyped-def]
    admin = make_user(company, "cloud_admin", email="admin@octank.example")
    response = client_for(admin).post(
        reverse("users:invite"), {"form-0-email": "new@octank.example"}
    )
    assert response.status_code == 403
    record = _refusal("InvitePartnerUser")
    assert record["errorCode"] == "AccessDenied"
    assert record["errorMessage"] in response.content.decode()
    assert record["requestParameters"] == {"action": "invite_users"}
    assert not Invitation.objects.exists()


def test_sign_out_is_recorded_like_sign_in(lead: User) -> None:
    client = Client(REMOTE_ADDR="198.51.100.4")
    client.post("/accounts/login/", {"login": lead.email, "password": PASSWORD})
    client.post("/accounts/logout/")
    event = AuditEvent.objects.get(event_name="Logout")
    assert event.company == lead.company
    assert event.record["eventSource"] == "signin.amazonaws.com"
    assert event.record["eventType"] == "AwsConsoleSignIn"
    assert event.record["sourceIPAddress"] == "198.51.100.4"
    assert event.record["userIdentity"]["userName"] == lead.email
