"""What the channel handlers share: the service name and ClientToken replays."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from allyport.awsapi.idempotency import with_client_token
from allyport.awsapi.registry import ApiContext

SERVICE = "partnercentral-channel"


def once(ctx: ApiContext, params: dict[str, Any], make: Callable[[], dict[str, Any]]) -> Any:
    """`make()` once per clientToken (the first answer again for a replay, which the
    handler decides itself since the service is not called then)."""
    token = params.get("clientToken")
    if token:
        ctx.authorize(catalog=params.get("catalog"))
    return with_client_token(ctx, token, params, make) if token else make()


def page(items: list[Any], token: str | None) -> dict[str, Any]:
    return {"items": items, "nextToken": token}
