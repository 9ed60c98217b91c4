"""Tags on campaigns by ARN (TagResource, UntagResource, ListTagsForResource); the
ARN's catalog and id name the campaign, another company's is not found."""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.core.errors import NotFound, QuotaExceeded
from allyport.marketing.models import Campaign
from allyport.marketing.services.scope import CATALOGS, record, require_marketing

MAX_TAGS = 50
_ARN = re.compile(
    r"^arn:[\w+=/,.@-]+:partnercentral:[\w+=/,.@-]*:[0-9]{12}:catalog/(?P<catalog>[A-Za-z]+)/"
    r"campaign/(?P<id>camp-[A-Za-z0-9]{13})$"
)


def _campaign(actor: Actor, operation: str, resource_arn: str, lock: bool = False) -> Campaign:
    match = _ARN.match(resource_arn)
    catalog = match["catalog"] if match else ""
    company = require_marketing(
        actor, operation, catalog if catalog in CATALOGS else "AWS", resource_arn
    )
    if match is None or catalog not in CATALOGS:
        raise NotFound("Campaign", resource_arn)
    found = Campaign.objects.filter(company=company, catalog=catalog, public_id=match["id"])
    campaign = (found.select_for_update() if lock else found).first()
    if campaign is None:
        raise NotFound("Campaign", resource_arn)
    return campaign


def list_tags(actor: Actor, resource_arn: str) -> list[dict[str, str]]:
    campaign = _campaign(actor, "ListTagsForResource", resource_arn)
    return [{"Key": key, "Value": value} for key, value in sorted(campaign.tags.items())]


def tag_resource(actor: Actor, resource_arn: str, tags: list[dict[str, Any]]) -> None:
    with transaction.atomic():
        campaign = _campaign(actor, "TagResource", resource_arn, lock=True)
        merged = {**campaign.tags, **{t["Key"]: t["Value"] for t in tags}}
        if len(merged) > MAX_TAGS:
            raise QuotaExceeded(_("A campaign has at most %(n)s tags.") % {"n": MAX_TAGS})
        campaign.tags = merged
        campaign.save(update_fields=["tags", "updated_at"])
        record(
            actor,
            "TagResource",
            company=campaign.company,
            request={"ResourceArn": resource_arn, "Tags": tags},
            resource_arn=resource_arn,
        )


def untag_resource(actor: Actor, resource_arn: str, keys: list[str]) -> None:
    with transaction.atomic():
        campaign = _campaign(actor, "UntagResource", resource_arn, lock=True)
        campaign.tags = {k: v for k, v in campaign.tags.items() if k not in set(keys)}
        campaign.save(update_fields=["tags", "updated_at"])
        record(
            actor,
            "UntagResource",
            company=campaign.company,
            request={"ResourceArn": resource_arn, "TagKeys": keys},
            resource_arn=resource_arn,
        )
