"""The template catalogue."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.registry import ApiContext, operation
from allyport.marketing.api.common import SERVICE, page
from allyport.marketing.services import templates


@operation(SERVICE, "SearchCampaignTemplates")
def search_templates(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    found, total = templates.search_templates(ctx.actor, params)
    answer = page(
        [templates.summary(t) for t in found.items], found.next_token, key="CampaignTemplates"
    )
    return {"TotalResults": total, **answer}


@operation(SERVICE, "GetCampaignTemplate")
def get_template(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    found = templates.get_template(ctx.actor, params["Catalog"], params["Identifier"])
    return {"CampaignTemplate": templates.view(found)}
