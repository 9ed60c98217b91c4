"""Member services: remove, deactivate/reactivate, MFA, lead change requests,
revoking invitations."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail as django_mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from allyport.access import actor as actors
from allyport.access.decisions import PermissionDenied
from allyport.access.models import RoleAssignment
from allyport.accounts.models import AllianceLeadChangeRequest, Company, Invitation, User
from allyport.accounts.services import members
from allyport.audit.models import AuditEvent
from allyport.core.errors import ChangeRefused
from allyport.testing import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def fresh(user: User) -> User:
    return User.objects.get(pk=user.pk)


def can_sign_in(user: User) -> bool:
    return Client().login(username=user.email, password=PASSWORD)


def allauth_sign_in(user: User) -> str:
    """Where allauth's sign-in form sends the user (the inactive page when refused)."""
    response = Client().post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    return response.headers.get("Location", "")


def invite(company: Company, by: User, email: str = "new@octank.example") -> Invitation:
    return Invitation.objects.create(
        public_id=f"inv-{email}", company=company, email=email, roles=["ace_user"],
        invited_by=by, expires_at=timezone.now() + timedelta(days=7),
    )  # fmt: skip


def test_it_removes_a_user_whose_access_ends_at_once(company, lead, member, client_for) -> None:  # type: ignore[no-untyped-def]
    assert can_sign_in(member)
    session = client_for(member)
    AuditEvent.objects.create(event_name="Earlier", company=company, username=member.email,
                              event_time=timezone.now(), record={})  # fmt: skip
    members.remove_user(actors.for_user(lead), member.public_id, "confirm")
    member = fresh(member)
    assert (member.status, member.is_active) == (User.Status.REMOVED, False)
    assert not RoleAssignment.objects.filter(user=member).exists()
    assert not can_sign_in(member)
    assert "inactive" in allauth_sign_in(member)
    assert session.get(reverse("accounts:profile")).status_code == 302
    assert AuditEvent.objects.filter(username=member.email, event_name="Earlier").exists()
    event = AuditEvent.objects.get(event_name="RemovePartnerUser")
    assert event.record["requestParameters"]["userId"] == member.public_id


def test_it_revokes_the_removed_users_pending_invitations(company, lead) -> None:  # type: ignore[no-untyped-def]
    team = make_user(company, "alliance_team")
    invitation = invite(company, team)
    members.remove_user(actors.for_user(lead), team.public_id, "confirm")
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_it_refuses_to_remove_the_lead(company, lead) -> None:  # type: ignore[no-untyped-def]
    team = make_user(company, "alliance_team")
    with pytest.raises(ChangeRefused) as refused:
        members.remove_user(actors.for_user(team), lead.public_id, "confirm")
    assert "Reassign" in refused.value.reason
    assert fresh(lead).status == User.Status.ACTIVE


def test_it_requires_confirm_to_remove(company, lead, member) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ChangeRefused) as refused:
        members.remove_user(actors.for_user(lead), member.public_id, "Confirm please")
    assert refused.value.field == "confirm"
    assert fresh(member).is_active


def test_it_refuses_to_remove_without_the_right(company, member) -> None:  # type: ignore[no-untyped-def]
    ace = make_user(company, "ace_manager")
    with pytest.raises(PermissionDenied):
        members.remove_user(actors.for_user(ace), member.public_id, "confirm")
    assert fresh(member).is_active


def test_it_treats_another_companys_user_as_not_found(lead, outsider) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ChangeRefused) as refused:
        members.remove_user(actors.for_user(lead), outsider.public_id, "confirm")
    assert refused.value.reason == "not found"
    with pytest.raises(ChangeRefused):
        members.set_user_active(actors.for_user(lead), outsider.public_id, False)
    assert fresh(outsider).is_active


def test_it_deactivates_and_the_lead_reactivates(company, lead, member) -> None:  # type: ignore[no-untyped-def]
    team = make_user(company, "alliance_team")
    members.set_user_active(actors.for_user(team), member.public_id, False)
    assert fresh(member).status == User.Status.DEACTIVATED
    assert not can_sign_in(member)
    with pytest.raises(PermissionDenied):
        members.set_user_active(actors.for_user(team), member.public_id, True)
    members.set_user_active(actors.for_user(lead), member.public_id, True)
    assert fresh(member).status == User.Status.ACTIVE
    assert can_sign_in(member)
    names = list(
        AuditEvent.objects.order_by("event_time", "id").values_list("event_name", "error_code")
    )
    assert names[-3:] == [
        ("DeactivatePartnerUser", ""),
        ("ReactivatePartnerUser", "AccessDenied"),  # the team's refused try
        ("ReactivatePartnerUser", ""),
    ]


def test_it_cannot_reactivate_a_removed_user(company, lead, member) -> None:  # type: ignore[no-untyped-def]
    members.remove_user(actors.for_user(lead), member.public_id, "confirm")
    with pytest.raises(ChangeRefused):
        members.set_user_active(actors.for_user(lead), member.public_id, True)
    assert fresh(member).status == User.Status.REMOVED


@pytest.mark.parametrize(("role", "allowed"), [("alliance_lead", True), ("cloud_admin", True),
                                               ("alliance_team", False)])  # fmt: skip
def test_it_lets_only_lead_and_cloud_admin_update_mfa(company, lead, role, allowed) -> None:  # type: ignore[no-untyped-def]
    user = lead if role == "alliance_lead" else make_user(company, role)
    if allowed:
        members.update_mfa(actors.for_user(user), True)
    else:
        with pytest.raises(PermissionDenied):
            members.update_mfa(actors.for_user(user), True)
    company.refresh_from_db()
    assert company.mfa_enabled == allowed
    changed = AuditEvent.objects.filter(event_name="UpdateMfaSetting", error_code="")
    assert changed.exists() == allowed


def test_it_records_a_lead_change_request_and_emails_the_lead(company, lead, member) -> None:  # type: ignore[no-untyped-def]
    django_mail.outbox.clear()
    request = members.request_alliance_lead_change(actors.for_user(member), "Lead left us")
    stored = AllianceLeadChangeRequest.objects.get()
    assert (stored.pk, stored.company, stored.requested_by) == (request.pk, company, member)
    assert stored.status == "open"
    [message] = django_mail.outbox
    assert message.to == [lead.email]
    assert "Lead left us" in message.body and member.email in message.body
    assert AuditEvent.objects.filter(event_name="RequestAllianceLeadChange").exists()


def test_it_refuses_an_overlong_lead_change_message(member) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ChangeRefused) as refused:
        members.request_alliance_lead_change(actors.for_user(member), "x" * 2001)
    assert refused.value.field == "message"
    assert not AllianceLeadChangeRequest.objects.exists()


def test_it_revokes_an_invitation(company, lead) -> None:  # type: ignore[no-untyped-def]
    invitation = invite(company, lead)
    members.revoke_invitation(actors.for_user(lead), invitation.public_id)
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    assert not invitation.is_pending
    assert AuditEvent.objects.filter(event_name="RevokeInvitation").exists()
    with pytest.raises(ChangeRefused):
        members.revoke_invitation(actors.for_user(lead), invitation.public_id)


def test_it_refuses_another_companys_invitation_as_not_found(company, lead, outsider) -> None:  # type: ignore[no-untyped-def]
    theirs = invite(outsider.company, outsider, "new@northwind.example")
    with pytest.raises(ChangeRefused) as refused:
        members.revoke_invitation(actors.for_user(lead), theirs.public_id)
    assert refused.value.reason == "not found"
    theirs.refresh_from_db()
    assert theirs.revoked_at is None


def test_it_refuses_revoking_without_the_invite_right(company, lead) -> None:  # type: ignore[no-untyped-def]
    invitation = invite(company, lead)
    admin = make_user(company, "cloud_admin")
    with pytest.raises(PermissionDenied):
        members.revoke_invitation(actors.for_user(admin), invitation.public_id)
