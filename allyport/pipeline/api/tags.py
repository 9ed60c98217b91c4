"""TagResource, UntagResource and ListTagsForResource (spec §2.14): the resource is
the ARN given, the catalog the one the ARN names."""

from __future__ import annotations

import functools
import re
from typing import Any

from allyport.awsapi.registry import ApiContext, Handler, ResourceNotFound, operation
from allyport.core.errors import NotFound
from allyport.pipeline.shared import tags
from allyport.shapes import selling


def _resource(ctx: ApiContext, params: dict[str, Any]) -> tags.TaggedResource:
    arn = params["ResourceArn"]
    try:
        resource = tags.parse_arn(arn)
    except NotFound:
        named = re.search(r":catalog/([A-Za-z]+)/", arn)
        ctx.authorize(arn, catalog=named.group(1) if named else None)
        raise ResourceNotFound(f"Resource {arn} was not found.") from None
    ctx.authorize(arn, catalog=resource.catalog)
    return resource


def _named_by_arn(handler: Handler) -> Handler:
    """Not found names the ARN (these operations have no Catalog member)."""

    @functools.wraps(handler)
    def run(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any] | None:
        try:
            return handler(ctx, params)
        except NotFound:
            raise ResourceNotFound(f"Resource {params['ResourceArn']} was not found.") from None

    return run


@operation(selling.SERVICE, "TagResource")
@_named_by_arn
def tag_resource(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    tags.tag_resource(ctx.actor, _resource(ctx, params), params["Tags"])
    return {}


@operation(selling.SERVICE, "UntagResource")
@_named_by_arn
def untag_resource(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    tags.untag_resource(ctx.actor, _resource(ctx, params), params["TagKeys"])
    return {}


@operation(selling.SERVICE, "ListTagsForResource")
@_named_by_arn
def list_tags_for_resource(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    return {"Tags": tags.list_tags(ctx.actor, _resource(ctx, params))}
