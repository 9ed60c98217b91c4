"""Reads of connections for the pages and the API: the company's invitations and
connections in one catalog, filtered and in keyset pages (NextToken)."""

from __future__ import annotations

from typing import Any

from django.db.models import Case, F, Prefetch, Q, QuerySet, When

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
ACCOUNT = "account_link__account__account_id"


def _other(company: Any, mine: str, theirs: str, path: str) -> Case:
    """The other party's `path` in SQL: `theirs` when the company is `mine`. Lists read
    the few values they show this way instead of loading both companies' rows."""
    return Case(
        When(**{mine: company.pk}, then=F(f"{theirs}__{path}")), default=F(f"{mine}__{path}")
    )


def _invitation_values(rows: QuerySet[ConnectionInvitation], company: Any) -> QuerySet[Any]:
    return rows.annotate(
        other_public_id=_other(company, "sender", "receiver", "public_id"),
        other_name=_other(company, "sender", "receiver", "legal_name"),
        connection_public_id=F("connection__public_id"),
    )


def invitation_rows(
    company: Any,
    catalog: str,
    *,
    connection_type: str | None = None,
    others: list[str] | None = None,
    participant_type: str | None = None,
    status: str | None = None,
) -> QuerySet[ConnectionInvitation]:
    rows = _invitation_values(invitations.of_company(company, catalog), company)
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


def _with_types(rows: QuerySet[Connection], company: Any) -> QuerySet[Connection]:
    ordered = ConnectionTypeDetail.objects.annotate(
        canceled_by_account=F(f"canceled_by__{ACCOUNT}")
    ).order_by("connection_type")
    return rows.annotate(
        other_public_id=_other(company, "first", "second", "public_id"),
        other_name=_other(company, "first", "second", "legal_name"),
        other_account=_other(company, "first", "second", ACCOUNT),
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
    return _with_types(rows, company)


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
    found = invitations.find(actor, catalog, identifier, perms.GET_CONNECTION_INVITATION)
    rows = ConnectionInvitation.objects.filter(pk=found.pk).select_related("sender", "receiver")
    return _invitation_values(rows, actor.company).get()  # type: ignore[no-any-return]


def loaded(connection: Connection, company: Any) -> Connection:
    """The connection again with the other party's values and its types, for its view."""
    return _with_types(Connection.objects.filter(pk=connection.pk), company).get()


def get_connection(actor: Actor, catalog: str, identifier: str) -> Connection:
    return loaded(connections.get_connection(actor, catalog, identifier), actor.company)
