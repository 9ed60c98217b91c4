"""Demo connections for `load_demo`: two linked partners connected to each other, a
pending subsidiary invitation between them, and an invitation waiting for Octank on
Market > Find Partners > Connections."""

from __future__ import annotations

from allyport.access.actor import Actor
from allyport.accounts.models import Company, User
from allyport.accounts.services.operators import create_company
from allyport.connections.models import ConnectionInvitation
from allyport.connections.services import invitations
from allyport.marketplace.services.linking import link_for_operator


def _linked(domain: str, name: str, password: str) -> tuple[Company, User]:
    company, lead = create_company(
        domain, name, f"lead@{domain}", password, stage="Validated", paths=["Services"]
    )
    link_for_operator(company)
    return company, lead


def _invite(sender: User, receiver: Company, kind: str, message: str) -> ConnectionInvitation:
    return invitations.create_invitation(
        Actor.for_member(sender), "AWS", receiver=receiver.public_id, connection_type=kind,
        email=sender.email, name="Alex Lead", message=message,
    )  # fmt: skip


def load_connections_demo(password: str) -> list[str]:
    anycompany, any_lead = _linked("anycompany.example", "AnyCompany Cloud", password)
    example, example_lead = _linked("exampleservices.example", "Example Services", password)
    made = _invite(any_lead, example, "OPPORTUNITY_COLLABORATION", "Let us co-sell in EMEA.")
    invitations.accept_invitation(Actor.for_member(example_lead), "AWS", made.public_id)
    _invite(example_lead, anycompany, "SUBSIDIARY", "We are part of your group now.")
    octank = Company.objects.filter(domains__domain="octank.example").first()
    if octank is not None:
        # Octank has not linked its AWS account yet (the demo links it by hand), so the
        # service would refuse to invite it: the row is written as the invitation would be.
        ConnectionInvitation.objects.create(
            catalog="AWS", connection_type="OPPORTUNITY_COLLABORATION", sender=anycompany,
            receiver=octank, inviter_name="Alex Lead", inviter_email=any_lead.email,
            message="We would like to collaborate on opportunities with Octank.",
        )  # fmt: skip
    return [
        "Connections (Market > Find Partners > Connections): lead@anycompany.example and "
        "lead@exampleservices.example are connected partners, same password; Octank has an "
        "invitation from AnyCompany Cloud",
    ]
