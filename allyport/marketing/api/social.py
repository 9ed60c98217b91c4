"""Social connections (a recorded authorization flow; no social network is reached)."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.registry import ApiContext, operation
from allyport.marketing.api.common import SERVICE, once, page
from allyport.marketing.services import social


@operation(SERVICE, "CreateSocialConnectionAuthorizationUrl")
def create_authorization_url(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    url = social.create_authorization_url(ctx.actor, params["Catalog"], params["Platform"])
    return {"Platform": params["Platform"], "AuthorizationUrl": url}


@operation(SERVICE, "ListSocialConnections")
def list_connections(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    found = social.list_connections(ctx.actor, params)
    return page([social.summary(c) for c in found.items], found.next_token)


@operation(SERVICE, "DeleteSocialConnection")
def delete_connection(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        social.delete_connection(ctx.actor, params["Catalog"], params["Identifier"])
        return {}

    return once(ctx, params, make)  # type: ignore[no-any-return]
