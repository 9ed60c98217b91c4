"""Channel handshakes between companies (Create/Accept/Reject/Cancel, List).

A handshake is about one of the sender's resources: a program management account
(PROGRAM_MANAGEMENT_ACCOUNT: its AWS account is asked to agree) or a relationship
(START_/REVOKE_SERVICE_PERIOD: the relationship's associated account is asked). The
receiver is the company that linked that account. The sender lists it as SENDER and
may cancel it while pending; the receiver lists it as RECEIVER and may accept or reject
it while pending. Anyone else finds nothing. Accepting a program management account
handshake activates the account.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.channel.models import ChannelHandshake, ProgramManagementAccount, Relationship
from allyport.channel.services.accounts import find_pma
from allyport.channel.services.scope import (
    account_of,
    arn,
    company_for_account,
    jsonable,
    plain_id,
    record,
    require_channel,
)
from allyport.core.errors import BAD_STATE, REQUEST, NotFound, refuse

Status = ChannelHandshake.Status
PMA_TYPE = "PROGRAM_MANAGEMENT_ACCOUNT"
PAYLOAD_MEMBER = {
    "START_SERVICE_PERIOD": "startServicePeriodPayload",
    "REVOKE_SERVICE_PERIOD": "revokeServicePeriodPayload",
}
DETAIL_MEMBER = {
    "START_SERVICE_PERIOD": "startServicePeriodHandshakeDetail",
    "REVOKE_SERVICE_PERIOD": "revokeServicePeriodHandshakeDetail",
    PMA_TYPE: "programManagementAccountHandshakeDetail",
}


def handshake_arn(handshake: ChannelHandshake) -> str:
    return arn(
        handshake.catalog, handshake.sender_account_id, f"channel-handshake/{handshake.public_id}"
    )


def _subject(
    company: Company, catalog: str, kind: str, identifier: str
) -> tuple[str, str, dict[str, Any]]:
    """(associated resource id, receiving account, detail) of the handshake's subject."""
    resource = plain_id(identifier)
    if kind == PMA_TYPE:
        if not resource.startswith("pma-"):
            raise refuse("associatedResourceIdentifier",
                         _("A program management account handshake names a pma- account."),
                         reason=REQUEST)  # noqa: E501  # fmt: skip
        pma = find_pma(company, catalog, resource)
        return pma.public_id, pma.account_id, {"program": pma.program}
    if not resource.startswith("rs-"):
        raise refuse("associatedResourceIdentifier",
                     _("A service period handshake names an rs- relationship."), reason=REQUEST)  # noqa: E501  # fmt: skip
    rel = Relationship.objects.filter(company=company, catalog=catalog, public_id=resource).first()
    if rel is None:
        raise NotFound("Relationship", resource)
    if not rel.associated_account_id:
        raise refuse("associatedResourceIdentifier",
                     _("The relationship has no associated account to ask."), code=BAD_STATE)  # noqa: E501  # fmt: skip
    return rel.public_id, rel.associated_account_id, {}


def _detail(kind: str, request: Mapping[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    member = PAYLOAD_MEMBER.get(kind)
    payload = dict((request.get("payload") or {}).get(member) or {}) if member else {}
    if member and not payload:
        raise refuse(f"payload.{member}", _("This handshake type needs its payload."),
                     reason=REQUEST)  # noqa: E501  # fmt: skip
    return {
        **base,
        **{k: v for k, v in payload.items() if k != "programManagementAccountIdentifier"},
    }


def create_handshake(actor: Actor, catalog: str, request: Mapping[str, Any]) -> ChannelHandshake:
    company = require_channel(actor, "CreateChannelHandshake", catalog)
    kind = request["handshakeType"]
    now = timezone.now()
    with transaction.atomic():
        resource, receiver_account, base = _subject(
            company, catalog, kind, request["associatedResourceIdentifier"]
        )
        handshake = ChannelHandshake(
            catalog=catalog,
            handshake_type=kind,
            sender_company=company,
            sender_account_id=account_of(company),
            sender_display_name=company.legal_name[:255],
            receiver_company=company_for_account(receiver_account),
            receiver_account_id=receiver_account,
            associated_resource_id=resource,
            detail=jsonable(_detail(kind, request, base)),
            tags=list(request.get("tags") or []),
            created_at=now,
            updated_at=now,
        )
        handshake.save(force_insert=True)
        record(actor, "CreateChannelHandshake", company=company,
               request={"catalog": catalog, "handshakeType": kind,
                        "associatedResourceIdentifier": resource},
               response={"id": handshake.public_id}, resource_arn=handshake_arn(handshake))  # noqa: E501  # fmt: skip
    return handshake


def _visible(company: Company, catalog: str) -> QuerySet[ChannelHandshake]:
    return ChannelHandshake.objects.filter(
        Q(sender_company=company) | Q(receiver_company=company), catalog=catalog
    )


def _answer(actor: Actor, operation: str, catalog: str, identifier: str, status: str,
            side: str) -> ChannelHandshake:  # noqa: E501  # fmt: skip
    """Accept or reject (the receiver) or cancel (the sender) a pending handshake."""
    company = require_channel(actor, operation, catalog)
    with transaction.atomic():
        queryset = ChannelHandshake.objects.select_for_update().filter(
            catalog=catalog, public_id=plain_id(identifier), **{side: company}
        )
        handshake = queryset.first()
        if handshake is None:
            raise NotFound("ChannelHandshake", plain_id(identifier))
        if handshake.status != Status.PENDING:
            raise refuse("identifier", _("Only a pending handshake can be answered; this one is "
                                         "%(status)s.") % {"status": handshake.status},
                         code=BAD_STATE)  # noqa: E501  # fmt: skip
        handshake.status = status
        handshake.updated_at = timezone.now()
        handshake.save(update_fields=["status", "updated_at"])
        if status == Status.ACCEPTED and handshake.handshake_type == PMA_TYPE:
            _activate(handshake)
        record(actor, operation, company=company,
               request={"catalog": catalog, "identifier": handshake.public_id},
               response={"status": status}, resource_arn=handshake_arn(handshake))  # noqa: E501  # fmt: skip
    return handshake


def _activate(handshake: ChannelHandshake) -> None:
    ProgramManagementAccount.objects.filter(
        company=handshake.sender_company,
        catalog=handshake.catalog,
        public_id=handshake.associated_resource_id,
        status=ProgramManagementAccount.Status.PENDING,
    ).update(
        status=ProgramManagementAccount.Status.ACTIVE,
        start_date=handshake.updated_at,
        updated_at=handshake.updated_at,
    )


def accept_handshake(actor: Actor, catalog: str, identifier: str) -> ChannelHandshake:
    return _answer(actor, "AcceptChannelHandshake", catalog, identifier, Status.ACCEPTED,
                   "receiver_company")  # noqa: E501  # fmt: skip


def reject_handshake(actor: Actor, catalog: str, identifier: str) -> ChannelHandshake:
    return _answer(actor, "RejectChannelHandshake", catalog, identifier, Status.REJECTED,
                   "receiver_company")  # noqa: E501  # fmt: skip


def cancel_handshake(actor: Actor, catalog: str, identifier: str) -> ChannelHandshake:
    return _answer(actor, "CancelChannelHandshake", catalog, identifier, Status.CANCELED,
                   "sender_company")  # noqa: E501  # fmt: skip


def handshakes(
    actor: Actor, catalog: str, kind: str, participant: str
) -> QuerySet[ChannelHandshake]:
    """The caller's handshakes of one type, as SENDER or RECEIVER."""
    company = require_channel(actor, "ListChannelHandshakes", catalog)
    side = "sender_company" if participant == "SENDER" else "receiver_company"
    return ChannelHandshake.objects.filter(catalog=catalog, handshake_type=kind, **{side: company})


def find_visible(company: Company, catalog: str, identifier: str) -> ChannelHandshake:
    found = _visible(company, catalog).filter(public_id=plain_id(identifier)).first()
    if found is None:
        raise NotFound("ChannelHandshake", plain_id(identifier))
    return found
