"""The registry's contract for the Channel API, as for the Selling API
(allyport/awsapi/tests/contract/): every served operation fuzzed with valid and
defective bodies (never a 500; a defect is a ValidationException naming its field),
and every identifier of company A answered as not found to company B."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from allyport.awsapi.tests.conftest import ApiCredentials, make_credentials
from allyport.awsapi.tests.contract.conftest import Answer, call
from allyport.awsapi.tests.contract.fuzz import CATALOGS, ERROR_LIST, Fuzzed, budget
from allyport.channel.tests.test_api_boto3 import attestation
from allyport.shapes import loader

pytestmark = pytest.mark.django_db
SERVICE = "partnercentral-channel"
CHANNEL_FUZZ = Fuzzed(
    SERVICE,
    ERROR_LIST,
    identifiers=(
        "identifier", "programManagementAccountIdentifier", "resourceArn",
        "associatedResourceIdentifier",
    ),
    examples=budget(18, cap=10),
    catalog_member="catalog",
    catalogs=(*CATALOGS, *CATALOGS, *CATALOGS, None, None),  # a catalog three times in four
)  # fmt: skip


def served() -> list[str]:
    return CHANNEL_FUZZ.served()


def channel(creds: ApiCredentials, operation: str, **params: Any) -> Answer:
    return call(Client(), creds, operation, params, service=SERVICE)


def world(creds: ApiCredentials) -> dict[str, str]:
    """One of each resource, created through the API; their ids and ARNs."""
    account = creds.user.account.account_id
    pma = channel(creds, "CreateProgramManagementAccount", catalog="AWS",
                  program="DISTRIBUTION", displayName="D", accountId=account).body  # fmt: skip
    pma_id = pma["programManagementAccountDetail"]["id"]
    rel = channel(creds, "CreateRelationship", catalog="AWS", associationType="END_CUSTOMER",
                  programManagementAccountIdentifier=pma_id, associatedAccountId="111122223333",
                  displayName="E", sector="COMMERCIAL").body["relationshipDetail"]  # fmt: skip
    payload = attestation(pma_id, rel["id"])
    end = payload["managedServicesAttestationPayload"]["endDate"]
    payload["managedServicesAttestationPayload"]["endDate"] = end.isoformat()
    contract = channel(creds, "CreateChannelContract", catalog="AWS",
                       contractType="MANAGED_SERVICES_ATTESTATION",
                       payload=payload).body["channelContractDetail"]  # fmt: skip
    handshake = channel(creds, "CreateChannelHandshake", catalog="AWS",
                        handshakeType="START_SERVICE_PERIOD",
                        associatedResourceIdentifier=rel["id"],
                        payload={"startServicePeriodPayload": {
                            "programManagementAccountIdentifier": pma_id,
                            "servicePeriodType": "MINIMUM_NOTICE_PERIOD",
                            "minimumNoticeDays": "30"}}).body  # fmt: skip
    return {
        "pma": pma_id, "pma_arn": pma["programManagementAccountDetail"]["arn"],
        "rs": rel["id"], "rs_arn": rel["arn"], "cc": contract["id"], "cc_arn": contract["arn"],
        "ch": handshake["channelHandshakeDetail"]["id"],
        "ch_arn": handshake["channelHandshakeDetail"]["arn"],
    }  # fmt: skip


@pytest.fixture
def owner(db: None) -> tuple[ApiCredentials, dict[str, str]]:
    creds = make_credentials()
    return creds, world(creds)


def test_every_operation_of_the_model_is_served() -> None:
    model = loader.service_model(SERVICE)
    assert served() == sorted(model.operation_names)


@pytest.mark.parametrize("operation", served())
def test_no_input_makes_it_fail(operation: str, owner: Any) -> None:
    creds, ids = owner
    CHANNEL_FUZZ.fuzz(operation, creds, ids.values())


def _requests(w: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    pma, rs, cc, ch = w["pma"], w["rs"], w["cc"], w["ch"]
    return {
        "UpdateProgramManagementAccount": [{"identifier": pma}, {"identifier": w["pma_arn"]}],
        "DeleteProgramManagementAccount": [{"identifier": pma}],
        "GetRelationship": [{"programManagementAccountIdentifier": pma, "identifier": rs},
                            {"programManagementAccountIdentifier": w["pma_arn"],
                             "identifier": w["rs_arn"]}],
        "UpdateRelationship": [{"programManagementAccountIdentifier": pma, "identifier": rs}],
        "DeleteRelationship": [{"programManagementAccountIdentifier": pma, "identifier": rs}],
        "CreateRelationship": [{"programManagementAccountIdentifier": pma,
                                "associationType": "END_CUSTOMER", "displayName": "x",
                                "sector": "COMMERCIAL"}],
        "GetChannelContract": [{"identifier": cc}, {"identifier": w["cc_arn"]}],
        "CancelChannelContract": [{"identifier": cc}],
        "CreateChannelContract": [{"contractType": "MANAGED_SERVICES_ATTESTATION",
                                   "payload": _contract_payload(pma, rs)}],
        "AcceptChannelHandshake": [{"identifier": ch}, {"identifier": w["ch_arn"]}],
        "RejectChannelHandshake": [{"identifier": ch}],
        "CancelChannelHandshake": [{"identifier": ch}],
        "CreateChannelHandshake": [{"handshakeType": "PROGRAM_MANAGEMENT_ACCOUNT",
                                    "associatedResourceIdentifier": pma}],
        "ListTagsForResource": [{"resourceArn": w[k]} for k in ("pma_arn", "rs_arn", "cc_arn",
                                                                "ch_arn")],
        "TagResource": [{"resourceArn": w["cc_arn"], "tags": [{"key": "k", "value": "v"}]}],
        "UntagResource": [{"resourceArn": w["ch_arn"], "tagKeys": ["k"]}],
    }  # fmt: skip


def _contract_payload(pma: str, rs: str) -> dict[str, Any]:
    payload = attestation(pma, rs)
    inner = payload["managedServicesAttestationPayload"]
    inner["endDate"] = inner["endDate"].isoformat()
    return payload


LISTS = {
    "ListProgramManagementAccounts": {},
    "ListRelationships": {},
    "ListChannelContracts": {"contractType": "MANAGED_SERVICES_ATTESTATION"},
    "ListChannelHandshakes": {"handshakeType": "START_SERVICE_PERIOD", "participantType": "SENDER"},
}


def test_every_identifier_is_not_found_to_another_company(owner: Any) -> None:
    creds, w = owner
    other = make_credentials()
    requests = _requests(w)
    assert set(requests) | set(LISTS) | {"CreateProgramManagementAccount"} == set(served())
    for operation, bodies in requests.items():
        for body in bodies:
            params = body if "resourceArn" in body else {"catalog": "AWS", **body}
            answer = call(Client(), other, operation, params, service=SERVICE)
            assert answer.code == "ResourceNotFoundException", (operation, body, answer.body)
    for operation, body in LISTS.items():
        answer = call(Client(), other, operation, {"catalog": "AWS", **body}, service=SERVICE)
        assert answer.status == 200 and answer.body["items"] == [], (operation, answer.body)
    # The owner still sees every one of them, unchanged.
    mine = channel(creds, "GetChannelContract", catalog="AWS", identifier=w["cc"]).body
    assert mine["channelContractDetail"]["status"] == "PENDING"
