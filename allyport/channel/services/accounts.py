"""Program management accounts and their relationships (Create/Update/Delete/List
ProgramManagementAccount, Create/Get/Update/Delete/List Relationship).

A program management account names an AWS account the company runs a channel program
from. It is ACTIVE at once when that account is the company's own linked account;
otherwise it stays PENDING until the account's company accepts the
PROGRAM_MANAGEMENT_ACCOUNT handshake (`handshakes.py`). `revision` is the optimistic
token of updates: a stale one is a ConflictException.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.channel.models import ProgramManagementAccount, Relationship
from allyport.channel.services.scope import (
    account_of,
    arn,
    plain_id,
    record,
    require_channel,
)
from allyport.core.errors import Conflict, NotFound

Status = ProgramManagementAccount.Status


def pma_arn(pma: ProgramManagementAccount) -> str:
    return arn(pma.catalog, account_of(pma.company), f"program-management-account/{pma.public_id}")


def relationship_arn(rel: Relationship) -> str:
    pma = rel.program_management_account
    return f"{pma_arn(pma)}/relationship/{rel.public_id}"


def _pmas(company: Company, catalog: str) -> QuerySet[ProgramManagementAccount]:
    return ProgramManagementAccount.objects.filter(company=company, catalog=catalog)


def find_pma(
    company: Company, catalog: str, identifier: str, lock: bool = False
) -> ProgramManagementAccount:
    queryset = _pmas(company, catalog).select_related("company__account_link__account")
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    found = queryset.filter(public_id=plain_id(identifier)).first()
    if found is None:
        raise NotFound("ProgramManagementAccount", plain_id(identifier))
    return found


def find_relationship(
    company: Company, catalog: str, pma_identifier: str, identifier: str, lock: bool = False
) -> Relationship:
    queryset = Relationship.objects.filter(
        company=company,
        catalog=catalog,
        program_management_account__public_id=plain_id(pma_identifier),
        public_id=plain_id(identifier),
    ).select_related("program_management_account__company__account_link__account")
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    found = queryset.first()
    if found is None:
        raise NotFound("Relationship", plain_id(identifier))
    return found


def _check_revision(row: Any, revision: Any, kind: str) -> None:
    if revision is not None and str(revision) != str(row.revision):
        raise Conflict(
            _("The %(kind)s changed since you read it (its revision is %(revision)s).")
            % {"kind": kind, "revision": row.revision},
            kind,
            row.public_id,
        )


def create_pma(actor: Actor, catalog: str, request: Mapping[str, Any]) -> ProgramManagementAccount:
    company = require_channel(actor, "CreateProgramManagementAccount", catalog)
    now = timezone.now()
    own = request["accountId"] == account_of(company)
    pma = ProgramManagementAccount(
        company=company,
        catalog=catalog,
        program=request["program"],
        kind=request.get("type") or "",
        display_name=request["displayName"],
        account_id=request["accountId"],
        status=Status.ACTIVE if own else Status.PENDING,
        start_date=now if own else None,
        tags=list(request.get("tags") or []),
        created_at=now,
        updated_at=now,
    )
    try:
        with transaction.atomic():
            pma.save(force_insert=True)
            record(actor, "CreateProgramManagementAccount", company=company,
                   request={"catalog": catalog, "program": pma.program,
                            "accountId": pma.account_id},
                   response={"id": pma.public_id}, resource_arn=pma_arn(pma))  # fmt: skip
    except IntegrityError:
        raise Conflict(
            _("This account already has a program management account for the program."),
            "ProgramManagementAccount",
            pma.account_id,
        ) from None
    return pma


def update_pma(
    actor: Actor, catalog: str, identifier: str, request: Mapping[str, Any]
) -> ProgramManagementAccount:
    company = require_channel(actor, "UpdateProgramManagementAccount", catalog)
    with transaction.atomic():
        pma = find_pma(company, catalog, identifier, lock=True)
        _check_revision(pma, request.get("revision"), "ProgramManagementAccount")
        if request.get("displayName"):
            pma.display_name = request["displayName"]
        pma.revision += 1
        pma.updated_at = timezone.now()
        pma.save()
        record(actor, "UpdateProgramManagementAccount", company=company,
               request={"catalog": catalog, "identifier": pma.public_id},
               resource_arn=pma_arn(pma))  # fmt: skip
    return pma


def delete_pma(actor: Actor, catalog: str, identifier: str) -> None:
    company = require_channel(actor, "DeleteProgramManagementAccount", catalog)
    with transaction.atomic():
        pma = find_pma(company, catalog, identifier, lock=True)
        if pma.relationships.exists():
            raise Conflict(
                _("Delete the account's relationships first."),
                "ProgramManagementAccount",
                pma.public_id,
            )
        record(actor, "DeleteProgramManagementAccount", company=company,
               request={"catalog": catalog, "identifier": pma.public_id},
               resource_arn=pma_arn(pma))  # fmt: skip
        pma.delete()


def pmas(actor: Actor, catalog: str) -> QuerySet[ProgramManagementAccount]:
    company = require_channel(actor, "ListProgramManagementAccounts", catalog)
    return _pmas(company, catalog).select_related("company__account_link__account")


def create_relationship(actor: Actor, catalog: str, request: Mapping[str, Any]) -> Relationship:
    company = require_channel(actor, "CreateRelationship", catalog)
    now = timezone.now()
    with transaction.atomic():
        pma = find_pma(company, catalog, request["programManagementAccountIdentifier"])
        rel = Relationship(
            company=company,
            catalog=catalog,
            program_management_account=pma,
            association_type=request["associationType"],
            associated_account_id=request.get("associatedAccountId") or "",
            display_name=request["displayName"],
            resale_account_model=request.get("resaleAccountModel") or "",
            sector=request["sector"],
            account_scope=request.get("accountScope") or "",
            requested_support_plan=dict(request.get("requestedSupportPlan") or {}),
            start_date=request.get("startDate") or now,
            tags=list(request.get("tags") or []),
            created_at=now,
            updated_at=now,
        )
        rel.save(force_insert=True)
        record(actor, "CreateRelationship", company=company,
               request={"catalog": catalog, "programManagementAccountIdentifier": pma.public_id,
                        "associationType": rel.association_type},
               response={"id": rel.public_id}, resource_arn=relationship_arn(rel))  # fmt: skip
    return rel


def get_relationship(actor: Actor, catalog: str, pma_id: str, identifier: str) -> Relationship:
    company = require_channel(actor, "GetRelationship", catalog)
    return find_relationship(company, catalog, pma_id, identifier)


def update_relationship(
    actor: Actor, catalog: str, pma_id: str, identifier: str, request: Mapping[str, Any]
) -> Relationship:
    company = require_channel(actor, "UpdateRelationship", catalog)
    with transaction.atomic():
        rel = find_relationship(company, catalog, pma_id, identifier, lock=True)
        _check_revision(rel, request.get("revision"), "Relationship")
        if request.get("displayName"):
            rel.display_name = request["displayName"]
        if request.get("requestedSupportPlan"):
            rel.requested_support_plan = dict(request["requestedSupportPlan"])
        rel.revision += 1
        rel.updated_at = timezone.now()
        rel.save()
        record(actor, "UpdateRelationship", company=company,
               request={"catalog": catalog, "identifier": rel.public_id},
               resource_arn=relationship_arn(rel))  # fmt: skip
    return rel


def delete_relationship(actor: Actor, catalog: str, pma_id: str, identifier: str) -> None:
    company = require_channel(actor, "DeleteRelationship", catalog)
    with transaction.atomic():
        rel = find_relationship(company, catalog, pma_id, identifier, lock=True)
        if rel.contracts.filter(status__in=("PENDING", "ACCEPTED")).exists():
            raise Conflict(
                _("The relationship has a pending or accepted channel contract."),
                "Relationship",
                rel.public_id,
            )
        record(actor, "DeleteRelationship", company=company,
               request={"catalog": catalog, "identifier": rel.public_id},
               resource_arn=relationship_arn(rel))  # fmt: skip
        rel.delete()


def relationships(actor: Actor, catalog: str) -> QuerySet[Relationship]:
    company = require_channel(actor, "ListRelationships", catalog)
    return Relationship.objects.filter(company=company, catalog=catalog).select_related(
        "program_management_account__company__account_link__account"
    )
