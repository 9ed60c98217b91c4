"""GetSellingSystemSettings and PutSellingSystemSettings (spec §2.12). The settings
have no ARN of their own: the evaluator is asked about the catalog's settings
resource, `arn:aws:partnercentral:<region>:<account>:catalog/<Catalog>/selling-system-settings`."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from allyport.awsapi.registry import ApiContext, operation
from allyport.pipeline.shared import selling_settings
from allyport.shapes import selling


def settings_arn(ctx: ApiContext, catalog: str) -> str:
    return (
        f"arn:aws:partnercentral:{settings.ALLYPORT_AWS_REGION}:{ctx.account_id}:"
        f"catalog/{catalog}/selling-system-settings"
    )


@operation(selling.SERVICE, "GetSellingSystemSettings")
def get_selling_system_settings(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(settings_arn(ctx, catalog), catalog=catalog)
    return selling_settings.get_settings(ctx.actor, catalog)


@operation(selling.SERVICE, "PutSellingSystemSettings")
def put_selling_system_settings(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(settings_arn(ctx, catalog), catalog=catalog)
    return selling_settings.put_settings(
        ctx.actor, catalog, params.get("ResourceSnapshotJobRoleIdentifier")
    )
