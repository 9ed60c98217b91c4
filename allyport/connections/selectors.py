"""Reads of connections for the pages and the API: the company's invitations and
connections in one catalog, filtered and in keyset pages (NextToken)."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from allyport.access.actor import Actor
from allyport.connections import permissions as perms
from allyport.connections.models import (
    Connection,
    ConnectionInvitation,
    ConnectionTypeDetail,
)
from allyport.connections.services import connections, invitations
from allyport.connections.services.scope import participants_q, require
from allyport.core.keyset import Page, SortKey, paginate

DEFAULT_PAGE = 50
NEWEST = SortKey("created_at", "datetime")
RECENT = SortKey("updated_at", "datetime")
_PARTIES = ("sender__account_link__account", "receiver__account_link__account")


def invitation_rows(
    company: Any,
    catalog: str,
    *,
    connection_type: str | None = None,
    others: list[str] | None = None,
    participant_type: str | None = None,
    status: str | None = None,
) -> QuerySet[ConnectionInvitation]:
    rows = invitations.of_company(company, catalog).select_related(*_PARTIES, "connection")
    if participant_type == "SENDER":
        rows = rows.filter(sender=company)
    elif participant_type == "RECEIVER":
        rows = rows.filter(receiver=company)
    if connection_type:
        rows = rows.filter(connection_type=connection_type)
    if status:
        rows = rows.filter(invitations.status_q(status))
    if others:
        rows = rows.filter(
            (Q(sender=company) & participants_q(others, "receiver"))
            | (Q(receiver=company) & participants_q(others, "sender"))
        )
    return rows


def list_invitations(
    actor: Actor,
    catalog: str,
    *,
    size: int = DEFAULT_PAGE,
    token: str | None = None,
    **filters: Any,
) -> Page:
    """ListConnectionInvitations: newest first."""
    company = require(actor, perms.LIST_CONNECTION_INVITATIONS, "*", catalog)
    rows = invitation_rows(company, catalog, **filters)
    query = {"op": "invitations", "catalog": catalog, **filters}
    return paginate(rows, NEWEST, descending=True, size=size, token=token, query=query)


def _with_types(rows: QuerySet[Connection]) -> QuerySet[Connection]:
    ordered = ConnectionTypeDetail.objects.select_related(
        "canceled_by__account_link__account"
    ).order_by("connection_type")
    return rows.select_related(
        "first__account_link__account", "second__account_link__account"
    ).prefetch_related(Prefetch("types", queryset=ordered))


def connection_rows(
    company: Any,
    catalog: str,
    *,
    connection_type: str | None = None,
    others: list[str] | None = None,
) -> QuerySet[Connection]:
    """`connection_type` is the API's filter: `TYPE` or `TYPE:STATUS` (e.g.
    `SUBSIDIARY:ACTIVE`); a connection is listed when one of its types matches."""
    rows = connections.of_company(company, catalog)
    if connection_type:
        kind, _sep, status = connection_type.partition(":")
        matching = ConnectionTypeDetail.objects.filter(connection_type=kind)
        if status:
            matching = matching.filter(status=status.upper())
        rows = rows.filter(pk__in=matching.values("connection_id"))
    if others:
        rows = rows.filter(
            (Q(first=company) & participants_q(others, "second"))
            | (Q(second=company) & participants_q(others, "first"))
        )
    return _with_types(rows)


def list_connections(
    actor: Actor,
    catalog: str,
    *,
    size: int = DEFAULT_PAGE,
    token: str | None = None,
    **filters: Any,
) -> Page:
    """ListConnections: the most recently changed first."""
    company = require(actor, perms.LIST_CONNECTIONS, "*", catalog)
    rows = connection_rows(company, catalog, **filters)
    query = {"op": "connections", "catalog": catalog, **filters}
    return paginate(rows, RECENT, descending=True, size=size, token=token, query=query)


def get_invitation(actor: Actor, catalog: str, identifier: str) -> ConnectionInvitation:
    return invitations.find(actor, catalog, identifier, perms.GET_CONNECTION_INVITATION)


def loaded(connection: Connection) -> Connection:
    """The connection again with its parties and types, for its full view."""
    return _with_types(Connection.objects.filter(pk=connection.pk)).get()


def get_connection(actor: Actor, catalog: str, identifier: str) -> Connection:
    return loaded(connections.get_connection(actor, catalog, identifier))
