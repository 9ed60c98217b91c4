"""The four List operations' filters, sort (UpdatedAt either way) and keyset pages
(an opaque nextToken bound to the filters)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet

from allyport.access.actor import Actor
from allyport.channel.services import accounts, contracts, handshakes
from allyport.channel.services.scope import page_size, plain_id
from allyport.core.keyset import Page, SortKey, paginate

UPDATED = SortKey("updated_at", "datetime")


def _page(queryset: QuerySet[Any], request: Mapping[str, Any], sort: Any, op: str) -> Page:
    descending = (sort or {}).get("sortOrder", "Descending") == "Descending"
    filters = {k: v for k, v in request.items() if k not in ("maxResults", "nextToken")}
    return paginate(
        queryset,
        UPDATED,
        descending=descending,
        size=page_size(request.get("maxResults")),
        token=request.get("nextToken"),
        query={"op": op, "filters": filters},
    )


def _in(queryset: QuerySet[Any], request: Mapping[str, Any], member: str, column: str,
        ids: bool = False) -> QuerySet[Any]:  # fmt: skip
    values = request.get(member)
    if not values:
        return queryset
    return queryset.filter(**{f"{column}__in": [plain_id(v) if ids else v for v in values]})


def list_pmas(actor: Actor, request: Mapping[str, Any]) -> Page:
    queryset = accounts.pmas(actor, request["catalog"])
    for member, column in (("displayNames", "display_name"), ("programs", "program"),
                           ("accountIds", "account_id"), ("statuses", "status")):  # fmt: skip
        queryset = _in(queryset, request, member, column)
    if request.get("type"):
        queryset = queryset.filter(kind=request["type"])
    return _page(queryset, request, request.get("sort"), "pmas")


def list_relationships(actor: Actor, request: Mapping[str, Any]) -> Page:
    queryset = accounts.relationships(actor, request["catalog"])
    for member, column in (("associatedAccountIds", "associated_account_id"),
                           ("associationTypes", "association_type"),
                           ("displayNames", "display_name")):  # fmt: skip
        queryset = _in(queryset, request, member, column)
    queryset = _in(queryset, request, "programManagementAccountIdentifiers",
                   "program_management_account__public_id", ids=True)  # fmt: skip
    return _page(queryset, request, request.get("sort"), "relationships")


def _type_sort(request: Mapping[str, Any], member: str) -> Any:
    """The one sort a type-keyed sort union carries."""
    union = request.get(member) or {}
    return next(iter(union.values()), None)


def list_handshakes(actor: Actor, request: Mapping[str, Any]) -> Page:
    queryset = handshakes.handshakes(
        actor, request["catalog"], request["handshakeType"], request["participantType"]
    )
    queryset = _in(queryset, request, "statuses", "status")
    queryset = _in(queryset, request, "associatedResourceIdentifiers",
                   "associated_resource_id", ids=True)  # fmt: skip
    filters = request.get("handshakeTypeFilters") or {}
    for value in filters.values():
        if value.get("servicePeriodTypes"):
            queryset = queryset.filter(detail__servicePeriodType__in=value["servicePeriodTypes"])
        if value.get("programs"):
            queryset = queryset.filter(detail__program__in=value["programs"])
    return _page(queryset.select_related("receiver_company"), request,
                 _type_sort(request, "handshakeTypeSort"), "handshakes")  # fmt: skip


def list_contracts(actor: Actor, request: Mapping[str, Any]) -> Page:
    queryset = contracts.contracts(actor, request["catalog"], request["contractType"])
    queryset = _in(queryset, request, "statuses", "status")
    typed = (request.get("contractTypeFilters") or {}).get(
        "managedServicesAttestationTypeFilters"
    ) or {}
    queryset = _in(queryset, typed, "relationshipIdentifiers", "relationship__public_id", ids=True)
    queryset = _in(queryset, typed, "legalEntityNames", "legal_entity_name")
    return _page(queryset, request, _type_sort(request, "contractTypeSort"), "contracts")
