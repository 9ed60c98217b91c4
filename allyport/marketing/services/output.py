"""The API's output shapes of campaigns, assets and tasks (the pages read the same)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.urls import reverse

from allyport.marketing.models import ActivationTask, Campaign, CampaignAsset, ExportTask
from allyport.marketing.services import exports
from allyport.marketing.services.issues import asset_issues, campaign_issues
from allyport.marketing.services.scope import campaign_arn


def _set(answer: dict[str, Any], **values: Any) -> dict[str, Any]:
    answer.update({key: value for key, value in values.items() if value not in (None, "", [], {})})
    return answer


def _attached(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def campaign_summary(campaign: Campaign) -> dict[str, Any]:
    return _set(
        {
            "CampaignId": campaign.public_id,
            "Arn": campaign_arn(campaign),
            "Name": campaign.name,
            "State": campaign.state,
        },
        Language=campaign.language,
        StartOn=_day(campaign.start_on),
        EndOn=_day(campaign.end_on),
        CreatedAt=campaign.created_at,
        UpdatedAt=campaign.updated_at,
    )


def _day(value: Any) -> str | None:
    return value.isoformat() if value else None


def campaign_view(campaign: Campaign) -> dict[str, Any]:
    answer = campaign_summary(campaign)
    answer["ActivationIssues"] = campaign_issues(campaign)
    target = campaign.email_target or None
    badge = campaign.partner_badge or None
    return _set(
        answer,
        CampaignTemplateId=campaign.template.public_id if campaign.template else None,
        PartnerProfile={
            "DisplayName": campaign.company.legal_name,
            "RefreshedAt": campaign.updated_at,
            **({"WebsiteUrl": campaign.company.website} if campaign.company.website else {}),
        },
        SenderEmail=campaign.sender_email,
        PrivacyPolicyUrl=campaign.privacy_policy_url,
        PartnerAddress=campaign.partner_address,
        PartnerBadge={"Url": badge["S3Uri"], "AttachedAt": campaign.updated_at} if badge else None,
        EmailTarget=_set(
            {"ScanStatus": "CLEAN"},
            AttachedAt=_attached(target.get("AttachedAt")),
            ValidCount=target.get("ValidCount"),
            FileName=target.get("FileName"),
            RejectedCount=target.get("RejectedCount"),
            DuplicateCount=target.get("DuplicateCount"),
        )
        if target
        else None,
        EmailTargetEngagementGroupIds=campaign.engagement_group_ids,
        SocialConnections={k: v for k, v in campaign.social_connections.items() if v},
        EstimatedBudget=campaign.estimated_budget,
        TotalBudget=campaign.total_budget,
        TargetAudience=campaign.target_audience,
    )


def layout(asset: CampaignAsset) -> dict[str, Any]:
    options = asset.source.layouts if asset.source is not None else []
    return _set(
        {
            "Options": [
                _set({"Value": o["Value"], "FieldIds": o.get("FieldIds", [])}, Label=o.get("Label"))
                for o in options
            ]
        },
        Selected=asset.layout,
    )


def asset_summary(asset: CampaignAsset) -> dict[str, Any]:
    return _set(
        {
            "Id": asset.public_id,
            "Category": asset.category,
            "Name": asset.name,
            "State": asset.state,
        },
        LastActivationStatus=asset.last_activation_status,
        DeliveryStatus=asset.delivery_status,
        DeliveryStatusReason=asset.delivery_status_reason,
        SourceAssetTemplateId=asset.source_key,
        SocialPlatform=asset.social_platform,
        StartedAt=asset.started_at,
        FileFormat="HTML" if asset.category in ("EMAIL", "LANDING_PAGE") else None,
        SendMode=asset.send_mode,
        ScheduledSendAt=asset.scheduled_send_at,
    )


def preview_url(asset: CampaignAsset) -> str:
    return settings.ALLYPORT_PUBLIC_URL + reverse(
        "marketing:asset_preview", args=[asset.campaign.public_id, asset.public_id]
    )


def asset_view(asset: CampaignAsset) -> dict[str, Any]:
    answer = asset_summary(asset)
    answer.pop("StartedAt", None)
    fields = asset.source.fields if asset.source is not None else []
    values = [
        _set({"Field": field}, Value=asset.field_values.get(field["FieldId"])) for field in fields
    ]
    return _set(
        answer,
        CampaignId=asset.campaign.public_id,
        FieldValues=values,
        LayoutPreviews=[{"Format": "HTML", "Url": preview_url(asset)}],
        Layout=layout(asset) if asset.source and asset.source.layouts else None,
        CreatedAt=asset.created_at,
        UpdatedAt=asset.updated_at,
    ) | {"ActivationIssues": asset_issues(asset)}


def activation_view(task: ActivationTask) -> dict[str, Any]:
    outcomes = task.outcomes or [
        {"CampaignAssetId": i, "Status": "IN_PROGRESS"} for i in task.asset_ids
    ]
    return _set(
        {
            "CampaignId": task.campaign.public_id,
            "TaskId": task.public_id,
            "TaskStatus": task.status,
            "StartedAt": task.started_at,
            "Assets": outcomes[:25],
        },
        EndedAt=task.ended_at,
    )


def export_view(task: ExportTask) -> dict[str, Any]:
    answer = _set(
        {"Id": task.public_id, "Status": task.status},
        CreatedAt=task.created_at,
        FailureReason=task.failure,
    )
    if task.status == "COMPLETED":
        url, expires = exports.link(task)
        answer.update(DownloadUrl=url, ExpiresAt=expires)
    return answer
