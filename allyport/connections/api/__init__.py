"""Account API handlers of connections, connection preferences and tags (registered on
import; listed in `awsapi.apps.HANDLER_MODULES`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from allyport.awsapi.idempotency import with_client_token
from allyport.awsapi.registry import ApiContext, operation
from allyport.connections import output, selectors
from allyport.connections.api import partners  # noqa: F401 - registers CreatePartner
from allyport.connections.services import connections, invitations, preferences, tags
from allyport.connections.services.scope import connection_arn, invitation_arn

SERVICE = "partnercentral-account"


def _once(ctx: ApiContext, params: dict[str, Any], run: Callable[[], dict[str, Any]]) -> Any:
    """`run` once per ClientToken (a replay answers the first call's result)."""
    token = params.get("ClientToken")
    return with_client_token(ctx, token, params, run) if token else run()


def _company(ctx: ApiContext) -> Any:
    return ctx.actor.company


def _connection_view(ctx: ApiContext, connection: Any) -> dict[str, Any]:
    company = _company(ctx)
    return output.connection_view(selectors.loaded(connection, company), company)


@operation(SERVICE, "CreateConnectionInvitation")
def create_connection_invitation(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)

    def create() -> dict[str, Any]:
        made = invitations.create_invitation(
            ctx.actor, catalog, receiver=params["ReceiverIdentifier"],
            connection_type=params["ConnectionType"], email=params["Email"],
            name=params["Name"], message=params["Message"],
        )  # fmt: skip
        return output.invitation_view(made, _company(ctx))

    return _once(ctx, params, create)  # type: ignore[no-any-return]


@operation(SERVICE, "GetConnectionInvitation")
def get_connection_invitation(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    found = selectors.get_invitation(ctx.actor, params["Catalog"], params["Identifier"])
    return output.invitation_view(found, _company(ctx))


@operation(SERVICE, "ListConnectionInvitations")
def list_connection_invitations(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    page = selectors.list_invitations(
        ctx.actor, params["Catalog"], size=params.get("MaxResults") or selectors.DEFAULT_PAGE,
        token=params.get("NextToken"), connection_type=params.get("ConnectionType"),
        others=params.get("OtherParticipantIdentifiers"),
        participant_type=params.get("ParticipantType"), status=params.get("Status"),
    )  # fmt: skip
    company = _company(ctx)
    return {
        "ConnectionInvitationSummaries": [
            output.invitation_summary(item, company) for item in page.items
        ],
        "NextToken": page.next_token,
    }


def _answer(
    ctx: ApiContext, params: dict[str, Any], answer: Callable[[], Any], view: Callable[[Any], Any]
) -> Any:
    catalog, identifier = params["Catalog"], params["Identifier"]
    ctx.authorize(invitation_arn(catalog, identifier), catalog=catalog)
    return _once(ctx, params, lambda: view(answer()))


@operation(SERVICE, "AcceptConnectionInvitation")
def accept_connection_invitation(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    return _answer(  # type: ignore[no-any-return]
        ctx, params,
        lambda: invitations.accept_invitation(ctx.actor, params["Catalog"], params["Identifier"]),
        lambda made: {"Connection": _connection_view(ctx, made)},
    )  # fmt: skip


@operation(SERVICE, "RejectConnectionInvitation")
def reject_connection_invitation(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    return _answer(  # type: ignore[no-any-return]
        ctx, params,
        lambda: invitations.reject_invitation(
            ctx.actor, params["Catalog"], params["Identifier"], params.get("Reason") or ""),
        lambda made: output.invitation_view(made, _company(ctx)),
    )  # fmt: skip


@operation(SERVICE, "CancelConnectionInvitation")
def cancel_connection_invitation(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    return _answer(  # type: ignore[no-any-return]
        ctx, params,
        lambda: invitations.cancel_invitation(ctx.actor, params["Catalog"], params["Identifier"]),
        lambda made: output.invitation_view(made, _company(ctx)),
    )  # fmt: skip


@operation(SERVICE, "GetConnection")
def get_connection(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    found = selectors.get_connection(ctx.actor, params["Catalog"], params["Identifier"])
    return output.connection_view(found, _company(ctx))


@operation(SERVICE, "ListConnections")
def list_connections(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    page = selectors.list_connections(
        ctx.actor, params["Catalog"], size=params.get("MaxResults") or selectors.DEFAULT_PAGE,
        token=params.get("NextToken"), connection_type=params.get("ConnectionType"),
        others=params.get("OtherParticipantIdentifiers"),
    )  # fmt: skip
    company = _company(ctx)
    return {
        "ConnectionSummaries": [output.connection_summary(item, company) for item in page.items],
        "NextToken": page.next_token,
    }


@operation(SERVICE, "CancelConnection")
def cancel_connection(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = params["Catalog"], params["Identifier"]
    ctx.authorize(connection_arn(catalog, identifier), catalog=catalog)

    def cancel() -> dict[str, Any]:
        canceled = connections.cancel_connection(
            ctx.actor, catalog, identifier, params["ConnectionType"], params["Reason"]
        )
        return _connection_view(ctx, canceled)

    return _once(ctx, params, cancel)  # type: ignore[no-any-return]


@operation(SERVICE, "GetConnectionPreferences")
def get_connection_preferences(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    prefs = preferences.get_preferences(ctx.actor, params["Catalog"])
    return output.preferences_view(prefs, ctx.account_id)


@operation(SERVICE, "UpdateConnectionPreferences")
def update_connection_preferences(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    prefs = preferences.update_preferences(
        ctx.actor, params["Catalog"], revision=params["Revision"],
        access_type=params["AccessType"],
        excluded=params.get("ExcludedParticipantIdentifiers") or [],
    )  # fmt: skip
    return output.preferences_view(prefs, ctx.account_id)


@operation(SERVICE, "TagResource")
def tag_resource(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    tags.tag_resource(ctx.actor, params["ResourceArn"], params["Tags"])
    return {}


@operation(SERVICE, "UntagResource")
def untag_resource(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    tags.untag_resource(ctx.actor, params["ResourceArn"], params["TagKeys"])
    return {}


@operation(SERVICE, "ListTagsForResource")
def list_tags_for_resource(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    arn = params["ResourceArn"]
    return {"ResourceArn": arn, "Tags": tags.list_tags(ctx.actor, arn)}
