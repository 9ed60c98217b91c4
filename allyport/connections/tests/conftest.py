"""Two linked companies with API keys, and calls to the Account API as either."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from allyport.access.actor import Actor
from allyport.awsapi.tests.contract.conftest import Answer, call
from allyport.profiles.api.tests.conftest import account_client  # noqa: F401 - a fixture here too
from allyport.testing import ApiCredentials, make_credentials, make_user

ACCOUNT = "partnercentral-account"


def invite_params(receiver: str, **changes: Any) -> dict[str, Any]:
    return {
        "Catalog": "AWS",
        "ClientToken": changes.pop("ClientToken", "tok-1"),
        "ConnectionType": "OPPORTUNITY_COLLABORATION",
        "Email": "lead@example.com",
        "Name": "Pat Lead",
        "Message": "Let us sell together.",
        "ReceiverIdentifier": receiver,
        **changes,
    }


@dataclass
class Pair:
    a: ApiCredentials
    b: ApiCredentials
    client: Client

    def as_a(self, operation: str, **params: Any) -> Answer:
        return call(self.client, self.a, operation, params, service=ACCOUNT)

    def as_b(self, operation: str, **params: Any) -> Answer:
        return call(self.client, self.b, operation, params, service=ACCOUNT)

    @property
    def a_id(self) -> str:
        assert self.a.company is not None
        return self.a.company.public_id

    @property
    def b_id(self) -> str:
        assert self.b.company is not None
        return self.b.company.public_id

    def invite(self, **changes: Any) -> dict[str, Any]:
        answer = self.as_a("CreateConnectionInvitation", **invite_params(self.b_id, **changes))
        assert answer.status == 200, answer.body
        return answer.body

    def connect(self, **changes: Any) -> dict[str, Any]:
        invitation = self.invite(**changes)
        answer = self.as_b(
            "AcceptConnectionInvitation", Catalog="AWS", Identifier=invitation["Id"],
            ClientToken="accept-1",
        )  # fmt: skip
        assert answer.status == 200, answer.body
        return answer.body["Connection"]


@pytest.fixture
def pair(db: None, settings: Any) -> Pair:
    settings.ALLYPORT_API_THROTTLING = False
    return Pair(make_credentials(), make_credentials(), Client())


def member_actor(creds: ApiCredentials, *roles: str) -> Actor:
    assert creds.company is not None
    return Actor.for_member(make_user(creds.company, *(roles or ("alliance_team",))))
