"""Account linking: the IAM sign-in, the evaluator's missing-permission list, the
three steps, and what Submit leaves behind."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from allyport.access.models import RoleAssignment
from allyport.audit.models import AuditEvent
from allyport.cloud.models import IamRole
from allyport.marketplace import testing
from allyport.marketplace.models import AccountLink, RoleMapping
from allyport.testing import PASSWORD, make_user

SIGN_IN = reverse("marketplace:link_sign_in")


def _walk(client, iam_user, legal_name=None, bulk=None):  # type: ignore[no-untyped-def]
    response = client.post(
        SIGN_IN,
        {"account_id": iam_user.account.account_id, "user_name": "linker", "password": PASSWORD},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.post(
        reverse("marketplace:link_step", args=[1]), {"legal_name": legal_name} if legal_name else {}
    )
    client.post(reverse("marketplace:link_step", args=[2]), bulk or {})
    return client.post(reverse("marketplace:link_step", args=[3]))


def test_it_links_an_account_end_to_end(lead, client_for) -> None:
    iam_user = testing.seller_account()
    response = _walk(client_for(lead), iam_user)
    assert response.status_code == 302
    assert response["Location"] == reverse("marketplace:linked_account")
    link = AccountLink.objects.get(company=lead.company)
    names = sorted(IamRole.objects.filter(account=iam_user.account).values_list("name", flat=True))
    assert len(names) == 3 and all(n.startswith("PartnerCentralRoleFor") for n in names)
    assert {a.policy_arn.rsplit("/", 1)[1] for a in link.ace_role.attachments.all()} == {
        "AWSPartnerCentralOpportunityManagement",
        "AWSMarketplaceSellerOfferManagement",
    }
    assert RoleAssignment.objects.filter(user=lead, role="cloud_admin").exists()
    assert RoleMapping.objects.get(user=lead).role == link.cloud_admin_role


def test_it_records_associate_partner_account_as_the_iam_user(lead) -> None:
    iam_user = testing.seller_account()
    testing.link(lead, iam_user)
    event = AuditEvent.objects.get(event_name="AssociatePartnerAccount")
    identity = event.record["userIdentity"]
    assert identity["type"] == "IAMUser"
    assert identity["arn"] == f"arn:aws:iam::{iam_user.account.account_id}:user/linker"
    assert identity["userName"] == "linker"
    assert event.record["eventSource"] == "partnercentral-account-management.amazonaws.com"
    assert event.record["requestParameters"] == {"value": "HIDDEN_DUE_TO_SECURITY_REASONS"}
    assert event.record["recipientAccountId"] == iam_user.account.account_id
    assert event.company == lead.company
    assert AuditEvent.objects.filter(event_name="CreateRole", company=lead.company).count() == 3


def test_it_lists_each_missing_permission_and_creates_nothing(lead, client_for) -> None:
    policy = json.loads(testing.guide_policy("partner-account-management"))
    policy["Statement"] = [
        s for s in policy["Statement"] if s.get("Sid") != "AttachPolicyToPartnerCentralAceRole"
    ]
    iam_user = testing.seller_account(policy=json.dumps(policy))
    response = client_for(lead).post(
        SIGN_IN,
        {"account_id": iam_user.account.account_id, "user_name": "linker", "password": PASSWORD},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "lacks 2 permissions" in body
    assert body.count("iam:AttachRolePolicy on arn:aws:iam::") == 2
    assert "AWSMarketplaceSellerOfferManagement" in body
    assert not AccountLink.objects.exists()
    assert not IamRole.objects.exists()


def test_it_refuses_wrong_credentials_with_one_message(lead, client_for) -> None:
    iam_user = testing.seller_account()
    client = client_for(lead)
    for data in (
        {"user_name": "linker", "password": "wrong"},
        {"user_name": "nobody", "password": PASSWORD},
    ):
        response = client.post(SIGN_IN, {"account_id": iam_user.account.account_id, **data})
        assert "The account ID, user name or password is not right." in response.content.decode()
    response = client.post(SIGN_IN, {"account_id": "12", "user_name": "x", "password": "y"})
    assert "Enter the 12-digit AWS account ID." in response.content.decode()


def test_it_limits_iam_sign_in_attempts(lead, client_for) -> None:
    iam_user = testing.seller_account()
    client = client_for(lead)
    data = {"account_id": iam_user.account.account_id, "user_name": "linker", "password": "no"}
    for _ in range(10):
        client.post(SIGN_IN, data)
    response = client.post(SIGN_IN, {**data, "password": PASSWORD})
    assert "Too many attempts" in response.content.decode()


def test_it_asks_a_non_seller_for_the_legal_business_name(lead, client_for) -> None:
    iam_user = testing.seller_account(legal_name="")
    client = client_for(lead)
    client.post(
        SIGN_IN,
        {"account_id": iam_user.account.account_id, "user_name": "linker", "password": PASSWORD},
    )
    response = client.post(reverse("marketplace:link_step", args=[1]), {"legal_name": ""})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    _walk(client, iam_user, legal_name="Octank Holdings LLC")
    iam_user.account.refresh_from_db()
    assert iam_user.account.seller_legal_name == "Octank Holdings LLC"


def test_it_bulk_maps_alliance_team_and_ace_users(lead, client_for) -> None:
    team = make_user(lead.company, "alliance_team")
    ace = make_user(lead.company, "ace_user")
    plain = make_user(lead.company, "standard_user")
    _walk(
        client_for(lead),
        testing.seller_account(),
        bulk={"map_alliance_team": "on", "map_ace_users": "on"},
    )
    link = AccountLink.objects.get()
    assert RoleMapping.objects.get(user=team).role == link.alliance_role
    assert RoleMapping.objects.get(user=ace).role == link.ace_role
    assert not RoleMapping.objects.filter(user=plain).exists()
    events = AuditEvent.objects.filter(event_name="AssociatePartnerUser")
    assert events.count() == 3  # the linker, the team member, the ACE user


def test_it_refuses_an_account_linked_to_another_company(lead, outsider, client_for) -> None:
    iam_user = testing.seller_account()
    testing.link(outsider, iam_user)
    response = client_for(lead).post(
        SIGN_IN,
        {"account_id": iam_user.account.account_id, "user_name": "linker", "password": PASSWORD},
    )
    assert "This account is linked to another partner company." in response.content.decode()


def test_it_needs_sign_in(client) -> None:
    for name in ("account_linking", "link_sign_in", "linked_account"):
        response = client.get(reverse(f"marketplace:{name}"))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_refuses_linking_to_roles_without_the_right(member, client_for) -> None:
    response = client_for(member).get(SIGN_IN)
    assert response.status_code == 403
    assert "needs the alliance lead or cloud admin role" in response.content.decode()


def test_it_hides_another_companys_link(lead, outsider, client_for) -> None:
    testing.link(lead)
    response = client_for(outsider).get(reverse("marketplace:linked_account"))
    assert response.status_code == 404


def test_it_shows_link_account_on_the_home_page(lead, client_for) -> None:
    body = client_for(lead).get("/").content.decode()
    assert "Link Account" in body
    testing.link(lead)
    body = client_for(lead).get("/").content.decode()
    assert "Manage linked account" in body


def test_it_steps_need_a_fresh_iam_sign_in(lead, client_for) -> None:
    response = client_for(lead).get(reverse("marketplace:link_step", args=[2]))
    assert response.status_code == 302 and response["Location"] == SIGN_IN


@pytest.mark.parametrize("step", [1, 2, 3])
def test_it_renders_each_step(lead, client_for, step) -> None:
    iam_user = testing.seller_account()
    client = client_for(lead)
    client.post(
        SIGN_IN,
        {"account_id": iam_user.account.account_id, "user_name": "linker", "password": PASSWORD},
    )
    response = client.get(reverse("marketplace:link_step", args=[step]))
    assert response.status_code == 200
    assert iam_user.account.account_id in response.content.decode()
