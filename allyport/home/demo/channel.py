"""Demo channel data for `load_demo`: Octank's program management accounts, a
relationship with its contracts (one pending signature, one accepted in Sandbox) and
their growth-rebate figures, end-user information, a handshake Northwind sent it, and
a few leads for Leads Management by owner and region."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from allyport.access.actor import Actor
from allyport.accounts.models import Company, User
from allyport.channel.models import ChannelContract, ChannelHandshake, RebateFigure
from allyport.channel.services import accounts, contracts, end_users
from allyport.pipeline.services import create_lead_by_hand

LEADS = (
    ("Contoso Retail", "US", "ace_user"),
    ("Fabrikam GmbH", "DE", "ace_manager"),
    ("Tailspin KK", "JP", "ace_manager"),
)


def _contract(actor: Actor, catalog: str, account: str) -> ChannelContract:
    pma = accounts.create_pma(
        actor, catalog,
        {"program": "DISTRIBUTION", "displayName": "Octank resale", "accountId": account},
    )  # fmt: skip
    rel = accounts.create_relationship(actor, catalog, {
        "programManagementAccountIdentifier": pma.public_id, "associationType": "END_CUSTOMER",
        "associatedAccountId": "111122223333", "displayName": "AnyCompany", "sector": "COMMERCIAL",
    })  # fmt: skip
    return contracts.create_contract(actor, catalog, {
        "contractType": "MANAGED_SERVICES_ATTESTATION",
        "payload": {"managedServicesAttestationPayload": {
            "legalEntityName": "AnyCompany LLC", "relationshipIdentifier": rel.public_id,
            "programManagementAccountIdentifier": pma.public_id,
            "endDate": datetime(2027, 12, 31, tzinfo=UTC), "supportedServices": ["MONITORING"],
            "signatoryName": "Ana Lee", "signatoryEmail": "ana@anycompany.example"}},
    })  # fmt: skip


def load_channel_demo(octank: Company, northwind: Company) -> list[str]:
    user = User.objects.get(email="channel_user@octank.example")
    actor = Actor.for_member(user)
    _contract(actor, "AWS", "444455556666")
    accepted = _contract(actor, "Sandbox", "444455556666")
    for period, billed in (("2026-Q2", "180000"), ("2026-Q3", "215000")):
        RebateFigure.objects.create(contract=accepted, period=period,
                                    billed_revenue=Decimal(billed),
                                    baseline_revenue=Decimal("150000"))  # fmt: skip
    end_users.create_end_user(
        actor, {"account_id": "111122223333", "customer_name": "AnyCompany", "country_code": "US"}
    )
    now = timezone.now()
    ChannelHandshake.objects.create(
        catalog="AWS", handshake_type="PROGRAM_MANAGEMENT_ACCOUNT", sender_company=northwind,
        sender_account_id="777788889999", sender_display_name=northwind.legal_name,
        receiver_company=octank, receiver_account_id="444455556666",
        associated_resource_id="pma-demo000000000", detail={"program": "SOLUTION_PROVIDER"},
        created_at=now - timedelta(days=1), updated_at=now,
    )  # fmt: skip
    marketer = User.objects.get(email="marketing_staff@octank.example")
    marketer.region = "EMEA"
    marketer.save(update_fields=["region"])
    for name, country, role in LEADS:
        owner = Actor.for_member(User.objects.get(email=f"{role}@octank.example"))
        create_lead_by_hand(owner, "AWS", {
            "Company Name": name, "Country": country, "Contact Business Title": "CTO",
            "Contact First Name": "Kim", "Contact Last Name": "Berg",
            "Contact Email": f"kim@{name.split()[0].lower()}.example",
        })  # fmt: skip
    return [
        "Channel > Channel Management: sign in as channel_user@octank.example",
        "Leads Management: ace_user sees one lead, marketing_staff (EMEA) its region's",
    ]
