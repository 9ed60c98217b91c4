"""Channel > Channel Management: the three tabs for a channel user of a Services or
Distribution company at Enrolled or higher; sign-in required, another company's
handshake is 404, a member without the role (or of a company on another path) 403."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from allyport.access.actor import for_user
from allyport.accounts.models import Company, User
from allyport.audit.models import AuditEvent
from allyport.channel.models import ChannelContract, ChannelHandshake, EndUser, RebateFigure
from allyport.channel.services import accounts, handshakes
from allyport.marketplace.services.linking import link_for_operator
from allyport.testing import make_company, make_user

pytestmark = pytest.mark.django_db
PAGES = ("/channel/", "/channel/end-users/", "/channel/growth-rebate/")


def channel_company(name: str = "Octank") -> Company:
    return make_company(name, stage="Enrolled", paths=["Services"])[0]


@pytest.fixture
def seller() -> User:
    company = channel_company()
    link_for_operator(company)
    return make_user(company, "channel_user")


def text(response: Any) -> str:
    return response.content.decode()


def test_every_tab_needs_sign_in() -> None:
    for url in PAGES:
        response = Client().get(url)
        assert response.status_code == 302 and "/login" in response["Location"], url


def test_a_member_without_the_role_or_path_is_refused_with_the_reason(
    client_for: Callable[[User], Client],
) -> None:
    company = channel_company()
    plain = make_user(company, "standard_user")
    for url in PAGES:
        response = client_for(plain).get(url)
        assert response.status_code == 403 and "needs the channel user role" in text(response)
    elsewhere = make_company("Software", stage="Enrolled", paths=["Software"])[0]
    user = make_user(elsewhere, "channel_user")
    response = client_for(user).get(PAGES[0])
    assert response.status_code == 403 and "only for the Services or Distribution path" in text(
        response
    )
    early = make_user(make_company("New", paths=["Services"])[0], "channel_user")
    response = client_for(early).get(PAGES[0])
    assert response.status_code == 403 and "Enrolled or higher" in text(response)


def test_another_companys_handshake_is_not_found(
    seller: User, client_for: Callable[[User], Client]
) -> None:
    other = channel_company("Northwind")
    link_for_operator(other)
    theirs_user = make_user(other, "channel_user")
    actor = for_user(theirs_user)
    pma = accounts.create_pma(actor, "AWS", {"program": "DISTRIBUTION", "displayName": "N",
                                             "accountId": "999988887777"})  # fmt: skip
    sent = handshakes.create_handshake(actor, "AWS", {
        "handshakeType": "PROGRAM_MANAGEMENT_ACCOUNT",
        "associatedResourceIdentifier": pma.public_id,
    })  # fmt: skip
    for answer in ("accept", "reject", "cancel"):
        response = client_for(seller).post(f"/channel/handshakes/{sent.public_id}/{answer}/")
        assert response.status_code == 404, answer
    assert ChannelHandshake.objects.get(pk=sent.pk).status == "PENDING"


def test_a_channel_user_creates_an_account_and_answers_a_handshake(
    seller: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(seller)
    own = seller.company.account_link.account.account_id
    response = client.post("/channel/", {"program": "DISTRIBUTION", "display_name": "EU resale",
                                         "account_id": own}, follow=True)  # fmt: skip
    page = text(response)
    assert "EU resale" in page and "Active" in page
    refused = client.post("/channel/", {"program": "DISTRIBUTION", "display_name": "",
                                        "account_id": "12"})  # fmt: skip
    assert refused.status_code == 400
    assert "An AWS account ID has 12 digits." in text(refused)
    assert "This field is required." in text(refused)
    other = channel_company("Northwind")
    link_for_operator(other)
    actor = for_user(make_user(other, "channel_user"))
    pma = accounts.create_pma(actor, "AWS", {"program": "DISTRIBUTION", "displayName": "N",
                                             "accountId": own})  # fmt: skip
    sent = handshakes.create_handshake(actor, "AWS", {
        "handshakeType": "PROGRAM_MANAGEMENT_ACCOUNT",
        "associatedResourceIdentifier": pma.public_id,
    })  # fmt: skip
    page = text(client.get("/channel/"))
    assert sent.public_id in page and "Northwind" in page
    answered = client.post(f"/channel/handshakes/{sent.public_id}/accept/", follow=True)
    assert f"Handshake {sent.public_id} updated." in text(answered)
    assert ChannelHandshake.objects.get(pk=sent.pk).status == "ACCEPTED"
    assert AuditEvent.objects.filter(event_name="AcceptChannelHandshake").exists()


def test_end_user_information_shows_every_error_and_saves(
    seller: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(seller)
    refused = client.post("/channel/end-users/", {"account_id": "1", "customer_name": " ",
                                                  "country_code": "x",
                                                  "contact_email": "no"})  # fmt: skip
    page = text(refused)
    assert refused.status_code == 400
    for message in ("An AWS account ID has 12 digits.", "Choose the country (two letters).",
                    "Enter an email address."):  # fmt: skip
        assert message in page
    saved = client.post("/channel/end-users/", {"account_id": "111122223333",
                                                "customer_name": "Octank Retail",
                                                "country_code": "DE"}, follow=True)  # fmt: skip
    assert "Octank Retail" in text(saved) and EndUser.objects.count() == 1
    again = client.post("/channel/end-users/", {"account_id": "111122223333",
                                                "customer_name": "Again",
                                                "country_code": "DE"})  # fmt: skip
    assert "This account has end-user information already." in text(again)


def test_the_growth_rebate_sums_accepted_contracts_by_period_and_exports_csv(
    seller: User, client_for: Callable[[User], Client]
) -> None:
    actor = for_user(seller)
    own = seller.company.account_link.account.account_id
    pma = accounts.create_pma(actor, "AWS", {"program": "DISTRIBUTION", "displayName": "P",
                                             "accountId": own})  # fmt: skip
    rel = accounts.create_relationship(actor, "AWS", {
        "programManagementAccountIdentifier": pma.public_id, "associationType": "END_CUSTOMER",
        "displayName": "R", "sector": "COMMERCIAL"})  # fmt: skip
    now = timezone.now()
    accepted, pending = (
        ChannelContract.objects.create(
            company=seller.company, catalog="AWS", contract_type="MANAGED_SERVICES_ATTESTATION",
            relationship=rel, legal_entity_name="L", status=status, created_at=now,
            updated_at=now - timedelta(days=1))
        for status in ("ACCEPTED", "PENDING")
    )  # fmt: skip
    RebateFigure.objects.create(
        contract=accepted,
        period="2026-Q3",
        billed_revenue=Decimal("150000"),
        baseline_revenue=Decimal("100000"),
    )
    RebateFigure.objects.create(
        contract=accepted,
        period="2026-Q2",
        billed_revenue=Decimal("90000"),
        baseline_revenue=Decimal("100000"),
    )
    RebateFigure.objects.create(
        contract=pending,
        period="2026-Q3",
        billed_revenue=Decimal("999999"),
        baseline_revenue=Decimal("0"),
    )
    page = text(client_for(seller).get("/channel/growth-rebate/"))
    assert "2026-Q3" in page and "1500.00" in page and "999999" not in page
    assert "Total rebate earned: 1500.00" in page
    download = client_for(seller).get("/channel/growth-rebate/?format=csv")
    body = b"".join(download.streaming_content).decode()  # type: ignore[attr-defined]
    assert download["Content-Type"] == "text/csv"
    assert body.splitlines()[1] == "2026-Q3,1,150000.00,100000.00,50000.00,1500.00"
    assert body.splitlines()[2].endswith(",0,0.00")
