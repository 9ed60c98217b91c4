"""Channel contracts."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.registry import ApiContext, operation
from allyport.channel.api.common import SERVICE, once, page
from allyport.channel.services import contracts, listing, output
from allyport.channel.services.contracts import contract_arn


@operation(SERVICE, "CreateChannelContract")
def create_contract(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        contract = contracts.create_contract(ctx.actor, params["catalog"], params)
        return {"channelContractDetail": {"id": contract.public_id, "arn": contract_arn(contract)}}

    return once(ctx, params, make)  # type: ignore[no-any-return]


@operation(SERVICE, "GetChannelContract")
def get_contract(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    found = contracts.get_contract(ctx.actor, params["catalog"], params["identifier"])
    return {"channelContractDetail": output.contract_view(found)}


@operation(SERVICE, "CancelChannelContract")
def cancel_contract(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        found = contracts.cancel_contract(ctx.actor, params["catalog"], params["identifier"],
                                          params.get("reason") or "")  # fmt: skip
        detail = {"id": found.public_id, "arn": contract_arn(found), "status": found.status}
        if found.cancellation_reason:
            detail["cancellationReason"] = found.cancellation_reason
        return {"channelContractDetail": detail}

    return once(ctx, params, make)  # type: ignore[no-any-return]


@operation(SERVICE, "ListChannelContracts")
def list_contracts(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    found = listing.list_contracts(ctx.actor, params)
    return page([output.contract_view(c, summary=True) for c in found.items], found.next_token)
