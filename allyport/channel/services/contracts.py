"""Channel contracts (Create/Get/Cancel/List ChannelContract).

CreateChannelContract sends the contract to its signatory: PENDING until signed. In
the Sandbox catalog it is accepted at once, as the model says. A pending contract
created within the last 30 days may be cancelled; any other (CANCELED included) is a
ValidationException; the first cancellation's reason stays.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.channel.models import ChannelContract
from allyport.channel.services.accounts import find_relationship
from allyport.channel.services.scope import (
    account_of,
    arn,
    jsonable,
    plain_id,
    record,
    require_channel,
)
from allyport.core.errors import BAD_STATE, NotFound, refuse

Status = ChannelContract.Status
CANCEL_WINDOW = timedelta(days=30)
ATTESTATION = "managedServicesAttestationPayload"


def contract_arn(contract: ChannelContract) -> str:
    return arn(
        contract.catalog, account_of(contract.company), f"channel-contract/{contract.public_id}"
    )


def find_contract(
    company: Company, catalog: str, identifier: str, lock: bool = False
) -> ChannelContract:
    queryset = ChannelContract.objects.filter(company=company, catalog=catalog).select_related(
        "company__account_link__account"
    )
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    found = queryset.filter(public_id=plain_id(identifier)).first()
    if found is None:
        raise NotFound("ChannelContract", plain_id(identifier))
    return found


def create_contract(actor: Actor, catalog: str, request: Mapping[str, Any]) -> ChannelContract:
    company = require_channel(actor, "CreateChannelContract", catalog)
    payload = dict((request.get("payload") or {}).get(ATTESTATION) or {})
    if not payload:
        raise refuse(f"payload.{ATTESTATION}", _("The contract type needs its payload."))
    now = timezone.now()
    with transaction.atomic():
        rel = find_relationship(company, catalog, payload["programManagementAccountIdentifier"],
                                payload["relationshipIdentifier"])  # noqa: E501  # fmt: skip
        sandbox = catalog == "Sandbox"
        details = jsonable(payload) | {
            "relationshipIdentifier": rel.public_id,
            "programManagementAccountIdentifier": rel.program_management_account.public_id,
        }
        contract = ChannelContract(
            company=company,
            catalog=catalog,
            contract_type=request["contractType"],
            relationship=rel,
            legal_entity_name=payload["legalEntityName"],
            details=details,
            status=Status.ACCEPTED if sandbox else Status.PENDING,
            responded_at=now if sandbox else None,
            tags=list(request.get("tags") or []),
            created_at=now,
            updated_at=now,
        )
        contract.save(force_insert=True)
        record(actor, "CreateChannelContract", company=company,
               request={"catalog": catalog, "contractType": contract.contract_type,
                        "relationshipIdentifier": rel.public_id},
               response={"id": contract.public_id}, resource_arn=contract_arn(contract))  # noqa: E501  # fmt: skip
    return contract


def get_contract(actor: Actor, catalog: str, identifier: str) -> ChannelContract:
    company = require_channel(actor, "GetChannelContract", catalog)
    return find_contract(company, catalog, identifier)


def cancel_contract(
    actor: Actor, catalog: str, identifier: str, reason: str = ""
) -> ChannelContract:
    company = require_channel(actor, "CancelChannelContract", catalog)
    with transaction.atomic():
        contract = find_contract(company, catalog, identifier, lock=True)
        if contract.status != Status.PENDING:
            raise refuse("identifier", _("Only a pending contract can be cancelled; this one is "
                                         "%(status)s.") % {"status": contract.status},
                         code=BAD_STATE)  # noqa: E501  # fmt: skip
        if timezone.now() - contract.created_at > CANCEL_WINDOW:
            raise refuse("identifier", _("A contract can be cancelled within 30 days of its "
                                         "creation."), code=BAD_STATE)  # noqa: E501  # fmt: skip
        contract.status = Status.CANCELED
        contract.cancellation_reason = contract.cancellation_reason or reason
        contract.updated_at = contract.responded_at = timezone.now()
        contract.save()
        record(actor, "CancelChannelContract", company=company,
               request={"catalog": catalog, "identifier": contract.public_id},
               response={"status": contract.status}, resource_arn=contract_arn(contract))  # noqa: E501  # fmt: skip
    return contract


def contracts(actor: Actor, catalog: str, contract_type: str) -> QuerySet[ChannelContract]:
    company = require_channel(actor, "ListChannelContracts", catalog)
    return ChannelContract.objects.filter(
        company=company, catalog=catalog, contract_type=contract_type
    ).select_related("company__account_link__account")
