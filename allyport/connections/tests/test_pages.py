"""Market > Find Partners > Connections: invite, accept, reject, cancel, preferences
through the pages; the trio (sign-in required, another company's records 404, a role
without the right 403 with the reason)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from allyport.access import actor as actors
from allyport.access.navigation import navigation
from allyport.connections.models import Connection, ConnectionInvitation, InvitationStatus
from allyport.connections.services import invitations
from allyport.marketplace.services.linking import link_for_operator
from allyport.pipeline.tests.test_portal_access import reason_of
from allyport.pipeline.tests.test_portal_support import field_errors, member, signed_in, text
from allyport.testing import make_company

pytestmark = pytest.mark.django_db
LIST = "/market/connections/"
INVITE = "/market/connections/connect/"
PREFERENCES = "/market/connections/preferences/"


def linked(name: str) -> Any:
    company = make_company(name)[0]
    link_for_operator(company)
    return company


@pytest.fixture
def ours() -> Any:
    return linked("Octank Partners")


@pytest.fixture
def theirs() -> Any:
    return linked("AnyCompany Cloud")


def invite_form(receiver: str, **changes: Any) -> dict[str, str]:
    return {"receiver": receiver, "connection_type": "OPPORTUNITY_COLLABORATION",
            "name": "Pat Lead", "email": "pat@octank.example", "message": "Sell together?",
            **changes}  # fmt: skip


def invitation_from(
    sender: Any, receiver: Any, kind: str = "OPPORTUNITY_COLLABORATION"
) -> ConnectionInvitation:
    actor = actors.for_user(member(sender, "alliance_team"))
    return invitations.create_invitation(
        actor, "AWS", receiver=receiver.public_id, connection_type=kind,
        email="kim@anycompany.example", name="Kim", message="Hello",
    )  # fmt: skip


def test_a_member_invites_and_the_partner_accepts(ours: Any, theirs: Any) -> None:
    sender = signed_in(member(ours, "alliance_team"))
    form = text(sender.get(INVITE, {"partner": theirs.public_id}))
    assert theirs.public_id in form
    response = sender.post(INVITE, invite_form(theirs.public_id))
    assert response.status_code == 302
    page = text(sender.get(LIST))
    assert "Invitations sent" in page and "AnyCompany Cloud" in page

    receiver = signed_in(member(theirs, "alliance_team"))
    received = text(receiver.get(LIST))
    assert "Octank Partners" in received and "Sell together?" in received
    invitation = ConnectionInvitation.objects.get()
    assert ">Accept<" in received
    accepted = receiver.post(
        reverse("connections:accept", args=[invitation.public_id]), follow=True
    )
    after = text(accepted)
    assert "You are connected." in after and "Connected partners" in after
    assert "Octank Partners" in after and "Active" in after
    assert "Active" in text(sender.get(LIST))
    assert Connection.objects.count() == 1


def test_invite_shows_every_error_next_to_its_field(ours: Any) -> None:
    client = signed_in(member(ours, "alliance_team"))
    response = client.post(INVITE, invite_form("not a partner!", email="nope", message=""))
    errors = field_errors(response)
    assert set(errors) == {"receiver", "email", "message"}
    unknown = client.post(INVITE, invite_form("partner-zzzzzzzzzzzzz"))
    assert field_errors(unknown) == {"receiver": ["No partner has this ID."]}


def test_an_unlinked_partner_cannot_be_invited(ours: Any) -> None:
    unlinked = make_company("Unlinked Co")[0]
    client = signed_in(member(ours, "alliance_team"))
    response = client.post(INVITE, invite_form(unlinked.public_id))
    assert "has not linked an AWS account" in text(response)


def test_the_receiver_rejects_and_the_sender_cancels(ours: Any, theirs: Any) -> None:
    first = invitation_from(theirs, ours)
    client = signed_in(member(ours, "alliance_team"))
    url = reverse("connections:reject", args=[first.public_id])
    assert "Reject the Opportunity collaboration invitation" in text(client.get(url))
    client.post(url, {"reason": "Not now"})
    first.refresh_from_db()
    assert first.status == InvitationStatus.REJECTED and first.reason == "Not now"

    mine = invitation_from(ours, theirs)
    cancel = reverse("connections:cancel_invitation", args=[mine.public_id])
    client.post(cancel)
    mine.refresh_from_db()
    assert mine.status == InvitationStatus.CANCELED
    assert "Rejected" in text(client.get(LIST)) and "Canceled" in text(client.get(LIST))


def test_cancelling_a_connection_asks_for_confirm(ours: Any, theirs: Any) -> None:
    invitation = invitation_from(theirs, ours)
    connection = invitations.accept_invitation(
        actors.for_user(member(ours, "alliance_team")), "AWS", invitation.public_id
    )
    client = signed_in(member(ours, "alliance_team"))
    url = reverse("connections:cancel", args=[connection.public_id, "OPPORTUNITY_COLLABORATION"])
    refused = client.post(url, {"reason": "Done", "confirm": "yes"})
    assert field_errors(refused) == {"confirm": ['Type "confirm" to continue.']}
    client.post(url, {"reason": "Done", "confirm": "confirm"})
    detail = connection.types.get()
    assert detail.status == "CANCELED" and detail.cancel_reason == "Done"


def test_preferences_save_and_refuse_a_stale_revision(ours: Any) -> None:
    client = signed_in(member(ours, "alliance_team"))
    form = {"access_type": "ALLOW_BY_DEFAULT_DENY_SOME", "excluded": "partner-abcdefghijklm\n",
            "revision": "1"}  # fmt: skip
    assert client.post(PREFERENCES, form).status_code == 302
    page = text(client.get(PREFERENCES))
    assert "partner-abcdefghijklm" in page
    stale = client.post(PREFERENCES, {**form, "access_type": "DENY_ALL"})
    assert "Someone changed these preferences" in text(stale)


def test_the_menu_shows_connections_under_find_partners(ours: Any) -> None:
    actor = actors.for_user(member(ours, "ace_user"))
    menus = navigation(actor)
    labels = [item.label for menu in menus["bar"] for item in menu.items if item.url == LIST]
    assert labels == ["Connections"]


def _pages(invitation: Any, connection: Any) -> list[tuple[str, str]]:
    accept = reverse("connections:accept", args=[invitation.public_id])
    reject = reverse("connections:reject", args=[invitation.public_id])
    cancel = reverse("connections:cancel_invitation", args=[invitation.public_id])
    end = reverse("connections:cancel", args=[connection.public_id, "SUBSIDIARY"])
    return [("GET", LIST), ("GET", INVITE), ("POST", INVITE), ("GET", PREFERENCES),
            ("POST", accept), ("GET", reject), ("POST", reject), ("GET", cancel),
            ("POST", cancel), ("GET", end), ("POST", end)]  # fmt: skip


def _call(client: Any, method: str, url: str) -> Any:
    return client.post(url, {"reason": "x", "confirm": "confirm"}) if method == "POST" else (
        client.get(url))  # fmt: skip


def _records(ours: Any, theirs: Any) -> tuple[Any, Any]:
    invitation = invitation_from(theirs, ours)
    other = invitation_from(ours, theirs, "SUBSIDIARY")
    connection = invitations.accept_invitation(
        actors.for_user(member(theirs, "alliance_team")), "AWS", other.public_id
    )
    return invitation, connection


def test_it_sends_visitors_to_sign_in(client: Any, ours: Any, theirs: Any) -> None:
    for method, url in _pages(*_records(ours, theirs)):
        response = _call(client, method, url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login")), url


def test_a_third_companys_records_are_404(ours: Any, theirs: Any) -> None:
    invitation, connection = _records(ours, theirs)
    outsider = signed_in(member(linked("Third Co"), "alliance_team"))
    for method, url in _pages(invitation, connection)[4:]:
        assert _call(outsider, method, url).status_code == 404, (method, url)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING


@pytest.mark.parametrize("role", ["standard_user", "technical_staff"])
def test_roles_that_do_not_see_find_partners_get_403_with_the_reason(
    ours: Any, theirs: Any, role: str
) -> None:
    user = member(ours, role)
    reason = reason_of(user, "menu:Market/Find Partners")
    client = signed_in(user)
    for method, url in _pages(*_records(ours, theirs)):
        response = _call(client, method, url)
        assert response.status_code == 403, url
        assert reason in text(response), url


def test_an_ace_user_reads_but_may_not_change(ours: Any, theirs: Any) -> None:
    invitation, _connection = _records(ours, theirs)
    user = member(ours, "ace_user")
    client = signed_in(user)
    page = text(client.get(LIST))
    assert "AnyCompany Cloud" in page and ">Accept<" not in page and "Connect<" not in page
    refused = client.post(reverse("connections:accept", args=[invitation.public_id]))
    assert refused.status_code == 403
    assert reason_of(user, "manage_connections") in text(refused)


def test_find_partners_leads_to_connections(ours: Any) -> None:
    page = signed_in(member(ours, "ace_user")).get("/market/find-partners/")
    assert f'href="{LIST}"' in page.content.decode()
    assert f'href="{INVITE}"' in page.content.decode()
