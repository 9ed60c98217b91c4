"""Tags on channel resources by ARN (TagResource, UntagResource, ListTagsForResource):
program management accounts, relationships, handshakes (the sender's) and contracts.
The ARN's catalog and id name the resource; another company's is not found."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.channel.models import (
    ChannelContract,
    ChannelHandshake,
    ProgramManagementAccount,
    Relationship,
)
from allyport.channel.services.scope import CATALOGS, record, require_channel
from allyport.core.errors import NotFound

_ARN = re.compile(
    r"^arn:[a-z-]+:partnercentral:[a-z0-9-]*:[0-9]{12}:catalog/(?P<catalog>[A-Za-z]+)/"
    r"(?:program-management-account/(?P<pma>pma-[a-z0-9]{13})(?:/relationship/(?P<rs>rs-[a-z0-9]{13}))?"
    r"|channel-handshake/(?P<ch>ch-[a-z0-9]{13})|channel-contract/(?P<cc>cc-[a-z0-9]{13}))$"
)


def _catalog_of(resource_arn: str) -> str:
    match = _ARN.match(resource_arn)
    return match["catalog"] if match else ""


def _company(actor: Actor, operation: str, resource_arn: str) -> Company:
    """The caller's company once the operation is allowed on the ARN; an ARN of no
    catalog served names nothing."""
    catalog = _catalog_of(resource_arn)
    company = require_channel(actor, operation, catalog if catalog in CATALOGS else "AWS",
                              resource_arn)  # fmt: skip
    if catalog not in CATALOGS:
        raise NotFound("Resource", resource_arn)
    return company


def _find(company: Company, resource_arn: str, lock: bool) -> Any:
    match = _ARN.match(resource_arn)
    if match is None:
        raise NotFound("Resource", resource_arn)
    catalog = match["catalog"]
    queryset: Any
    if match["rs"]:
        queryset = Relationship.objects.filter(
            company=company, catalog=catalog, public_id=match["rs"],
            program_management_account__public_id=match["pma"],
        )  # fmt: skip
    elif match["pma"]:
        queryset = ProgramManagementAccount.objects.filter(
            company=company, catalog=catalog, public_id=match["pma"]
        )
    elif match["ch"]:
        queryset = ChannelHandshake.objects.filter(
            sender_company=company, catalog=catalog, public_id=match["ch"]
        )
    else:
        queryset = ChannelContract.objects.filter(
            company=company, catalog=catalog, public_id=match["cc"]
        )
    if lock:
        queryset = queryset.select_for_update()
    found = queryset.first()
    if found is None:
        raise NotFound("Resource", resource_arn)
    return found


def list_tags(actor: Actor, resource_arn: str) -> list[dict[str, str]]:
    company = _company(actor, "ListTagsForResource", resource_arn)
    return list(_find(company, resource_arn, lock=False).tags)


def _save(row: Model, tags: list[dict[str, str]]) -> None:
    row.tags = tags  # type: ignore[attr-defined]
    row.updated_at = timezone.now()  # type: ignore[attr-defined]
    row.save(update_fields=["tags", "updated_at"])


def tag_resource(actor: Actor, resource_arn: str, tags: Iterable[Mapping[str, str]]) -> None:
    company = _company(actor, "TagResource", resource_arn)
    with transaction.atomic():
        row = _find(company, resource_arn, lock=True)
        merged = {item["key"]: item["value"] for item in row.tags}
        merged |= {item["key"]: item["value"] for item in tags}
        _save(row, [{"key": key, "value": value} for key, value in merged.items()])
        record(actor, "TagResource", company=company,
               request={"resourceArn": resource_arn}, resource_arn=resource_arn)  # fmt: skip


def untag_resource(actor: Actor, resource_arn: str, keys: Iterable[str]) -> None:
    company = _company(actor, "UntagResource", resource_arn)
    dropped = set(keys)
    with transaction.atomic():
        row = _find(company, resource_arn, lock=True)
        _save(row, [item for item in row.tags if item["key"] not in dropped])
        record(actor, "UntagResource", company=company,
               request={"resourceArn": resource_arn, "tagKeys": sorted(dropped)},
               resource_arn=resource_arn)  # fmt: skip
