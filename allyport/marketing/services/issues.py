"""What keeps an asset from activating (the API's ActivationIssue list), read from the
asset's fields and its campaign's settings."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.marketing.models import Campaign, CampaignAsset, SocialConnection

SENDING = ("EMAIL", "SOCIAL_POST")


def _issue(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"Code": code, "Message": message, **extra}


def _field_issues(asset: CampaignAsset, fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for field in fields:
        if field.get("Required") and not _filled(asset.field_values.get(field["FieldId"])):
            label = field.get("Label") or field["FieldId"]
            found.append(
                _issue(
                    "REQUIRED_FIELD_MISSING",
                    _("Fill in %(field)s.") % {"field": label},
                    FieldId=field["FieldId"],
                )
            )
    return found


def _filled(value: Any) -> bool:
    return bool(value) and any(value.get(k) for k in ("Text", "ImageReference", "LinkedAssetId"))


def _email_issues(campaign: Campaign) -> list[dict[str, Any]]:
    found = []
    if not campaign.sender_email:
        found.append(
            _issue(
                "SENDER_EMAIL_MISSING", _("Set the sender email."), CampaignSetting="SENDER_EMAIL"
            )
        )
    if not campaign.recipients:
        found.append(
            _issue(
                "RECIPIENT_LIST_MISSING", _("Add the recipients."), CampaignSetting="EMAIL_TARGET"
            )
        )
    if not campaign.privacy_policy_url:
        found.append(
            _issue(
                "PRIVACY_POLICY_URL_MISSING",
                _("Set the privacy policy URL."),
                CampaignSetting="PRIVACY_POLICY_URL",
            )
        )
    if not campaign.partner_address:
        found.append(
            _issue(
                "PARTNER_ADDRESS_MISSING",
                _("Set the partner address."),
                CampaignSetting="PARTNER_ADDRESS",
            )
        )
    return found


def _social_issues(campaign: Campaign, asset: CampaignAsset) -> list[dict[str, Any]]:
    chosen = (campaign.social_connections or {}).get(asset.social_platform) or []
    if not chosen:
        return [
            _issue(
                "SOCIAL_CONNECTION_NOT_CHOSEN",
                _("Choose a %(platform)s connection for the campaign.")
                % {"platform": asset.social_platform},
            )
        ]
    connection = SocialConnection.objects.filter(
        company_id=campaign.company_id, public_id=chosen[0]
    ).first()
    if connection is None:
        return [_issue("SOCIAL_CONNECTION_MISSING", _("The chosen connection is gone."))]
    if connection.expires_at and connection.expires_at <= timezone.now():
        return [
            _issue(
                "SOCIAL_CONNECTION_EXPIRED",
                _("Connect %(platform)s again.") % {"platform": asset.social_platform},
            )
        ]
    return []


def _send_issues(asset: CampaignAsset) -> list[dict[str, Any]]:
    if not asset.send_mode:
        return [_issue("SEND_MODE_MISSING", _("Choose when to send."))]
    if asset.send_mode == "SCHEDULED" and (
        asset.scheduled_send_at is None or asset.scheduled_send_at <= timezone.now()
    ):
        return [_issue("SEND_WINDOW_TOO_SOON", _("Choose a send time in the future."))]
    return []


def asset_issues(asset: CampaignAsset) -> list[dict[str, Any]]:
    campaign = asset.campaign
    fields = asset.source.fields if asset.source is not None else []
    found = _field_issues(asset, fields)
    if asset.category == "EMAIL":
        found += _email_issues(campaign)
    if asset.category == "SOCIAL_POST":
        found += _social_issues(campaign, asset)
    if asset.category in SENDING:
        found += _send_issues(asset)
        if campaign.end_on is None:
            found.append(
                _issue(
                    "END_ON_MISSING", _("Set the campaign's end date."), CampaignSetting="END_ON"
                )
            )
    return found


def campaign_issues(campaign: Campaign) -> list[dict[str, Any]]:
    """The assets' issues, one entry per code and field or setting, naming the assets."""
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    for asset in campaign.assets.select_related("source").all():
        for issue in asset_issues(asset):
            key = (issue["Code"], issue.get("FieldId", ""), issue.get("CampaignSetting", ""))
            entry = merged.setdefault(key, {**issue, "AffectedAssetIds": []})
            if len(entry["AffectedAssetIds"]) < 25:
                entry["AffectedAssetIds"].append(asset.public_id)
    return list(merged.values())
