"""Campaigns, their assets and tags."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.registry import ApiContext, operation
from allyport.marketing.api.common import SERVICE, once, page
from allyport.marketing.services import assets, campaigns, output, tags
from allyport.marketing.services.scope import campaign_arn


@operation(SERVICE, "CreateCampaign")
def create_campaign(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        campaign = campaigns.create_campaign(ctx.actor, params["Catalog"], params)
        return {"Id": campaign.public_id, "Arn": campaign_arn(campaign)}

    return once(ctx, params, make)  # type: ignore[no-any-return]


@operation(SERVICE, "UpdateCampaign")
def update_campaign(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        changes = {
            k: v
            for k, v in params.items()
            if k not in ("Catalog", "CampaignIdentifier", "ClientToken")
        }
        campaign = campaigns.update_campaign(
            ctx.actor, params["Catalog"], params["CampaignIdentifier"], changes
        )
        return {"Id": campaign.public_id}

    return once(ctx, params, make)  # type: ignore[no-any-return]


@operation(SERVICE, "GetCampaign")
def get_campaign(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    found = campaigns.get_campaign(ctx.actor, params["Catalog"], params["CampaignIdentifier"])
    return {"Campaign": output.campaign_view(found)}


@operation(SERVICE, "DeleteCampaign")
def delete_campaign(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    campaigns.delete_campaign(ctx.actor, params["Catalog"], params["CampaignIdentifier"])
    return {}


@operation(SERVICE, "ListCampaigns")
def list_campaigns(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    found = campaigns.list_campaigns(ctx.actor, params)
    return page([output.campaign_summary(c) for c in found.items], found.next_token)


@operation(SERVICE, "BatchCreateCampaignAsset")
def batch_create_assets(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    keys = [entry["SourceAssetTemplateIdentifier"] for entry in params["Entries"]]
    created, errors = assets.create_assets(
        ctx.actor, params["Catalog"], params["CampaignIdentifier"], keys
    )
    successful = []
    for asset in created:
        item: dict[str, Any] = {"SourceAssetTemplateId": asset.source_key, "Id": asset.public_id}
        if asset.source is not None and asset.source.layouts:
            item["Layout"] = output.layout(asset)
        successful.append(item)
    return {"Errors": errors, "Successful": successful}


@operation(SERVICE, "GetCampaignAsset")
def get_asset(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    found = assets.get_asset(
        ctx.actor,
        params["Catalog"],
        params["CampaignIdentifier"],
        params["CampaignAssetIdentifier"],
    )
    return {"Asset": output.asset_view(found)}


@operation(SERVICE, "UpdateCampaignAsset")
def update_asset(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        changes: dict[str, Any] = {
            k: params[k]
            for k in ("FieldValues", "Layout", "SendMode", "ScheduledSendAt")
            if k in params
        }
        asset = assets.update_asset(
            ctx.actor,
            params["Catalog"],
            params["CampaignIdentifier"],
            params["CampaignAssetIdentifier"],
            changes,
        )
        view = output.asset_view(asset)
        return {
            "Id": asset.public_id,
            "State": asset.state,
            "ActivationIssues": view["ActivationIssues"],
        }

    return once(ctx, params, make)  # type: ignore[no-any-return]


@operation(SERVICE, "DeactivateCampaignAsset")
def deactivate_asset(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    asset = assets.deactivate_asset(
        ctx.actor,
        params["Catalog"],
        params["CampaignIdentifier"],
        params["CampaignAssetIdentifier"],
    )
    answer = {"Id": asset.public_id, "State": asset.state}
    if asset.last_activation_status:
        answer["LastActivationStatus"] = asset.last_activation_status
    return answer


@operation(SERVICE, "DeleteCampaignAsset")
def delete_asset(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    assets.delete_asset(
        ctx.actor,
        params["Catalog"],
        params["CampaignIdentifier"],
        params["CampaignAssetIdentifier"],
    )
    return {}


@operation(SERVICE, "ListCampaignAssets")
def list_assets(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    found = assets.list_assets(ctx.actor, params)
    return page([output.asset_summary(a) for a in found.items], found.next_token)


@operation(SERVICE, "ListTagsForResource")
def list_tags(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    return {
        "ResourceArn": params["ResourceArn"],
        "Tags": tags.list_tags(ctx.actor, params["ResourceArn"]),
    }


@operation(SERVICE, "TagResource")
def tag_resource(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    tags.tag_resource(ctx.actor, params["ResourceArn"], params["Tags"])
    return {}


@operation(SERVICE, "UntagResource")
def untag_resource(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    tags.untag_resource(ctx.actor, params["ResourceArn"], params["TagKeys"])
    return {}
