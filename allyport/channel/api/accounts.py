"""Program management accounts and relationships."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.registry import ApiContext, operation
from allyport.channel.api.common import SERVICE, once, page
from allyport.channel.services import accounts, listing, output
from allyport.channel.services.accounts import pma_arn, relationship_arn


@operation(SERVICE, "CreateProgramManagementAccount")
def create_pma(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        pma = accounts.create_pma(ctx.actor, params["catalog"], params)
        return {"programManagementAccountDetail": {"id": pma.public_id, "arn": pma_arn(pma)}}

    return once(ctx, params, make)  # type: ignore[no-any-return]


@operation(SERVICE, "UpdateProgramManagementAccount")
def update_pma(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    pma = accounts.update_pma(ctx.actor, params["catalog"], params["identifier"], params)
    return {"programManagementAccountDetail": {
        "id": pma.public_id, "arn": pma_arn(pma), "revision": str(pma.revision),
        "displayName": pma.display_name,
    }}  # fmt: skip


@operation(SERVICE, "DeleteProgramManagementAccount")
def delete_pma(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        accounts.delete_pma(ctx.actor, params["catalog"], params["identifier"])
        return {}

    return once(ctx, params, make)  # type: ignore[no-any-return]


@operation(SERVICE, "ListProgramManagementAccounts")
def list_pmas(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    found = listing.list_pmas(ctx.actor, params)
    return page([output.pma_summary(pma) for pma in found.items], found.next_token)


@operation(SERVICE, "CreateRelationship")
def create_relationship(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        rel = accounts.create_relationship(ctx.actor, params["catalog"], params)
        return {"relationshipDetail": {"id": rel.public_id, "arn": relationship_arn(rel)}}

    return once(ctx, params, make)  # type: ignore[no-any-return]


@operation(SERVICE, "GetRelationship")
def get_relationship(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    rel = accounts.get_relationship(ctx.actor, params["catalog"],
                                    params["programManagementAccountIdentifier"],
                                    params["identifier"])  # fmt: skip
    return {"relationshipDetail": output.relationship_view(rel)}


@operation(SERVICE, "UpdateRelationship")
def update_relationship(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    rel = accounts.update_relationship(ctx.actor, params["catalog"],
                                       params["programManagementAccountIdentifier"],
                                       params["identifier"], params)  # fmt: skip
    return {"relationshipDetail": {
        "arn": relationship_arn(rel), "id": rel.public_id, "revision": str(rel.revision),
        "displayName": rel.display_name,
    }}  # fmt: skip


@operation(SERVICE, "DeleteRelationship")
def delete_relationship(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        accounts.delete_relationship(ctx.actor, params["catalog"],
                                     params["programManagementAccountIdentifier"],
                                     params["identifier"])  # fmt: skip
        return {}

    return once(ctx, params, make)  # type: ignore[no-any-return]


@operation(SERVICE, "ListRelationships")
def list_relationships(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    found = listing.list_relationships(ctx.actor, params)
    return page([output.relationship_view(r, full=False) for r in found.items], found.next_token)
