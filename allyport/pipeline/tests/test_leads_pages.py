"""Market > Leads Management: the list, a referral's page, Accept and Reject — and for
each page the trio (sign-in required, another company's invitation is not found,
a role without the right gets the 403 page with the reason)."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from allyport.pipeline.engagements.models import EngagementInvitation
from allyport.pipeline.models import Opportunity
from allyport.pipeline.tests.engagement_fixtures import LEAD, age, share
from allyport.testing import make_user

pytestmark = pytest.mark.django_db
LIST = reverse("leads:list")


def detail(invitation: EngagementInvitation) -> str:
    return reverse("leads:detail", args=[invitation.public_id])


def accept(invitation: EngagementInvitation) -> str:
    return reverse("leads:accept", args=[invitation.public_id])


def reject(invitation: EngagementInvitation) -> str:
    return reverse("leads:reject", args=[invitation.public_id])


@pytest.fixture
def manager_client(company: Any, client_for: Callable[..., Client]) -> Client:
    return client_for(make_user(company, "ace_manager"))


def pages(invitation: EngagementInvitation) -> list[tuple[str, str]]:
    return [
        ("get", LIST),
        ("get", detail(invitation)),
        ("post", accept(invitation)),
        ("post", reject(invitation)),
    ]


def test_every_page_requires_sign_in(client: Client, company: Any) -> None:
    invitation = share(company)
    for method, url in pages(invitation):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/login" in response["Location"], url


def test_another_companys_invitation_is_not_found(
    company: Any, outsider: Any, client_for: Callable[..., Client]
) -> None:
    invitation = share(company)
    theirs = client_for(outsider)  # the alliance lead of another company
    for method, url in pages(invitation)[1:]:
        response = getattr(theirs, method)(url, {"reason": "Other", "confirm": "confirm"})
        assert response.status_code == 404, url
    assert invitation.public_id not in theirs.get(LIST).content.decode()
    invitation.refresh_from_db()
    assert invitation.status == "PENDING"


@pytest.mark.parametrize("role", ["ace_user", "marketing_staff", "standard_user"])
def test_roles_without_the_manage_all_right_get_403(
    company: Any, client_for: Callable[..., Client], role: str
) -> None:
    invitation = share(company)
    member = client_for(make_user(company, role))
    for method, url in pages(invitation)[1:]:
        response = getattr(member, method)(url)
        assert response.status_code == 403, (role, url)
        assert "needs the" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == "PENDING"


@pytest.mark.parametrize(("role", "status"), [("ace_user", 200), ("marketing_staff", 200),
                                              ("standard_user", 403)])  # fmt: skip
def test_the_list_follows_the_menu_but_lists_only_for_the_right(
    company: Any, client_for: Callable[..., Client], role: str, status: int
) -> None:
    """The menu shows the item to ACE users and marketing staff: they reach the page,
    which tells them why it lists nothing."""
    invitation = share(company)
    response = client_for(make_user(company, role)).get(LIST)
    assert response.status_code == status
    page = html.unescape(response.content.decode())
    assert invitation.public_id not in page
    assert "needs the alliance lead, alliance team" in page


def test_the_menu_links_leads_management(company: Any, manager_client: Client) -> None:
    assert f'href="{LIST}"' in manager_client.get(reverse("home")).content.decode()


def test_it_lists_referrals_and_leads_with_status_and_expiry(
    company: Any, manager_client: Client
) -> None:
    referral, lead, old = share(company), share(company, LEAD), share(company)
    age(old, 20)
    share(company, catalog="Sandbox")
    page = manager_client.get(LIST).content.decode()
    for invitation in (referral, lead, old):
        assert invitation.public_id in page
    assert "Example Corp" in page and "Lead Corp" in page and "Expired" in page
    assert referral.expiration_date.strftime("%Y-%m-%d") in page
    pending = manager_client.get(LIST, {"status": "PENDING"}).content.decode()
    assert old.public_id not in pending and referral.public_id in pending
    sandbox = manager_client.get(LIST, {"catalog": "Sandbox"}).content.decode()
    assert referral.public_id not in sandbox and "engi-" in sandbox


def test_it_pages_the_list(company: Any, manager_client: Client, monkeypatch: Any) -> None:
    from allyport.pipeline.views import leads as views_leads

    monkeypatch.setattr(views_leads, "PAGE_SIZE", 2)
    made = [share(company).public_id for _ in range(3)]
    first = manager_client.get(LIST)
    token = first.context["page"].next_token
    second = manager_client.get(LIST, {"token": token}).content.decode()
    assert made[0] in second and made[2] not in second
    assert manager_client.get(LIST, {"token": "forged"}).status_code == 404


def test_a_referrals_page_shows_it_with_accept_and_reject(
    company: Any, manager_client: Client
) -> None:
    invitation = share(company)
    page = manager_client.get(detail(invitation)).content.decode()
    assert "Data lake migration" in page and "rep@amazon.example" in page
    assert "Please take a look." in page
    assert ">Accept</button>" in page and ">Reject</button>" in page
    for reason in ("Customer problem unclear", "Duplicate of partner referral", "Other"):
        assert reason in page


def test_accept_creates_the_opportunity_owned_by_the_member(
    company: Any, client_for: Callable[..., Client]
) -> None:
    manager = make_user(company, "ace_manager")
    invitation = share(company)
    response = client_for(manager).post(accept(invitation), follow=True)
    opportunity = Opportunity.objects.get()
    assert opportunity.owner == manager and opportunity.origin == "AWS Referral"
    page = response.content.decode()
    assert f"Opportunity {opportunity.public_id} was created" in page
    assert ">Accept</button>" not in page and "Accepted" in page


def test_accept_of_an_expired_invitation_is_refused(company: Any, manager_client: Client) -> None:
    invitation = share(company)
    age(invitation, 16)
    response = manager_client.post(accept(invitation), follow=True)
    assert "only pending invitations can be answered" in response.content.decode()
    assert not Opportunity.objects.exists()


def test_reject_needs_a_reason_and_confirm(company: Any, manager_client: Client) -> None:
    invitation = share(company)
    response = manager_client.post(reject(invitation), {"reason": "", "confirm": "yes"})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"reason", "confirm"}
    invitation.refresh_from_db()
    assert invitation.status == "PENDING"
    response = manager_client.post(
        reject(invitation), {"reason": "Unable to support", "confirm": "confirm"}, follow=True
    )
    invitation.refresh_from_db()
    assert invitation.status == "REJECTED" and invitation.rejection_reason == "Unable to support"
    page = response.content.decode()
    assert "Rejected." in page and "Data lake migration" not in page


def test_the_lead_and_alliance_team_may_answer(
    company: Any, lead: Any, client_for: Callable[..., Client]
) -> None:
    invitation = share(company, LEAD)
    response = client_for(lead).post(accept(invitation), follow=True)
    assert "The lead is now yours" in response.content.decode()
    team = client_for(make_user(company, "alliance_team"))
    assert team.get(detail(invitation)).status_code == 200
