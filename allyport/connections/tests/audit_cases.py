"""The connection services' cases for `home/tests/test_audit_per_caller.py`: each
writing service, the event it records, its callers, and how to run it against the
test's world (its company is linked; the other side is a second linked company)."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from allyport.access.actor import Actor
from allyport.connections.services import connections, invitations, preferences, tags
from allyport.marketplace.services.linking import link_for_operator
from allyport.pipeline.selectors import linked_account_id
from allyport.testing import make_company, make_user

MEMBER, IAM = "member", "iam"
SCANNED: dict[str, ModuleType] = {
    "connections.invitations": invitations,
    "connections.connections": connections,
    "connections.preferences": preferences,
    "connections.tags": tags,
}


def _partner() -> Any:
    company = make_company()[0]
    link_for_operator(company)
    return company


def _invite(
    sender: Any, receiver: Any, actor: Actor | None = None, kind: str = "SUBSIDIARY"
) -> Any:
    actor = actor or Actor.for_member(make_user(sender, "alliance_team"))
    return invitations.create_invitation(
        actor, "AWS", receiver=receiver.public_id, connection_type=kind,
        email="a@example.com", name="A", message="Hi",
    )  # fmt: skip


def _create(world: Any, actor: Actor) -> None:
    _invite(world.company, _partner(), actor)


def _accept(world: Any, actor: Actor) -> None:
    invitations.accept_invitation(actor, "AWS", _invite(_partner(), world.company).public_id)


def _reject(world: Any, actor: Actor) -> None:
    invitations.reject_invitation(actor, "AWS", _invite(_partner(), world.company).public_id)


def _cancel_invitation(world: Any, actor: Actor) -> None:
    made = _invite(world.company, _partner())
    invitations.cancel_invitation(actor, "AWS", made.public_id)


def _cancel_connection(world: Any, actor: Actor) -> None:
    partner = _partner()
    made = _invite(partner, world.company)
    member = Actor.for_member(make_user(world.company, "alliance_team"))
    connection = invitations.accept_invitation(member, "AWS", made.public_id)
    connections.cancel_connection(actor, "AWS", connection.public_id, "SUBSIDIARY", "done")


def _preferences(world: Any, actor: Actor) -> None:
    current = preferences.current(world.company, "AWS")
    preferences.update_preferences(
        actor, "AWS", revision=current.revision, access_type="DENY_ALL", excluded=[]
    )


def _arn(world: Any) -> str:
    account = linked_account_id(world.company)
    return (
        f"arn:aws:partnercentral:us-east-1:{account}:catalog/AWS/partner/{world.company.public_id}"
    )


def _tag(world: Any, actor: Actor) -> None:
    tags.tag_resource(actor, _arn(world), [{"Key": "k", "Value": "v"}])


def _untag(world: Any, actor: Actor) -> None:
    tags.untag_resource(actor, _arn(world), ["k"])


# Writing-looking functions that record nothing themselves, and why.
NOT_CHANGES = {
    "connections.tags.set_created_tags": "stores CreatePartner's Tags inside that call, "
    "whose change profiles' create_partner records",
}
CASES = [
    ("connections.invitations.create_invitation", "CreateConnectionInvitation", _create),
    ("connections.invitations.accept_invitation", "AcceptConnectionInvitation", _accept),
    ("connections.invitations.reject_invitation", "RejectConnectionInvitation", _reject),
    ("connections.invitations.cancel_invitation", "CancelConnectionInvitation", _cancel_invitation),
    ("connections.connections.cancel_connection", "CancelConnection", _cancel_connection),
    ("connections.preferences.update_preferences", "UpdateConnectionPreferences", _preferences),
    ("connections.tags.tag_resource", "TagResource", _tag),
    ("connections.tags.untag_resource", "UntagResource", _untag),
]
# (service name, event, callers, run), as the audit test's Service takes them.
SERVICES = [(name, event, (MEMBER, IAM), run) for name, event, run in CASES]
