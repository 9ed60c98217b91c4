"""The Account API's tags: TagResource, UntagResource and ListTagsForResource on the
company's own taggable resources — its partner record
(`…:<account>:catalog/<Catalog>/partner/partner-…`) and its connection preferences
(`…:<account>:catalog/<Catalog>/connection-preferences`). Connections and
invitations have ARNs without an account, which the model's TaggableResourceArn
does not admit. Any other ARN, or another company's, is not found."""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Permission
from allyport.accounts.models import Company
from allyport.connections import permissions as perms
from allyport.connections.models import AccountResourceTags
from allyport.connections.services.scope import account_id_of, record, require
from allyport.core.errors import REQUEST, TOO_MANY, NotFound, refuse
from allyport.pipeline.services import check_tags

MAX_TAGS = 200
_ARN = re.compile(
    r"^arn:aws:partnercentral:[a-z0-9-]+:(?P<account>[0-9]{12}):catalog/(?P<catalog>AWS|Sandbox)/"
    r"(?:partner/(?P<partner>partner-[A-Za-z0-9]{13})|connection-preferences)$"
)


def _resource(actor: Actor, arn: str, permission: Permission) -> Company:
    """The caller's company when `arn` names one of its taggable resources."""
    match = _ARN.match(arn)
    catalog = match["catalog"] if match else None
    company = require(actor, permission, arn, catalog)
    if match is None or match["account"] != account_id_of(company):
        raise NotFound("Resource", arn, "PARTNER_NOT_FOUND")
    if match["partner"] is not None and match["partner"] != company.public_id:
        raise NotFound("Resource", arn, "PARTNER_NOT_FOUND")
    return company


def _held(company: Company, arn: str) -> AccountResourceTags:
    held, _made = AccountResourceTags.objects.select_for_update().get_or_create(
        company=company, resource_arn=arn
    )
    return held


def list_tags(actor: Actor, arn: str) -> list[dict[str, str]]:
    company = _resource(actor, arn, perms.LIST_TAGS_FOR_RESOURCE)
    held = AccountResourceTags.objects.filter(company=company, resource_arn=arn).first()
    return list(held.tags) if held is not None else []


def _record(actor: Actor, event: str, company: Company, arn: str, request: dict[str, Any]) -> None:
    record(
        actor, event, company, request={"resourceArn": arn, **request},
        resources=[{"ARN": arn, "type": "AWS::PartnerCentral::Resource"}],
    )  # fmt: skip


@transaction.atomic
def tag_resource(actor: Actor, arn: str, tags: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Add or replace tags by key; at most 200 on a resource."""
    company = _resource(actor, arn, perms.TAG_RESOURCE)
    given = check_tags(tags)
    held = _held(company, arn)
    merged = {tag["Key"]: tag["Value"] for tag in held.tags}
    merged.update({tag["Key"]: tag["Value"] for tag in given})
    if len(merged) > MAX_TAGS:
        raise refuse(
            "Tags",
            _("A resource may carry at most %(count)s tags.") % {"count": MAX_TAGS},
            TOO_MANY,
            REQUEST,
        )
    held.tags = [{"Key": key, "Value": value} for key, value in merged.items()]
    held.save(update_fields=["tags"])
    _record(actor, "TagResource", company, arn, {"tags": given})
    return held.tags


@transaction.atomic
def untag_resource(actor: Actor, arn: str, keys: list[str]) -> list[dict[str, str]]:
    company = _resource(actor, arn, perms.UNTAG_RESOURCE)
    held = _held(company, arn)
    held.tags = [tag for tag in held.tags if tag["Key"] not in set(keys)]
    held.save(update_fields=["tags"])
    _record(actor, "UntagResource", company, arn, {"tagKeys": list(keys)})
    return held.tags


def set_created_tags(company: Company, arn: str, given: list[dict[str, str]]) -> None:
    """The Tags a resource was created with (CreatePartner): part of that creation,
    which records itself."""
    AccountResourceTags.objects.update_or_create(
        company=company, resource_arn=arn, defaults={"tags": given}
    )
