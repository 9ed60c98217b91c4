"""Activation and export tasks."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.registry import ApiContext, operation
from allyport.marketing.api.common import SERVICE, once
from allyport.marketing.services import activation, exports, output


@operation(SERVICE, "StartCampaignAssetActivationTask")
def start_activation(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        task = activation.start_activation(
            ctx.actor,
            params["Catalog"],
            params["CampaignIdentifier"],
            params["CampaignAssetIdentifiers"],
        )
        return output.activation_view(task)

    return once(ctx, params, make)  # type: ignore[no-any-return]


@operation(SERVICE, "GetCampaignAssetActivationTask")
def get_activation(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    task = activation.latest_activation(ctx.actor, params["Catalog"], params["CampaignIdentifier"])
    return output.activation_view(task)


@operation(SERVICE, "StartCampaignAssetExportTask")
def start_export(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        task = exports.start_export(ctx.actor, params["Catalog"], params["CampaignIdentifier"])
        return {"Id": task.public_id, "Status": task.status}

    return once(ctx, params, make)  # type: ignore[no-any-return]


@operation(SERVICE, "GetCampaignAssetExportTask")
def get_export(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    task = exports.get_export(
        ctx.actor,
        params["Catalog"],
        params["CampaignIdentifier"],
        params["CampaignAssetExportTaskIdentifier"],
    )
    return output.export_view(task)
