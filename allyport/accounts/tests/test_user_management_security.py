"""The Security tab, pending invitations with Revoke, and Request Change."""

from __future__ import annotations

from django.core import mail
from django.urls import reverse

from allyport.access import actor as actors
from allyport.accounts.models import AllianceLeadChangeRequest, Company, User
from allyport.accounts.services.invitations import InviteRow, invite_users
from allyport.audit.models import AuditEvent
from allyport.testing import make_user


def test_it_shows_mfa_to_the_team_without_edit(company: Company, client_for) -> None:  # type: ignore[no-untyped-def]
    team = make_user(company, "alliance_team")
    body = client_for(team).get(reverse("users:security"), {"edit": "1"}).content.decode()
    assert "Disabled" in body
    assert ">Edit<" not in body
    assert 'name="mfa"' not in body


def test_it_lets_the_lead_turn_mfa_on(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(lead)
    assert ">Edit<" in client.get(reverse("users:security")).content.decode()
    editing = client.get(reverse("users:security"), {"edit": "1"}).content.decode()
    assert 'type="radio" name="mfa" value="on"' in editing
    response = client.post(reverse("users:security"), {"mfa": "on"}, follow=True)
    company.refresh_from_db()
    assert company.mfa_enabled
    assert "Enabled" in response.content.decode()
    assert AuditEvent.objects.filter(event_name="UpdateMfaSetting").count() == 1


def test_it_lets_a_cloud_admin_change_mfa(company: Company, client_for) -> None:  # type: ignore[no-untyped-def]
    admin = make_user(company, "cloud_admin")
    client_for(admin).post(reverse("users:security"), {"mfa": "on"})
    company.refresh_from_db()
    assert company.mfa_enabled


def test_it_shows_an_invalid_mfa_choice_next_to_the_field(
    company: Company, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    response = client_for(lead).post(reverse("users:security"), {"mfa": "maybe"})
    assert "mfa" in response.context["form"].errors
    company.refresh_from_db()
    assert not company.mfa_enabled


def test_it_lists_pending_invitations_and_revokes_one(
    company: Company, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    invitation = invite_users(
        actors.for_user(lead), [InviteRow("new@octank.example", ["ace_user"])]
    )[0]
    client = client_for(lead)
    body = client.get(reverse("users:roles")).content.decode()
    assert "new@octank.example" in body and "ACE user" in body
    assert "Revoke the invitation to new@octank.example" in body
    response = client.post(
        reverse("users:revoke_invitation", args=[invitation.public_id]), follow=True
    )
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    assert "The invitation to new@octank.example was revoked." in response.content.decode()
    assert "Revoke the invitation to new@octank.example" not in response.content.decode()


def test_it_keeps_the_invite_page_working(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    data = {
        "invite-TOTAL_FORMS": "1", "invite-INITIAL_FORMS": "0",
        "invite-0-email": "fresh@octank.example", "invite-0-roles": ["ace_user"],
    }  # fmt: skip
    response = client_for(lead).post(reverse("users:invite"), data)
    assert response.status_code == 302
    assert any("fresh@octank.example" in m.to for m in mail.outbox)


def test_it_sends_a_request_to_change_the_lead(
    company: Company, lead: User, member: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    client = client_for(member)
    page = client.get(reverse("accounts:alliance_lead")).content.decode()
    assert lead.email in page and "Request Change" in page
    response = client.post(reverse("accounts:alliance_lead"), {"message": "Ana left."}, follow=True)
    assert "Your request was sent to the alliance lead" in response.content.decode()
    request = AllianceLeadChangeRequest.objects.get()
    assert (request.company, request.requested_by, request.message) == (
        company,
        member,
        "Ana left.",
    )
    assert any(lead.email in m.to for m in mail.outbox)


def test_it_shows_a_too_long_request_next_to_the_field(
    company: Company, member: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    response = client_for(member).post(reverse("accounts:alliance_lead"), {"message": "x" * 2001})
    assert "message" in response.context["form"].errors
    assert not AllianceLeadChangeRequest.objects.exists()


def test_it_requires_sign_in_to_request_a_change(db: None, client) -> None:  # type: ignore[no-untyped-def]
    response = client.post(reverse("accounts:alliance_lead"), {"message": "x"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not AllianceLeadChangeRequest.objects.exists()
