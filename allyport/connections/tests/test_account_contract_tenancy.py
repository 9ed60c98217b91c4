"""Another company's keys find nothing: every served Account API operation that takes
an identifier of a company's resources answers an outsider with
ResourceNotFoundException (never the data, never AccessDenied), and an outsider's
lists never show them. The registry's tenancy contract
(allyport/awsapi/tests/contract/test_tenancy_every_operation.py) for
`partnercentral-account`: a newly served operation without a case here fails until it
gets one (or joins OWN_ONLY)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from allyport.awsapi import registry
from allyport.awsapi.tests.contract.conftest import Answer, call
from allyport.connections.tests.conftest import ACCOUNT, Pair, invite_params
from allyport.testing import ApiCredentials, make_credentials

pytestmark = pytest.mark.django_db


@dataclass
class World:
    """A and C are connected and have a pending invitation; B is the outsider."""

    pair: Pair  # a = A, b = C
    outsider: ApiCredentials
    connection: str
    invitation: str

    @property
    def a(self) -> ApiCredentials:
        return self.pair.a

    def partner_arn(self, creds: ApiCredentials | None = None) -> str:
        creds = creds or self.a
        assert creds.company is not None
        account, partner = creds.user.account.account_id, creds.company.public_id
        return f"arn:aws:partnercentral:us-east-1:{account}:catalog/AWS/partner/{partner}"

    def preferences_arn(self) -> str:
        account = self.a.user.account.account_id
        return f"arn:aws:partnercentral:us-east-1:{account}:catalog/AWS/connection-preferences"

    @property
    def partner_id(self) -> str:
        return self.pair.a_id

    def as_outsider(self, operation: str, params: dict[str, Any]) -> Answer:
        return call(self.pair.client, self.outsider, operation, params, service=ACCOUNT)

    @property
    def secrets(self) -> list[str]:
        return [self.connection, self.invitation, self.partner_id]


@pytest.fixture
def world(pair: Pair) -> World:
    connection = pair.connect()
    pending = pair.invite(ClientToken="p2", ConnectionType="SUBSIDIARY")
    pair.as_a("TagResource", ResourceArn=World(pair, pair.b, "", "").partner_arn(),
              Tags=[{"Key": "k", "Value": "v"}])  # fmt: skip
    return World(pair, make_credentials(), connection["Id"], pending["Id"])


def _invitation(w: World, **extra: Any) -> list[dict[str, Any]]:
    return [{"Identifier": w.invitation, "ClientToken": "o-1", **extra}]


# Per operation: the outsider's requests naming A's records (Catalog AWS unless given).
CASES: dict[str, Callable[[World], list[dict[str, Any]]]] = {
    "GetConnectionInvitation": lambda w: [{"Identifier": w.invitation}],
    "AcceptConnectionInvitation": _invitation,
    "RejectConnectionInvitation": lambda w: _invitation(w, Reason="no"),
    "CancelConnectionInvitation": _invitation,
    "GetConnection": lambda w: [{"Identifier": w.connection}],
    "CancelConnection": lambda w: [
        {
            "Identifier": w.connection,
            "ConnectionType": "OPPORTUNITY_COLLABORATION",
            "Reason": "x",
            "ClientToken": "o-2",
        }
    ],  # fmt: skip
    "TagResource": lambda w: [
        {"ResourceArn": arn, "Tags": [{"Key": "o", "Value": "o"}]}
        for arn in (w.partner_arn(), w.preferences_arn())
    ],
    "UntagResource": lambda w: [
        {"ResourceArn": arn, "TagKeys": ["k"]} for arn in (w.partner_arn(), w.preferences_arn())
    ],
    "ListTagsForResource": lambda w: [
        {"ResourceArn": arn} for arn in (w.partner_arn(), w.preferences_arn())
    ],
}


def _partner(w: World, **extra: Any) -> list[dict[str, Any]]:
    """A's partner by its id and by its ARN."""
    return [{"Identifier": w.partner_id, **extra}, {"Identifier": w.partner_arn(), **extra}]


TASK_DETAILS = {
    "DisplayName": "Outsider", "Description": "Not theirs", "WebsiteUrl": "https://x.example",
    "LogoUrl": "https://x.example/l.png", "PrimarySolutionType": "SOFTWARE_PRODUCTS",
    "IndustrySegments": ["OTHER"], "TranslationSourceLocale": "en-US",
}  # fmt: skip
CONTACT = {"FirstName": "O", "LastName": "U", "Email": "o@outsider.example", "BusinessTitle": "X"}
CASES.update({
    "GetPartner": _partner,
    "GetAllianceLeadContact": _partner,
    "PutAllianceLeadContact": lambda w: _partner(w, AllianceLeadContact=CONTACT),
    "GetProfileVisibility": _partner,
    "PutProfileVisibility": lambda w: _partner(w, Visibility="PRIVATE"),
    "StartProfileUpdateTask": lambda w: _partner(w, TaskDetails=TASK_DETAILS),
    "GetProfileUpdateTask": _partner,
    "CancelProfileUpdateTask": lambda w: _partner(w, TaskId="pprofiletask-0000000000000"),
    "AssociateAwsTrainingCertificationEmailDomain": lambda w: _partner(
        w, Email="x@outsider.example", EmailVerificationCode="123456"),
    "DisassociateAwsTrainingCertificationEmailDomain": lambda w: _partner(
        w, DomainName="outsider.example"),
    "StartQualificationsAssociationTask": lambda w: _partner(
        w, PrimaryPartner={"AccountId": w.outsider.user.account.account_id}),
    "StartQualificationsDisassociationTask": lambda w: _partner(
        w, AssociatedPartner={"AccountId": w.outsider.user.account.account_id}),
    "GetQualificationsAssociationTask": _partner,
    "GetQualificationsDisassociationTask": _partner,
    "GetQualificationsAssociationDetails": _partner,
})  # fmt: skip
NO_CATALOG = {"TagResource", "UntagResource", "ListTagsForResource"}

# Operations taking no identifier of another company's records: creations, the
# caller's own settings, and lists (checked below for what they show).
LISTS: dict[str, Callable[[World], dict[str, Any]]] = {
    "ListConnections": lambda w: {},
    "ListConnectionInvitations": lambda w: {},
    "ListPartners": lambda w: {},
}
OWN_ONLY = {
    "CreateConnectionInvitation",  # inviting A is what an outsider may do
    "GetConnectionPreferences",
    "UpdateConnectionPreferences",
    "CreatePartner",  # the caller's own creation
    "SendEmailVerificationCode",  # a code to an address, for the caller's own use
    "StartVerification",  # no identifier: the caller's own partner
    "GetVerification",
    *LISTS,
}


def served() -> list[str]:
    return sorted(registry.supported(ACCOUNT))


def test_every_served_operation_has_a_case() -> None:
    missing = set(served()) - set(CASES) - OWN_ONLY
    assert not missing, f"add tenancy cases for {sorted(missing)}"


@pytest.mark.parametrize("operation", sorted(set(served()) & set(CASES)))
def test_an_outsider_finds_nothing(operation: str, world: World) -> None:
    for params in CASES[operation](world):
        body = params if operation in NO_CATALOG else {"Catalog": "AWS", **params}
        answer = world.as_outsider(operation, body)
        assert (answer.status, answer.code) == (404, "ResourceNotFoundException"), (
            operation, body, answer.body)  # fmt: skip
        assert answer.body.get("Reason"), answer.body
    tags = call(Client(), world.a, "ListTagsForResource", {"ResourceArn": world.partner_arn()},
                service=ACCOUNT)  # fmt: skip
    assert tags.body["Tags"] == [{"Key": "k", "Value": "v"}]  # nothing changed


@pytest.mark.parametrize("operation", sorted(set(served()) & set(LISTS)))
def test_an_outsiders_lists_show_nothing_of_others(operation: str, world: World) -> None:
    answer = world.as_outsider(operation, {"Catalog": "AWS", **LISTS[operation](world)})
    assert answer.status == 200, answer.body
    shown = str(answer.body)
    assert not any(secret in shown for secret in world.secrets), answer.body
    mine = call(Client(), world.a, operation, {"Catalog": "AWS"}, service=ACCOUNT)
    assert any(secret in str(mine.body) for secret in world.secrets)  # the check can fail


def test_an_outsiders_invitation_to_a_is_its_own(world: World) -> None:
    made = world.as_outsider(
        "CreateConnectionInvitation", invite_params(world.partner_id, ClientToken="o-3")
    )
    assert made.status == 200 and made.body["ParticipantType"] == "SENDER"
    assert made.body["Id"] not in world.secrets
