"""The template catalogue (SearchCampaignTemplates, GetCampaignTemplate): published
templates only, the same for every company; filters as the API names them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Q, QuerySet

from allyport.access.actor import Actor
from allyport.core.errors import NotFound
from allyport.core.keyset import Page, SortKey, paginate
from allyport.marketing.models import CampaignTemplate
from allyport.marketing.services.scope import page_size, require_marketing

NAME = SortKey("name", "str")
# Filter member -> the template's column; list columns match any of the given values.
SCALAR_FILTERS = {
    "Industry": "industry",
    "UseCase": "use_case",
    "Language": "language",
    "Collection": "collection",
}
LIST_FILTERS = {
    "AwsServices": "aws_services",
    "CustomerSegments": "customer_segments",
    "Themes": "themes",
}


def _matching(request: Mapping[str, Any]) -> QuerySet[CampaignTemplate]:
    found = CampaignTemplate.objects.filter(published=True)
    text = (request.get("SearchText") or "").strip()
    if text:
        found = found.filter(
            Q(name__icontains=text) | Q(description__icontains=text) | Q(use_case__icontains=text)
        )
    for member, column in SCALAR_FILTERS.items():
        if request.get(member):
            found = found.filter(**{f"{column}__in": list(request[member])})
    for member, column in LIST_FILTERS.items():
        if request.get(member):
            # JSON containment is not on SQLite: match the ids of templates holding any value.
            wanted = set(request[member])
            ids = [t.pk for t in found.only("pk", column) if wanted & set(getattr(t, column) or ())]
            found = found.filter(pk__in=ids)
    return found


def search_templates(actor: Actor, request: Mapping[str, Any]) -> tuple[Page, int]:
    """A page of the matching templates by name, and how many match in all."""
    require_marketing(actor, "SearchCampaignTemplates", request["Catalog"])
    found = _matching(request)
    filters = {k: v for k, v in request.items() if k not in ("MaxResults", "NextToken")}
    page = paginate(
        found,
        NAME,
        descending=False,
        size=page_size(request.get("MaxResults")),
        token=request.get("NextToken"),
        query={"op": "templates", "filters": filters},
    )
    return page, found.count()


def get_template(actor: Actor, catalog: str, identifier: str) -> CampaignTemplate:
    require_marketing(actor, "GetCampaignTemplate", catalog)
    return find_template(identifier)


def find_template(identifier: str) -> CampaignTemplate:
    found = CampaignTemplate.objects.filter(public_id=identifier, published=True).first()
    if found is None:
        raise NotFound("CampaignTemplate", identifier)
    return found


def summary(template: CampaignTemplate) -> dict[str, Any]:
    answer = {
        "Id": template.public_id,
        "Name": template.name,
        "Collection": template.collection,
        "LanguageCode": template.language,
        "AwsServices": template.aws_services,
        "CustomerSegments": template.customer_segments,
        "Themes": template.themes,
    }
    for key, value in (
        ("Industry", template.industry),
        ("UseCase", template.use_case),
        ("Description", template.description),
    ):
        if value:
            answer[key] = value
    return answer


def view(template: CampaignTemplate) -> dict[str, Any]:
    answer = summary(template)
    answer.update(
        {
            "AssetTemplates": [asset_template_view(a) for a in template.assets.all()],
            "ReferenceMaterials": template.reference_materials,
            "CreatedAt": template.created_at,
            "UpdatedAt": template.updated_at,
        }
    )
    if template.setup_duration:
        answer["SetupDuration"] = template.setup_duration
    return answer


def asset_template_view(asset: Any) -> dict[str, Any]:
    answer = {
        "Id": asset.key,
        "Type": asset.type,
        "Label": asset.label,
        "DisplayOrder": asset.display_order,
        "Fields": asset.fields,
    }
    if asset.social_platform:
        answer["SocialPlatform"] = asset.social_platform
    return answer
