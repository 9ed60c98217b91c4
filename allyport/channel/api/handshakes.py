"""Channel handshakes: each side sees its own."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.registry import ApiContext, operation
from allyport.channel.api.common import SERVICE, once, page
from allyport.channel.services import handshakes, listing, output


@operation(SERVICE, "CreateChannelHandshake")
def create_handshake(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        handshake = handshakes.create_handshake(ctx.actor, params["catalog"], params)
        detail = output.handshake_answer(handshake)["channelHandshakeDetail"]
        return {"channelHandshakeDetail": {"id": detail["id"], "arn": detail["arn"]}}

    return once(ctx, params, make)  # type: ignore[no-any-return]


@operation(SERVICE, "AcceptChannelHandshake")
def accept_handshake(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    found = handshakes.accept_handshake(ctx.actor, params["catalog"], params["identifier"])
    return output.handshake_answer(found)


@operation(SERVICE, "RejectChannelHandshake")
def reject_handshake(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    found = handshakes.reject_handshake(ctx.actor, params["catalog"], params["identifier"])
    return output.handshake_answer(found)


@operation(SERVICE, "CancelChannelHandshake")
def cancel_handshake(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    found = handshakes.cancel_handshake(ctx.actor, params["catalog"], params["identifier"])
    return output.handshake_answer(found)


@operation(SERVICE, "ListChannelHandshakes")
def list_handshakes(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    found = listing.list_handshakes(ctx.actor, params)
    return page([output.handshake_summary(h) for h in found.items], found.next_token)
