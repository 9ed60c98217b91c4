"""Campaign assets: created from the template's blueprints, filled in (fields, layout,
when to send), deactivated, deleted, read and listed."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.core.errors import Conflict, FieldError, NotFound, RuleViolation
from allyport.core.keyset import Page, SortKey, paginate
from allyport.marketing.models import AssetTemplate, Campaign, CampaignAsset
from allyport.marketing.services import campaigns, rendering
from allyport.marketing.services.scope import campaign_arn, page_size, record, require_marketing

CREATED = SortKey("created_at", "datetime")


def _campaign(
    actor: Actor, operation: str, catalog: str, identifier: str, lock: bool = False
) -> Campaign:  # noqa: E501
    company = require_marketing(actor, operation, catalog)
    return campaigns.find(company, catalog, identifier, lock=lock)


def find_asset(campaign: Campaign, identifier: str, *, lock: bool = False) -> CampaignAsset:
    found = campaign.assets.filter(public_id=identifier).select_related("source")
    asset = (found.select_for_update(of=("self",)) if lock else found).first()
    if asset is None:
        raise NotFound("CampaignAsset", identifier)
    asset.campaign = campaign
    return asset


def get_asset(actor: Actor, catalog: str, campaign_id: str, identifier: str) -> CampaignAsset:
    return find_asset(_campaign(actor, "GetCampaignAsset", catalog, campaign_id), identifier)


def list_assets(actor: Actor, request: Mapping[str, Any]) -> Page:
    campaign = _campaign(
        actor, "ListCampaignAssets", request["Catalog"], request["CampaignIdentifier"]
    )
    return paginate(
        campaign.assets.select_related("source"),
        CREATED,
        descending=False,
        size=page_size(request.get("MaxResults")),
        token=request.get("NextToken"),
        query={"op": "assets", "campaign": campaign.public_id},
    )


def _new_asset(campaign: Campaign, blueprint: AssetTemplate) -> CampaignAsset:
    layouts = blueprint.layouts or []
    return CampaignAsset.objects.create(
        campaign=campaign,
        source=blueprint,
        source_key=blueprint.key,
        category=blueprint.type,
        name=blueprint.label,
        social_platform=blueprint.social_platform,
        layout=layouts[0]["Value"] if layouts else "",
        send_mode="ON_ACTIVATION" if blueprint.type in ("EMAIL", "SOCIAL_POST") else "",
    )


def create_assets(
    actor: Actor, catalog: str, campaign_id: str, keys: list[str]
) -> tuple[list[CampaignAsset], list[dict[str, str]]]:
    """BatchCreateCampaignAsset: an asset per blueprint named; a name the campaign's
    template does not have is an error entry, the others are created."""
    with transaction.atomic():
        campaign = _campaign(actor, "BatchCreateCampaignAsset", catalog, campaign_id, lock=True)
        if campaign.state == Campaign.State.COMPLETED:
            raise Conflict(_("A completed campaign cannot change."), "Campaign", campaign_id)
        blueprints = {b.key: b for b in AssetTemplate.objects.filter(template=campaign.template)}
        created, errors = [], []
        for key in keys:
            if key in blueprints:
                created.append(_new_asset(campaign, blueprints[key]))
            else:
                errors.append(
                    {
                        "SourceAssetTemplateId": key,
                        "Code": "ASSET_NOT_FOUND",
                        "Message": _("The template has no asset %(id)s.") % {"id": key},
                    }
                )
        if created:
            record(
                actor,
                "BatchCreateCampaignAsset",
                company=campaign.company,
                request={
                    "Catalog": catalog,
                    "CampaignIdentifier": campaign_id,
                    "Entries": [{"SourceAssetTemplateIdentifier": k} for k in keys],
                },
                response={"Successful": [a.public_id for a in created]},
                resource_arn=campaign_arn(campaign),
            )
    return created, errors


def create_campaign_from_template(
    actor: Actor, catalog: str, request: Mapping[str, Any]
) -> Campaign:
    """The portal's Create campaign: the campaign and an asset per blueprint of its
    template, in one transaction."""
    with transaction.atomic():
        campaign = campaigns.create_campaign(actor, catalog, request)
        keys = [
            blueprint.key for blueprint in AssetTemplate.objects.filter(template=campaign.template)
        ]
        create_assets(actor, catalog, campaign.public_id, keys)
    return campaign


def _check_text(field: dict[str, Any], text: str, name: str) -> str | None:
    kind, rules = next(iter((field.get("Type") or {"Text": {}}).items()))
    rules = rules or {}
    if kind == "RichText":
        text = rendering.clean(text, set(rules.get("AllowedTags") or ()))
    if rules.get("MaxLength") and len(text) > rules["MaxLength"]:
        return _("%(field)s takes at most %(n)s characters.") % {
            "field": name,
            "n": rules["MaxLength"],
        }
    if rules.get("MinLength") and len(text) < rules["MinLength"]:
        return _("%(field)s takes at least %(n)s characters.") % {
            "field": name,
            "n": rules["MinLength"],
        }
    if rules.get("Pattern") and kind == "Text" and not re.fullmatch(rules["Pattern"], text):
        return _("%(field)s is not in the expected form.") % {"field": name}
    return None


def _field_values(
    asset: CampaignAsset, given: list[dict[str, Any]], errors: list[FieldError]
) -> None:  # noqa: E501
    fields = {f["FieldId"]: f for f in (asset.source.fields if asset.source else [])}
    for number, entry in enumerate(given):
        path = f"FieldValues[{number}]"
        field = fields.get(entry["FieldId"])
        if field is None:
            errors.append(
                FieldError(
                    f"{path}.FieldId",
                    _("The asset has no field %(id)s.") % {"id": entry["FieldId"]},
                )
            )
            continue
        value = dict(entry.get("Value") or {})
        if value.get("Text") is not None:
            problem = _check_text(field, value["Text"], field.get("Label") or field["FieldId"])
            if problem:
                errors.append(FieldError(f"{path}.Value.Text", problem))
                continue
            if "RichText" in (field.get("Type") or {}):
                value["Text"] = rendering.clean(
                    value["Text"], set(field["Type"]["RichText"].get("AllowedTags") or ())
                )
        if value:
            asset.field_values[entry["FieldId"]] = value
        else:
            asset.field_values.pop(entry["FieldId"], None)


def _schedule(asset: CampaignAsset, request: Mapping[str, Any], errors: list[FieldError]) -> None:
    if request.get("SendMode"):
        asset.send_mode = request["SendMode"]
    if "ScheduledSendAt" in request:
        asset.scheduled_send_at = request["ScheduledSendAt"]
    if asset.send_mode == "ON_ACTIVATION":
        asset.scheduled_send_at = None
    when: datetime | None = asset.scheduled_send_at
    if asset.send_mode == "SCHEDULED" and (when is None or when <= timezone.now()):
        errors.append(FieldError("ScheduledSendAt", _("Choose a send time in the future.")))


def update_asset(
    actor: Actor, catalog: str, campaign_id: str, identifier: str, request: Mapping[str, Any]
) -> CampaignAsset:
    with transaction.atomic():
        campaign = _campaign(actor, "UpdateCampaignAsset", catalog, campaign_id, lock=True)
        asset = find_asset(campaign, identifier, lock=True)
        if asset.state == CampaignAsset.State.ACTIVE:
            raise Conflict(
                _("Deactivate the asset before changing it."), "CampaignAsset", identifier
            )
        errors: list[FieldError] = []
        _field_values(asset, list(request.get("FieldValues") or []), errors)
        if request.get("Layout"):
            options = [o["Value"] for o in (asset.source.layouts if asset.source else [])]
            if request["Layout"] not in options:
                errors.append(FieldError("Layout", _("Choose one of the asset's layouts.")))
            asset.layout = request["Layout"]
        if asset.category in ("EMAIL", "SOCIAL_POST"):
            _schedule(asset, request, errors)
        if errors:
            raise RuleViolation(errors)
        asset.save()
        record(
            actor,
            "UpdateCampaignAsset",
            company=campaign.company,
            request=request,
            response={"Id": asset.public_id},
            resource_arn=campaign_arn(campaign),
        )
    return asset


def deactivate_asset(
    actor: Actor, catalog: str, campaign_id: str, identifier: str
) -> CampaignAsset:  # noqa: E501
    """The asset stops: its sends not yet made are dropped."""
    with transaction.atomic():
        campaign = _campaign(actor, "DeactivateCampaignAsset", catalog, campaign_id, lock=True)
        asset = find_asset(campaign, identifier, lock=True)
        asset.state = CampaignAsset.State.INACTIVE
        asset.sends.filter(status="SCHEDULED").delete()
        asset.save()
        if not campaign.assets.filter(state="ACTIVE").exists() and campaign.state == "ACTIVE":
            campaign.state = Campaign.State.DRAFT
            campaign.save(update_fields=["state", "updated_at"])
        record(
            actor,
            "DeactivateCampaignAsset",
            company=campaign.company,
            request={
                "Catalog": catalog,
                "CampaignIdentifier": campaign_id,
                "CampaignAssetIdentifier": identifier,
            },
            resource_arn=campaign_arn(campaign),
        )
    return asset


def delete_asset(actor: Actor, catalog: str, campaign_id: str, identifier: str) -> None:
    with transaction.atomic():
        campaign = _campaign(actor, "DeleteCampaignAsset", catalog, campaign_id, lock=True)
        asset = find_asset(campaign, identifier, lock=True)
        if asset.state == CampaignAsset.State.ACTIVE:
            raise Conflict(
                _("Deactivate the asset before deleting it."), "CampaignAsset", identifier
            )
        asset.delete()
        record(
            actor,
            "DeleteCampaignAsset",
            company=campaign.company,
            request={
                "Catalog": catalog,
                "CampaignIdentifier": campaign_id,
                "CampaignAssetIdentifier": identifier,
            },
            resource_arn=campaign_arn(campaign),
        )
