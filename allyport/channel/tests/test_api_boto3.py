"""The real boto3 `partnercentral-channel` client against live_server: program
management accounts, relationships, handshakes between two companies (each side sees
its own), contracts (Sandbox accepts at once; cancel while pending), tags, paginators,
validation naming the field, ClientToken replays, and the CloudTrail records."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from allyport.access.actor import system
from allyport.accounts.models import Company
from allyport.audit.models import AuditEvent
from allyport.cloud import services as cloud
from allyport.marketplace.services.linking import link_for_operator
from allyport.testing import make_company

pytestmark = pytest.mark.django_db(transaction=True)
FULL_ACCESS = "arn:aws:iam::aws:policy/AWSPartnerCentralFullAccess"


@dataclass
class Channel:
    company: Company
    client: Any

    @property
    def account(self) -> str:
        return str(self.company.account_link.account.account_id)


@pytest.fixture(autouse=True)
def _no_throttling(settings: Any) -> None:
    settings.ALLYPORT_API_THROTTLING = False


@pytest.fixture
def connect(live_server: Any) -> Iterator[Callable[[], Channel]]:
    clients: list[Any] = []

    def build() -> Channel:
        company = make_company()[0]
        link = link_for_operator(company)
        user = cloud.create_user(system(), link.account, "channel")
        cloud.attach_policy(system(), user, FULL_ACCESS)
        key, secret = cloud.create_access_key(system(), user)
        client = boto3.client(
            "partnercentral-channel", endpoint_url=live_server.url + "/api/aws",
            region_name="us-east-1", aws_access_key_id=key.access_key_id,
            aws_secret_access_key=secret, config=Config(retries={"total_max_attempts": 1}),
        )  # fmt: skip
        clients.append(client)
        return Channel(company, client)

    yield build
    for client in clients:
        client.close()


def error_of(call: Callable[[], Any]) -> dict[str, Any]:
    with pytest.raises(ClientError) as caught:
        call()
    return dict(caught.value.response)


def pma(side: Channel, account: str, catalog: str = "AWS", token: str = "p1") -> str:
    answer = side.client.create_program_management_account(
        catalog=catalog, program="SOLUTION_PROVIDER", displayName="Resale", accountId=account,
        clientToken=token,
    )  # fmt: skip
    return str(answer["programManagementAccountDetail"]["id"])


def relationship(side: Channel, pma_id: str, account: str, catalog: str = "AWS") -> str:
    answer = side.client.create_relationship(
        catalog=catalog, associationType="END_CUSTOMER", programManagementAccountIdentifier=pma_id,
        associatedAccountId=account, displayName="Octank", sector="COMMERCIAL",
    )  # fmt: skip
    return str(answer["relationshipDetail"]["id"])


def attestation(pma_id: str, rel_id: str) -> dict[str, Any]:
    return {"managedServicesAttestationPayload": {
        "legalEntityName": "Octank LLC", "relationshipIdentifier": rel_id,
        "programManagementAccountIdentifier": pma_id,
        "endDate": datetime.now(UTC) + timedelta(days=365),
        "supportedServices": ["MONITORING", "PATCHING"],
        "legalEntityAddress": {"city": "Seattle", "stateOrRegion": "WA", "postalCode": "98101",
                               "countryCode": "US", "addressLine": "1 Main St"},
        "signatoryName": "Ana Lee", "signatoryEmail": "ana@octank.example",
    }}  # fmt: skip


def test_program_management_accounts_and_relationships(connect: Callable[[], Channel]) -> None:
    me = connect()
    own = pma(me, me.account)
    assert pma(me, me.account) == own  # the same clientToken answers the first call again
    listed = me.client.list_program_management_accounts(catalog="AWS")["items"]
    assert [(i["id"], i["status"], i["revision"]) for i in listed] == [(own, "ACTIVE", "1")]
    assert listed[0]["arn"] == (
        f"arn:aws:partnercentral:us-east-1:{me.account}:catalog/AWS/program-management-account/{own}"
    )
    updated = me.client.update_program_management_account(
        catalog="AWS", identifier=own, revision="1", displayName="Resale EU"
    )["programManagementAccountDetail"]
    assert updated["revision"] == "2" and updated["displayName"] == "Resale EU"
    stale = error_of(lambda: me.client.update_program_management_account(
        catalog="AWS", identifier=own, revision="1", displayName="Again"))  # fmt: skip
    assert stale["Error"]["Code"] == "ConflictException"
    rel = relationship(me, own, "111122223333")
    got = me.client.get_relationship(
        catalog="AWS", programManagementAccountIdentifier=own, identifier=rel
    )["relationshipDetail"]
    assert got["displayName"] == "Octank" and got["associationType"] == "END_CUSTOMER"
    for n in range(3):
        relationship(me, own, f"11112222333{n}")
    pages = list(me.client.get_paginator("list_relationships").paginate(
        catalog="AWS", PaginationConfig={"PageSize": 3}))  # fmt: skip
    assert [len(p["items"]) for p in pages] == [3, 1]
    blocked = error_of(lambda: me.client.delete_program_management_account(
        catalog="AWS", identifier=own))  # fmt: skip
    assert blocked["Error"]["Code"] == "ConflictException"
    me.client.delete_relationship(catalog="AWS", programManagementAccountIdentifier=own,
                                  identifier=rel)  # fmt: skip
    missing = error_of(lambda: me.client.get_relationship(
        catalog="AWS", programManagementAccountIdentifier=own, identifier=rel))  # fmt: skip
    assert missing["Error"]["Code"] == "ResourceNotFoundException"


def test_handshakes_between_two_companies(connect: Callable[[], Channel]) -> None:
    distributor, reseller = connect(), connect()
    pending = pma(distributor, reseller.account)
    sent = distributor.client.create_channel_handshake(
        handshakeType="PROGRAM_MANAGEMENT_ACCOUNT", catalog="AWS",
        associatedResourceIdentifier=pending,
    )["channelHandshakeDetail"]  # fmt: skip
    mine = distributor.client.list_channel_handshakes(
        handshakeType="PROGRAM_MANAGEMENT_ACCOUNT", catalog="AWS", participantType="SENDER"
    )["items"]
    assert [(h["id"], h["status"], h["receiverAccountId"]) for h in mine] == [
        (sent["id"], "PENDING", reseller.account)
    ]
    theirs = reseller.client.list_channel_handshakes(
        handshakeType="PROGRAM_MANAGEMENT_ACCOUNT", catalog="AWS", participantType="RECEIVER"
    )["items"]
    assert [h["senderAccountId"] for h in theirs] == [distributor.account]
    assert theirs[0]["detail"] == {
        "programManagementAccountHandshakeDetail": {"program": "SOLUTION_PROVIDER"}
    }
    # Only the receiver answers; only the sender cancels.
    wrong = error_of(lambda: distributor.client.accept_channel_handshake(
        catalog="AWS", identifier=sent["id"]))  # fmt: skip
    assert wrong["Error"]["Code"] == "ResourceNotFoundException"
    accepted = reseller.client.accept_channel_handshake(catalog="AWS", identifier=sent["id"])
    assert accepted["channelHandshakeDetail"]["status"] == "ACCEPTED"
    again = error_of(lambda: reseller.client.reject_channel_handshake(
        catalog="AWS", identifier=sent["id"]))  # fmt: skip
    assert again["Error"]["Code"] == "ValidationException"
    status = distributor.client.list_program_management_accounts(catalog="AWS")["items"][0]
    assert status["status"] == "ACTIVE"
    third = connect()
    for call in (third.client.accept_channel_handshake, third.client.cancel_channel_handshake):
        answer = error_of(lambda c=call: c(catalog="AWS", identifier=sent["id"]))
        assert answer["Error"]["Code"] == "ResourceNotFoundException"


def test_contracts_are_sent_for_signature_and_cancelled_while_pending(
    connect: Callable[[], Channel],
) -> None:
    me = connect()
    own = pma(me, me.account)
    rel = relationship(me, own, "111122223333")
    made = me.client.create_channel_contract(
        contractType="MANAGED_SERVICES_ATTESTATION", catalog="AWS", payload=attestation(own, rel)
    )["channelContractDetail"]
    got = me.client.get_channel_contract(catalog="AWS", identifier=made["id"])
    detail = got["channelContractDetail"]
    assert detail["status"] == "PENDING"
    assert detail["details"]["managedServicesAttestationDetails"]["legalEntityName"] == "Octank LLC"
    cancelled = me.client.cancel_channel_contract(
        catalog="AWS", identifier=made["id"], reason="Signed on paper"
    )["channelContractDetail"]
    assert (
        cancelled["status"] == "CANCELED" and cancelled["cancellationReason"] == "Signed on paper"
    )
    twice = error_of(
        lambda: me.client.cancel_channel_contract(catalog="AWS", identifier=made["id"])
    )
    assert twice["Error"]["Code"] == "ValidationException"
    box = pma(me, me.account, "Sandbox", "p2")
    sandbox = me.client.create_channel_contract(
        contractType="MANAGED_SERVICES_ATTESTATION", catalog="Sandbox",
        payload=attestation(box, relationship(me, box, "111122223333", "Sandbox")),
    )["channelContractDetail"]  # fmt: skip
    listed = me.client.list_channel_contracts(
        catalog="Sandbox", contractType="MANAGED_SERVICES_ATTESTATION"
    )["items"]
    assert [(c["id"], c["status"]) for c in listed] == [(sandbox["id"], "ACCEPTED")]
    assert "respondedAt" in listed[0]


def test_tags_validation_and_records(connect: Callable[[], Channel]) -> None:
    me = connect()
    own = pma(me, me.account)
    arn = me.client.list_program_management_accounts(catalog="AWS")["items"][0]["arn"]
    me.client.tag_resource(resourceArn=arn, tags=[{"key": "team", "value": "eu"}])
    assert me.client.list_tags_for_resource(resourceArn=arn)["tags"] == [
        {"key": "team", "value": "eu"}
    ]
    me.client.untag_resource(resourceArn=arn, tagKeys=["team"])
    assert me.client.list_tags_for_resource(resourceArn=arn)["tags"] == []
    other = connect()
    assert (
        error_of(lambda: other.client.list_tags_for_resource(resourceArn=arn))["Error"]["Code"]
        == "ResourceNotFoundException"
    )
    refused = error_of(lambda: me.client.create_relationship(
        catalog="AWS", associationType="END_CUSTOMER", programManagementAccountIdentifier=own,
        displayName="x", sector="NOT_A_SECTOR"))  # fmt: skip
    assert refused["Error"]["Code"] == "ValidationException"
    assert "sector" in str(refused)
    records = AuditEvent.objects.filter(event_source="partnercentral-channel.amazonaws.com")
    names = set(records.values_list("event_name", flat=True))
    assert {"CreateProgramManagementAccount", "TagResource", "UntagResource"} <= names
