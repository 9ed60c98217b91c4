"""GetSellingSystemSettings and PutSellingSystemSettings (spec §2.12). The services
decide for every caller, on the catalog's settings resource
(`selling_settings.settings_target`)."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.registry import ApiContext, operation
from allyport.pipeline.shared import selling_settings
from allyport.shapes import selling


@operation(selling.SERVICE, "GetSellingSystemSettings")
def get_selling_system_settings(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    return selling_settings.get_settings(ctx.actor, catalog)


@operation(selling.SERVICE, "PutSellingSystemSettings")
def put_selling_system_settings(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    return selling_settings.put_settings(
        ctx.actor, catalog, params.get("ResourceSnapshotJobRoleIdentifier")
    )
