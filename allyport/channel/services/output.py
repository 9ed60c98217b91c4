"""Channel rows in the API's output shapes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from allyport.channel.models import (
    ChannelContract,
    ChannelHandshake,
    ProgramManagementAccount,
    Relationship,
)
from allyport.channel.services.accounts import pma_arn, relationship_arn
from allyport.channel.services.contracts import contract_arn
from allyport.channel.services.handshakes import DETAIL_MEMBER, handshake_arn


def _dates(stored: dict[str, Any]) -> dict[str, Any]:
    """Stored JSON with its ISO dates as datetimes again (the output shapes' timestamps)."""
    return {
        key: datetime.fromisoformat(value) if key in ("startDate", "endDate") else value
        for key, value in stored.items()
    }


def _present(value: dict[str, Any]) -> dict[str, Any]:
    return {key: item for key, item in value.items() if item not in (None, "")}


def pma_summary(pma: ProgramManagementAccount) -> dict[str, Any]:
    return _present({
        "id": pma.public_id, "revision": str(pma.revision), "catalog": pma.catalog,
        "program": pma.program, "displayName": pma.display_name, "accountId": pma.account_id,
        "arn": pma_arn(pma), "createdAt": pma.created_at, "updatedAt": pma.updated_at,
        "startDate": pma.start_date, "status": pma.status, "type": pma.kind,
    })  # fmt: skip


def relationship_view(rel: Relationship, full: bool = True) -> dict[str, Any]:
    value = {
        "arn": relationship_arn(rel), "id": rel.public_id, "revision": str(rel.revision),
        "catalog": rel.catalog, "associationType": rel.association_type,
        "programManagementAccountId": rel.program_management_account.public_id,
        "associatedAccountId": rel.associated_account_id, "displayName": rel.display_name,
        "sector": rel.sector, "createdAt": rel.created_at, "updatedAt": rel.updated_at,
        "startDate": rel.start_date,
    }  # fmt: skip
    if full:
        latest = rel.contracts.order_by("-created_at").values_list("public_id", flat=True).first()
        value |= {"resaleAccountModel": rel.resale_account_model,
                  "accountScope": rel.account_scope, "channelContractId": latest,
                  "endDate": rel.end_date}  # fmt: skip
    return _present(value)


def handshake_summary(handshake: ChannelHandshake) -> dict[str, Any]:
    detail = {DETAIL_MEMBER[handshake.handshake_type]: _dates(handshake.detail)}
    return _present({
        "id": handshake.public_id, "arn": handshake_arn(handshake), "catalog": handshake.catalog,
        "handshakeType": handshake.handshake_type,
        "ownerAccountId": handshake.sender_account_id,
        "senderAccountId": handshake.sender_account_id,
        "senderDisplayName": handshake.sender_display_name,
        "receiverAccountId": handshake.receiver_account_id,
        "associatedResourceId": handshake.associated_resource_id, "detail": detail,
        "createdAt": handshake.created_at, "updatedAt": handshake.updated_at,
        "status": handshake.status,
    })  # fmt: skip


def handshake_answer(handshake: ChannelHandshake) -> dict[str, Any]:
    return {"channelHandshakeDetail": {
        "id": handshake.public_id, "arn": handshake_arn(handshake), "status": handshake.status,
    }}  # fmt: skip


def contract_view(contract: ChannelContract, summary: bool = False) -> dict[str, Any]:
    details = _dates(contract.details)
    if summary:
        keep = ("legalEntityName", "relationshipIdentifier", "programManagementAccountIdentifier",
                "memberAccountIds", "endDate", "supportedServices")  # fmt: skip
        details = {key: value for key, value in details.items() if key in keep}
    value = _present({
        "id": contract.public_id, "arn": contract_arn(contract), "catalog": contract.catalog,
        "contractType": contract.contract_type, "status": contract.status,
        "createdAt": contract.created_at, "updatedAt": contract.updated_at,
        "respondedAt": contract.responded_at,
        "details": {"managedServicesAttestationDetails": details},
    })  # fmt: skip
    if not summary and contract.cancellation_reason:
        value["cancellationReason"] = contract.cancellation_reason
    return value
