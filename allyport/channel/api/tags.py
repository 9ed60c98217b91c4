"""Tags on channel resources."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.registry import ApiContext, operation
from allyport.channel.api.common import SERVICE
from allyport.channel.services import tags


@operation(SERVICE, "ListTagsForResource")
def list_tags(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    return {"tags": tags.list_tags(ctx.actor, params["resourceArn"])}


@operation(SERVICE, "TagResource")
def tag_resource(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    tags.tag_resource(ctx.actor, params["resourceArn"], params["tags"])
    return {}


@operation(SERVICE, "UntagResource")
def untag_resource(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    tags.untag_resource(ctx.actor, params["resourceArn"], params["tagKeys"])
    return {}
