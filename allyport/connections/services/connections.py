"""Connections: finding one of the company's, and cancelling one of its types."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Permission
from allyport.accounts.models import Company
from allyport.connections import permissions as perms
from allyport.connections.models import Connection, ConnectionTypeDetail, TypeStatus
from allyport.connections.services.scope import company_of, connection_arn, record, require
from allyport.core.errors import Conflict, NotFound

RESOURCE = "Connection"
NOT_FOUND = "CONNECTION_NOT_FOUND"


def of_company(company: Company, catalog: str) -> QuerySet[Connection]:
    return Connection.objects.filter(Q(first=company) | Q(second=company), catalog=catalog)


def find(
    actor: Actor, catalog: str, identifier: str, permission: Permission, *, lock: bool = False
) -> Connection:
    """The connection if the actor's company is one of its two sides; NotFound otherwise."""
    company = require(actor, permission, connection_arn(catalog, identifier), catalog)
    rows = of_company(company, catalog).select_related(
        "first__account_link__account", "second__account_link__account"
    )
    if lock:
        rows = rows.select_for_update(of=("self",))
    found = rows.filter(public_id=identifier).first()
    if found is None:
        raise NotFound(RESOURCE, identifier, NOT_FOUND)
    return found


def get_connection(actor: Actor, catalog: str, identifier: str) -> Connection:
    return find(actor, catalog, identifier, perms.GET_CONNECTION)


@transaction.atomic
def cancel_connection(
    actor: Actor, catalog: str, identifier: str, connection_type: str, reason: str
) -> Connection:
    """End one connection type; either side may. The connection keeps its other types."""
    connection = find(actor, catalog, identifier, perms.CANCEL_CONNECTION, lock=True)
    company = company_of(actor)
    detail = (
        ConnectionTypeDetail.objects.select_for_update()
        .filter(connection=connection, connection_type=connection_type)
        .first()
    )
    if detail is None or detail.status != TypeStatus.ACTIVE:
        raise Conflict(
            _("This connection has no active %(type)s connection to cancel.")
            % {"type": connection_type},
            RESOURCE,
            identifier,
            "INCOMPATIBLE_CONNECTION_STATE",
        )
    now = timezone.now()
    detail.status, detail.canceled_at, detail.canceled_by = TypeStatus.CANCELED, now, company
    detail.cancel_reason = reason
    detail.save()
    connection.updated_at = now
    connection.save(update_fields=["updated_at"])
    record(
        actor, "CancelConnection", company,
        request={"catalog": catalog, "identifier": identifier, "connectionType": connection_type,
                 "reason": reason},
        response={"status": detail.status},
        resources=[{"ARN": connection_arn(catalog, identifier),
                    "type": "AWS::PartnerCentral::Connection"}],
    )  # fmt: skip
    return connection
