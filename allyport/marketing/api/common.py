"""What the marketing handlers share: the service name and ClientToken replays."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from allyport.awsapi.idempotency import with_client_token
from allyport.awsapi.registry import ApiContext

SERVICE = "partnercentral-marketing"


def once(ctx: ApiContext, params: dict[str, Any], make: Callable[[], dict[str, Any]]) -> Any:
    """`make()` once per ClientToken (the first answer again for a replay, which the
    handler decides itself since the service is not called then)."""
    token = params.get("ClientToken")
    if token:
        ctx.authorize(catalog=params.get("Catalog"))
    return with_client_token(ctx, token, params, make) if token else make()


def page(items: list[Any], token: str | None, key: str = "Items") -> dict[str, Any]:
    answer: dict[str, Any] = {key: items}
    if token:
        answer["NextToken"] = token
    return answer
