"""TagResource, UntagResource, ListTagsForResource (lower-case members in this model)."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.registry import ApiContext, operation
from allyport.funding.services import tags

SERVICE = "partnercentral-benefits"


@operation(SERVICE, "TagResource")
def tag_resource(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    tags.tag_resource(ctx.actor, params["resourceArn"], params["tags"])
    return {}


@operation(SERVICE, "UntagResource")
def untag_resource(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    tags.untag_resource(ctx.actor, params["resourceArn"], params["tagKeys"])
    return {}


@operation(SERVICE, "ListTagsForResource")
def list_tags_for_resource(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    return {"tags": tags.tags_of(ctx.actor, params["resourceArn"])}
