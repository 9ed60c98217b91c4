"""Tags on selling resources, by ARN (TagResource, UntagResource, ListTagsForResource;
spec §2.14).

A taggable ARN is `arn:<partition>:partnercentral:<region>:<account>:catalog/<Catalog>/
<type>/<id>`. The types served: `opportunity` (the tags CreateOpportunity stored),
`engagement` (each member company keeps its own tags on a shared engagement),
`resource-snapshot-job`, the engagement tasks, and the types other apps register
(`register_taggable`, from their AppConfig.ready: the customers app's
`customer-account`). The account must be the
caller's own (engagements are shared and their ARNs name no account, so any
account is accepted for them); everything else — another company's resource,
the other catalog's, an unknown type or id — is not found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Permission, Target
from allyport.core.errors import DUPLICATE, INVALID, REQUEST, TOO_MANY, NotFound, refuse
from allyport.pipeline.engagements import engagement_tasks, opportunity_from_engagement
from allyport.pipeline.engagements import selectors as engagements_selectors
from allyport.pipeline.engagements.models import EngagementTask
from allyport.pipeline.enums import Catalog
from allyport.pipeline.shared.arns import linked_account_id
from allyport.pipeline.shared.console_audit import record_console
from allyport.pipeline.shared.models import ResourceTagSet
from allyport.pipeline.shared.permissions import (
    LIST_TAGS_FOR_RESOURCE,
    TAG_RESOURCE,
    UNTAG_RESOURCE,
)
from allyport.pipeline.shared.scope import company_of, find_opportunity, require_pipeline
from allyport.pipeline.snapshots.models import ResourceSnapshotJob

MAX_TAGS = 200  # per resource, as the model's TagList allows
RESERVED_PREFIX = "aws:"
_ARN = re.compile(
    r"^arn:[^:]+:partnercentral:[^:]*:(?P<account>[0-9]{12}):catalog/(?P<catalog>[A-Za-z]+)/"
    r"(?P<type>[\w+=,.@-]+)/(?P<id>[\w+=,.@-]+)$"
)
_TASK_TYPES = {
    "engagement-by-accepting-invitation-task": EngagementTask.Kind.ACCEPTING_INVITATION,
    "engagement-from-opportunity-task": EngagementTask.Kind.FROM_OPPORTUNITY,
}


class _Tagged(Protocol):
    pk: Any
    tags: Any


# resource type -> find(actor, catalog, identifier, lock=...) of a row with a `tags` column.
FindTaggable = Callable[..., _Tagged]
_REGISTERED: dict[str, FindTaggable] = {}


def register_taggable(resource_type: str, find: FindTaggable) -> None:
    """Make another app's resources taggable by ARN: `find(actor, catalog, identifier,
    lock=bool)` returns the caller's row (a model instance with a `tags` JSON list) or
    raises NotFound."""
    _REGISTERED[resource_type] = find


@dataclass(frozen=True)
class TaggedResource:
    """A resource named by an ARN: its catalog, and how to read and write its tags."""

    arn: str
    catalog: str
    resource_type: str
    identifier: str


@dataclass
class _Holder:
    tags: list[dict[str, str]]
    save: Callable[[list[dict[str, str]]], object]


def parse_arn(arn: str) -> TaggedResource:
    """The catalog, type and id an ARN names (NotFound when it names nothing we keep)."""
    match = _ARN.match(arn)
    if match is None or match["catalog"] not in Catalog.values:
        raise NotFound("Resource", arn)
    return TaggedResource(arn, match["catalog"], match["type"], match["id"])


def _account_of(arn: str) -> str:
    match = _ARN.match(arn)
    return match["account"] if match else ""


def _holder(
    actor: Actor, resource: TaggedResource, permission: Permission, *, lock: bool
) -> _Holder:
    """The resource's tags, once `permission`'s operation is authorized on its ARN."""
    target = Target(arn=resource.arn, catalog=resource.catalog)
    company = require_pipeline(actor, permission, target)
    kind, identifier, catalog = resource.resource_type, resource.identifier, resource.catalog
    if kind != "engagement" and _account_of(resource.arn) != linked_account_id(company):
        raise NotFound("Resource", resource.arn)
    if kind == "opportunity":
        opportunity = find_opportunity(actor, catalog, identifier, lock=lock)
        return _Holder(
            list(opportunity.tags or []),
            lambda tags: type(opportunity).objects.filter(pk=opportunity.pk).update(tags=tags),
        )
    if kind == "engagement":
        engagement = engagements_selectors.find_engagement(actor, catalog, identifier)
        key: dict[str, Any] = {
            "company": company,
            "catalog": catalog,
            "resource_type": kind,
            "resource_id": engagement.public_id,
        }
        rows = ResourceTagSet.objects.filter(**key)
        row = (rows.select_for_update() if lock else rows).first()
        return _Holder(
            list(row.tags or []) if row is not None else [],
            lambda tags: ResourceTagSet.objects.update_or_create(**key, defaults={"tags": tags}),
        )
    if kind == "resource-snapshot-job":
        jobs = ResourceSnapshotJob.objects.filter(company=company, catalog=catalog)
        job = (jobs.select_for_update() if lock else jobs).filter(public_id=identifier).first()
        if job is None:
            raise NotFound("ResourceSnapshotJob", identifier)
        return _Holder(
            list(job.tags or []),
            lambda tags: ResourceSnapshotJob.objects.filter(pk=job.pk).update(tags=tags),
        )
    if kind == "opportunity-from-engagement-task":
        found_tasks = opportunity_from_engagement.tasks(actor, catalog).filter(public_id=identifier)
        converting = (found_tasks.select_for_update() if lock else found_tasks).first()
        if converting is None:
            raise NotFound("Task", identifier)
        return _Holder(
            list(converting.tags or []),
            lambda tags: found_tasks.update(tags=tags),
        )
    if kind in _REGISTERED:
        tagged: Any = _REGISTERED[kind](actor, catalog, identifier, lock=lock)
        return _Holder(
            list(tagged.tags or []),
            lambda tags: type(tagged).objects.filter(pk=tagged.pk).update(tags=tags),
        )
    if kind in _TASK_TYPES:
        found = engagement_tasks.tasks(actor, catalog, _TASK_TYPES[kind]).filter(
            public_id=identifier
        )
        task = (found.select_for_update() if lock else found).first()
        if task is None:
            raise NotFound("Task", identifier)
        return _Holder(
            list(task.tags or []),
            lambda tags: EngagementTask.objects.filter(pk=task.pk).update(tags=tags),
        )
    raise NotFound("Resource", resource.arn)


def check_tags(tags: Iterable[dict[str, Any]], field: str = "Tags") -> list[dict[str, str]]:
    """Tags as given, once keys are unique and none is reserved (aws:…)."""
    result: list[dict[str, str]] = []
    seen: set[str] = set()
    for index, tag in enumerate(tags):
        key, value = str(tag["Key"]), str(tag["Value"])
        if key.lower().startswith(RESERVED_PREFIX):
            raise refuse(
                f"{field}[{index}].Key",
                _("Tag keys starting with aws: are reserved."),
                INVALID,
                reason=REQUEST,
            )
        if key in seen:
            raise refuse(
                f"{field}[{index}].Key", _("Each tag key may appear once."), DUPLICATE, REQUEST
            )
        seen.add(key)
        result.append({"Key": key, "Value": value})
    return result


def list_tags(actor: Actor, resource: TaggedResource) -> list[dict[str, str]]:
    return _holder(actor, resource, LIST_TAGS_FOR_RESOURCE, lock=False).tags


def _record(actor: Actor, event: str, resource: TaggedResource, request: dict[str, Any]) -> None:
    """The change's audit record, whoever makes it (folded into the API call's own)."""
    record_console(
        actor, event, company=company_of(actor), request={"resourceArn": resource.arn, **request}
    )


def tag_resource(actor: Actor, resource: TaggedResource, tags: Iterable[dict[str, Any]]) -> None:
    """Add tags; a key already there takes the new value. At most 200 in all."""
    given = check_tags(tags)
    with transaction.atomic():
        holder = _holder(actor, resource, TAG_RESOURCE, lock=True)
        merged = {tag["Key"]: tag["Value"] for tag in holder.tags}
        merged.update({tag["Key"]: tag["Value"] for tag in given})
        if len(merged) > MAX_TAGS:
            raise refuse(
                "Tags",
                _("A resource has at most %(count)d tags.") % {"count": MAX_TAGS},
                TOO_MANY,
            )
        holder.save([{"Key": key, "Value": value} for key, value in merged.items()])
        _record(actor, "TagResource", resource, {"tags": given})


def untag_resource(actor: Actor, resource: TaggedResource, keys: Iterable[str]) -> None:
    """Remove the tags with these keys (keys the resource does not have are ignored)."""
    dropped = set(keys)
    with transaction.atomic():
        holder = _holder(actor, resource, UNTAG_RESOURCE, lock=True)
        holder.save([tag for tag in holder.tags if tag["Key"] not in dropped])
        _record(actor, "UntagResource", resource, {"tagKeys": sorted(dropped)})
