"""Market > Find Partners: each result offers Connect (the Connect form with the
partner filled in, sent through the connections service), or the state once the
companies are connected or invited; never for one's own company."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils.http import urlencode

from allyport.access import actor as actors
from allyport.audit.models import AuditEvent
from allyport.connections.models import ConnectionInvitation
from allyport.connections.services import invitations
from allyport.connections.tests.test_pages import invite_form
from allyport.marketplace.services.linking import link_for_operator
from allyport.pipeline.tests.test_portal_access import reason_of
from allyport.pipeline.tests.test_portal_support import member, signed_in, text
from allyport.profiles.tests.test_finder import listed

pytestmark = pytest.mark.django_db
FIND = "/market/find-partners/"
LIST = "/market/connections/"


@pytest.fixture
def two() -> tuple[Any, Any]:
    ours, _lead = listed("Octank Partners")
    theirs, _lead = listed("AnyCompany Cloud")
    link_for_operator(ours)
    link_for_operator(theirs)
    return ours, theirs


def _connect_url(company: Any) -> str:
    return reverse("connections:invite") + "?" + urlencode({"partner": company.public_id})


def _result(page: str, name: str) -> str:
    """The text of the result that names `name`."""
    for item in re.findall(r'<li class="finder-result">(.*?)</li>', page, re.S):
        if name in item:
            return item
    raise AssertionError(f"{name} is not listed")


def test_connect_sends_an_invitation_the_partner_sees(two: tuple[Any, Any]) -> None:
    ours, theirs = two
    client = signed_in(member(ours, "alliance_team"))
    page = client.get(FIND).content.decode()
    their_result = _result(page, "AnyCompany Cloud")
    assert "Connect with AnyCompany Cloud" in their_result
    assert f'href="{_connect_url(theirs).replace("&", "&amp;")}"' in their_result
    own = _result(page, "Octank Partners")
    assert "Connect" not in own and "Invitation" not in own
    # The Connect link opens the form with the partner filled in; sending it invites.
    form = client.get(_connect_url(theirs)).content.decode()
    assert f'value="{theirs.public_id}"' in form
    sent = client.post(reverse("connections:invite"), invite_form(theirs.public_id))
    assert sent.status_code == 302
    invitation = ConnectionInvitation.objects.get()
    assert (invitation.sender, invitation.receiver) == (ours, theirs)
    assert AuditEvent.objects.filter(event_name="CreateConnectionInvitation").exists()
    # Now the result shows the state instead of Connect, on both sides.
    after = _result(client.get(FIND).content.decode(), "AnyCompany Cloud")
    assert "Invitation sent" in after and "Connect with" not in after
    receiver = signed_in(member(theirs, "alliance_team"))
    assert "Invitation received" in _result(receiver.get(FIND).content.decode(), "Octank Partners")
    assert "Octank Partners" in text(receiver.get(LIST)) and "Sell together?" in text(
        receiver.get(LIST)
    )
    # Accepted: both see Connected.
    receiver_actor = actors.for_user(member(theirs, "alliance_team"))
    invitations.accept_invitation(receiver_actor, "AWS", invitation.public_id)
    connected = _result(client.get(FIND).content.decode(), "AnyCompany Cloud")
    assert "Connected" in connected and "Connect with" not in connected


def test_a_role_that_may_only_read_sees_no_connect(two: tuple[Any, Any]) -> None:
    ours, _theirs = two
    page = signed_in(member(ours, "ace_user")).get(FIND).content.decode()
    assert "Connect with AnyCompany Cloud" not in _result(page, "AnyCompany Cloud")


def test_find_partners_trio(client: Any, two: tuple[Any, Any]) -> None:
    ours, theirs = two
    visitor = client.get(FIND)
    assert visitor.status_code == 302 and visitor["Location"].startswith(reverse("account_login"))
    user = member(ours, "standard_user")
    refused = signed_in(user).get(FIND)
    assert refused.status_code == 403
    assert reason_of(user, "menu:Market/Find Partners") in text(refused)
    # Another company's invitation stays out of a third company's results.
    third, _lead = listed("Third Co")
    sender = actors.for_user(member(ours, "alliance_team"))
    invitations.create_invitation(
        sender, "AWS", receiver=theirs.public_id, connection_type="OPPORTUNITY_COLLABORATION",
        email="pat@octank.example", name="Pat", message="Hello",
    )  # fmt: skip
    outsider = signed_in(member(third, "alliance_team")).get(FIND).content.decode()
    assert "Invitation" not in outsider
    assert "Connect with AnyCompany Cloud" in outsider
