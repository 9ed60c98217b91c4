"""The channel app's and Leads Management's writing services for the project-wide
audit-per-caller test (home/tests/test_audit_per_caller.py adds these to its lists):
each records its event for each kind of caller that may use it. A case is
(scanned name, event name, callers, run(world, actor))."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from allyport.access.actor import Actor, ActorKind
from allyport.channel.services import accounts as channel_accounts
from allyport.channel.services import contracts as channel_contracts
from allyport.channel.services import end_users as channel_end_users
from allyport.channel.services import handshakes as channel_handshakes
from allyport.channel.services import tags as channel_tags
from allyport.marketplace.services.linking import link_for_operator
from allyport.pipeline.leads import management as lead_management
from allyport.testing import make_company, make_user

MEMBER, IAM = "member", "iam"

SCANNED: dict[str, ModuleType] = {
    "channel.accounts": channel_accounts,
    "channel.handshakes": channel_handshakes,
    "channel.contracts": channel_contracts,
    "channel.tags": channel_tags,
    "channel.end_users": channel_end_users,
    "leads.management": lead_management,
}
# Writing-looking functions that change nothing themselves: none here.
NOT_CHANGES: dict[str, str] = {}


def _channel(world: Any, actor: Actor) -> Actor:
    """A member acting on the Channel page needs its role, path and stage; the IAM caller
    is the one given."""
    if actor.kind != ActorKind.MEMBER:
        return actor
    world.company.paths, world.company.stage = ["Services"], "Enrolled"
    world.company.save(update_fields=["paths", "stage"])
    return Actor.for_member(make_user(world.company, "channel_user"))


def _pma(world: Any, actor: Actor, account: str = "") -> Any:
    own = world.company.account_link.account.account_id
    return channel_accounts.create_pma(
        _channel(world, actor),
        "AWS",
        {"program": "DISTRIBUTION", "displayName": "P", "accountId": account or own},
    )


def _relationship(world: Any, actor: Actor) -> Any:
    pma = _pma(world, actor)
    return channel_accounts.create_relationship(
        _channel(world, actor),
        "AWS",
        {
            "programManagementAccountIdentifier": pma.public_id,
            "associationType": "END_CUSTOMER",
            "associatedAccountId": "111122223333",
            "displayName": "R",
            "sector": "COMMERCIAL",
        },
    )


def _update_pma(world: Any, actor: Actor) -> None:
    pma = _pma(world, actor)
    channel_accounts.update_pma(_channel(world, actor), "AWS", pma.public_id, {"displayName": "Q"})


def _delete_pma(world: Any, actor: Actor) -> None:
    channel_accounts.delete_pma(_channel(world, actor), "AWS", _pma(world, actor).public_id)


def _update_relationship(world: Any, actor: Actor) -> None:
    rel = _relationship(world, actor)
    channel_accounts.update_relationship(
        _channel(world, actor),
        "AWS",
        rel.program_management_account.public_id,
        rel.public_id,
        {"displayName": "S"},
    )


def _delete_relationship(world: Any, actor: Actor) -> None:
    rel = _relationship(world, actor)
    channel_accounts.delete_relationship(
        _channel(world, actor), "AWS", rel.program_management_account.public_id, rel.public_id
    )


def _handshake(world: Any, actor: Actor) -> Any:
    pma = _pma(world, actor, "444455556666")
    return channel_handshakes.create_handshake(
        _channel(world, actor),
        "AWS",
        {
            "handshakeType": "PROGRAM_MANAGEMENT_ACCOUNT",
            "associatedResourceIdentifier": pma.public_id,
        },
    )


def _received(world: Any, actor: Actor) -> Any:
    """A handshake another company sent this one."""
    sender = make_company(stage="Enrolled", paths=["Services"])[0]
    link_for_operator(sender)
    other = Actor.for_member(make_user(sender, "channel_user"))
    own = world.company.account_link.account.account_id
    pma = channel_accounts.create_pma(
        other, "AWS", {"program": "DISTRIBUTION", "displayName": "P", "accountId": own}
    )
    return channel_handshakes.create_handshake(
        other,
        "AWS",
        {
            "handshakeType": "PROGRAM_MANAGEMENT_ACCOUNT",
            "associatedResourceIdentifier": pma.public_id,
        },
    )


def _contract(world: Any, actor: Actor) -> Any:
    rel = _relationship(world, actor)
    return channel_contracts.create_contract(
        _channel(world, actor),
        "AWS",
        {
            "contractType": "MANAGED_SERVICES_ATTESTATION",
            "payload": {
                "managedServicesAttestationPayload": {
                    "legalEntityName": "L",
                    "relationshipIdentifier": rel.public_id,
                    "programManagementAccountIdentifier": rel.program_management_account.public_id,
                    "endDate": "2030-01-01T00:00:00Z",
                    "supportedServices": ["MONITORING"],
                    "signatoryName": "S",
                    "signatoryEmail": "s@example.com",
                }
            },
        },
    )


def _channel_tag(world: Any, actor: Actor) -> None:
    from allyport.channel.services.accounts import pma_arn

    channel_tags.tag_resource(
        _channel(world, actor), pma_arn(_pma(world, actor)), [{"key": "k", "value": "v"}]
    )


def _channel_untag(world: Any, actor: Actor) -> None:
    from allyport.channel.services.accounts import pma_arn

    channel_tags.untag_resource(_channel(world, actor), pma_arn(_pma(world, actor)), ["k"])


LEAD_ROW = {
    "Company Name": "Contoso", "Country": "US", "Contact Business Title": "CTO",
    "Contact First Name": "Nina", "Contact Last Name": "Berg", "Contact Email": "n@contoso.example",
}  # fmt: skip


def _hand_lead(world: Any, actor: Actor) -> Any:
    return lead_management.create_lead_by_hand(actor, "AWS", LEAD_ROW)


def _lead_key(record: Any) -> tuple[str, str, str]:
    return "AWS", record.engagement.public_id, record.context_id


LEAD_SERVICES = [
    ("leads.management.create_lead_by_hand", "CreateEngagement", (MEMBER,), _hand_lead),
    ("pipeline.services.create_lead_by_hand", "CreateEngagement", (MEMBER,), _hand_lead),
    (
        "leads.management.edit_lead",
        "UpdateEngagementContext",
        (MEMBER,),
        lambda world, actor: lead_management.edit_lead(
            actor, *_lead_key(_hand_lead(world, actor)), LEAD_ROW
        ),
    ),
    (
        "leads.management.qualify_lead",
        "UpdateEngagementContext",
        (MEMBER,),
        lambda world, actor: lead_management.qualify_lead(
            actor, *_lead_key(_hand_lead(world, actor)), "Qualified", "Budget"
        ),
    ),
    (
        "leads.management.transfer_leads",
        "AssignLead",
        (MEMBER,),
        lambda world, actor: lead_management.transfer_leads(
            actor,
            "AWS",
            [_lead_key(_hand_lead(world, actor))[1:]],
            make_user(world.company, "ace_user").public_id,
        ),
    ),
]


CHANNEL_SERVICES = [
    ("channel.accounts.create_pma", "CreateProgramManagementAccount", (MEMBER, IAM), _pma),
    ("channel.accounts.update_pma", "UpdateProgramManagementAccount", (MEMBER, IAM), _update_pma),
    ("channel.accounts.delete_pma", "DeleteProgramManagementAccount", (MEMBER, IAM), _delete_pma),
    ("channel.accounts.create_relationship", "CreateRelationship", (MEMBER, IAM), _relationship),
    (
        "channel.accounts.update_relationship",
        "UpdateRelationship",
        (MEMBER, IAM),
        _update_relationship,
    ),
    (
        "channel.accounts.delete_relationship",
        "DeleteRelationship",
        (MEMBER, IAM),
        _delete_relationship,
    ),
    ("channel.handshakes.create_handshake", "CreateChannelHandshake", (MEMBER, IAM), _handshake),
    (
        "channel.handshakes.cancel_handshake",
        "CancelChannelHandshake",
        (MEMBER, IAM),
        lambda world, actor: channel_handshakes.cancel_handshake(
            _channel(world, actor), "AWS", _handshake(world, actor).public_id
        ),
    ),
    (
        "channel.handshakes.accept_handshake",
        "AcceptChannelHandshake",
        (MEMBER, IAM),
        lambda world, actor: channel_handshakes.accept_handshake(
            _channel(world, actor), "AWS", _received(world, actor).public_id
        ),
    ),
    (
        "channel.handshakes.reject_handshake",
        "RejectChannelHandshake",
        (MEMBER, IAM),
        lambda world, actor: channel_handshakes.reject_handshake(
            _channel(world, actor), "AWS", _received(world, actor).public_id
        ),
    ),
    ("channel.contracts.create_contract", "CreateChannelContract", (MEMBER, IAM), _contract),
    (
        "channel.contracts.cancel_contract",
        "CancelChannelContract",
        (MEMBER, IAM),
        lambda world, actor: channel_contracts.cancel_contract(
            _channel(world, actor), "AWS", _contract(world, actor).public_id
        ),
    ),
    ("channel.tags.tag_resource", "TagResource", (MEMBER, IAM), _channel_tag),
    ("channel.tags.untag_resource", "UntagResource", (MEMBER, IAM), _channel_untag),
    (
        "channel.end_users.create_end_user",
        "PutEndUserInformation",
        (MEMBER,),
        lambda world, actor: channel_end_users.create_end_user(
            _channel(world, actor),
            {"account_id": "111122223333", "customer_name": "C", "country_code": "DE"},
        ),
    ),
]


SERVICES = [*CHANNEL_SERVICES, *LEAD_SERVICES]
