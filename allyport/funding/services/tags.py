"""Tags of benefit applications (TagResource, UntagResource, ListTagsForResource): the
resource is named by its ARN, whose catalog is the policy's condition key."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Permission, Target
from allyport.core.errors import TOO_MANY, FieldError, NotFound, RuleViolation
from allyport.funding.models import BenefitApplication
from allyport.funding.permissions import LIST_TAGS, TAG_RESOURCE, UNTAG_RESOURCE
from allyport.funding.scope import APPLICATION, ARN, check_catalog, public_id, require_funding
from allyport.funding.services import history
from allyport.pipeline.selectors import linked_account_id

MAX_TAGS = 200


def _tagged(
    actor: Actor, arn: str, permission: Permission, lock: bool = True
) -> BenefitApplication:
    match = ARN.match(arn)
    catalog = match["catalog"] if match else None
    company = require_funding(actor, permission, Target(arn=arn, catalog=catalog))
    if catalog is None or catalog not in ("AWS", "Sandbox"):
        raise NotFound("Resource", arn)
    wanted = public_id(APPLICATION, check_catalog(catalog), arn, linked_account_id(company))
    queryset = BenefitApplication.objects.filter(
        company=company, catalog=catalog, public_id=wanted
    ).select_related("company")
    found = (queryset.select_for_update() if lock else queryset).first()
    if found is None:
        raise NotFound("Resource", arn)
    return found


def tags_of(actor: Actor, arn: str) -> list[dict[str, str]]:
    return list(_tagged(actor, arn, LIST_TAGS, lock=False).tags)


def tag_resource(actor: Actor, arn: str, tags: list[dict[str, Any]]) -> None:
    with transaction.atomic():
        application = _tagged(actor, arn, TAG_RESOURCE)
        merged = {tag["Key"]: tag["Value"] for tag in application.tags}
        merged.update({str(tag["Key"]): str(tag["Value"]) for tag in tags})
        if len(merged) > MAX_TAGS:
            raise RuleViolation([FieldError("tags", _("At most 200 tags."), TOO_MANY)])
        application.tags = [{"Key": k, "Value": v} for k, v in merged.items()]
        application.save(update_fields=["tags"])
        history.record(
            actor,
            "TagResource",
            application,
            {"resourceArn": arn, "tagKeys": sorted(str(t["Key"]) for t in tags)},
        )


def untag_resource(actor: Actor, arn: str, keys: list[str]) -> None:
    with transaction.atomic():
        application = _tagged(actor, arn, UNTAG_RESOURCE)
        application.tags = [tag for tag in application.tags if tag["Key"] not in set(keys)]
        application.save(update_fields=["tags"])
        history.record(actor, "UntagResource", application, {"resourceArn": arn, "tagKeys": keys})
