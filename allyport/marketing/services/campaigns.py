"""Campaigns: create from a template, update their settings, delete, read, list.
Each change decides access, checks every rule at once and records its CloudTrail
record in its transaction."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.core.errors import Conflict, FieldError, NotFound, RuleViolation
from allyport.core.keyset import Page, SortKey, paginate
from allyport.marketing.models import Campaign, SocialConnection
from allyport.marketing.services import recipients as recipient_lists
from allyport.marketing.services import templates
from allyport.marketing.services.scope import (
    campaign_arn,
    page_size,
    plain_id,
    record,
    require_marketing,
)

# API member -> model column, for the settings kept as given.
PLAIN = {
    "Name": "name",
    "SenderEmail": "sender_email",
    "PrivacyPolicyUrl": "privacy_policy_url",
    "PartnerAddress": "partner_address",
    "PartnerBadge": "partner_badge",
    "EmailTargetEngagementGroupIds": "engagement_group_ids",
    "TargetAudience": "target_audience",
    "EstimatedBudget": "estimated_budget",
    "TotalBudget": "total_budget",
}
JSON_COLUMNS = {"partner_badge", "target_audience", "estimated_budget", "total_budget"}
SORTS = {
    "NAME": SortKey("name"),
    "STATE": SortKey("state"),
    "START_ON": SortKey("start_on", "date", nullable=True),
    "CREATED_AT": SortKey("created_at", "datetime"),
}


def campaigns(actor: Actor, catalog: str, operation: str = "ListCampaigns") -> QuerySet[Campaign]:
    company = require_marketing(actor, operation, catalog)
    return Campaign.objects.filter(company=company, catalog=catalog).select_related("company")


def find(company: Company, catalog: str, identifier: str, *, lock: bool = False) -> Campaign:
    found = Campaign.objects.filter(
        company=company, catalog=catalog, public_id=plain_id(identifier)
    )
    if lock:
        found = found.select_for_update(of=("self",))
    campaign = found.select_related("company", "template").first()
    if campaign is None:
        raise NotFound("Campaign", identifier)
    return campaign


def get_campaign(actor: Actor, catalog: str, identifier: str) -> Campaign:
    company = require_marketing(actor, "GetCampaign", catalog)
    return find(company, catalog, identifier)


def _day(request: Mapping[str, Any], member: str, errors: list[FieldError]) -> date | None:
    value = request.get(member)
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        errors.append(FieldError(member, _("Give a date as YYYY-MM-DD.")))
        return None


def _budgets(campaign: Campaign, errors: list[FieldError]) -> None:
    estimated, total = campaign.estimated_budget, campaign.total_budget
    if estimated and total:
        if estimated["CurrencyCode"] != total["CurrencyCode"]:
            errors.append(
                FieldError("EstimatedBudget.CurrencyCode", _("Use the total budget's currency."))
            )
        elif Decimal(estimated["Amount"]) > Decimal(total["Amount"]):
            errors.append(
                FieldError(
                    "EstimatedBudget.Amount", _("The estimated budget exceeds the total budget.")
                )
            )


def _social(
    company: Company, catalog: str, chosen: Mapping[str, Any], errors: list[FieldError]
) -> dict[str, list[str]]:  # noqa: E501
    kept: dict[str, list[str]] = {}
    for platform, ids in chosen.items():
        ids = [plain_id(i) for i in ids or []]
        found = SocialConnection.objects.filter(
            company=company, catalog=catalog, platform=platform, public_id__in=ids
        ).count()
        if found != len(ids):
            errors.append(
                FieldError(
                    f"SocialConnections.{platform}",
                    _("No such %(platform)s connection.") % {"platform": platform},
                )
            )
        kept[platform] = ids
    return kept


def _cleared(column: str) -> Any:
    """A setting given as nothing: text becomes empty, a structure none, a list empty."""
    return [] if column == "engagement_group_ids" else None if column in JSON_COLUMNS else ""


def _apply(campaign: Campaign, request: Mapping[str, Any]) -> None:
    """Set what the request gives and check the whole campaign; RuleViolation lists
    every refused field at once."""
    errors: list[FieldError] = []
    for member, column in PLAIN.items():
        if member in request:
            setattr(
                campaign, column, _cleared(column) if request[member] is None else request[member]
            )
    if "Name" in request and not str(request["Name"] or "").strip():
        errors.append(FieldError("Name", _("Give the campaign a name.")))
    for member, column in (("StartOn", "start_on"), ("EndOn", "end_on")):
        if member in request:
            setattr(campaign, column, _day(request, member, errors))
    if campaign.start_on and campaign.end_on and campaign.end_on < campaign.start_on:
        errors.append(FieldError("EndOn", _("The end date is before the start date.")))
    _budgets(campaign, errors)
    if request.get("SocialConnections") is not None:
        campaign.social_connections = _social(
            campaign.company, campaign.catalog, request["SocialConnections"], errors
        )
    _targets(campaign, request, errors)
    if errors:
        raise RuleViolation(errors)


def _targets(campaign: Campaign, request: Mapping[str, Any], errors: list[FieldError]) -> None:
    try:
        if request.get("EmailTarget"):
            name, found = recipient_lists.from_file(
                campaign.company, request["EmailTarget"]["S3Uri"]
            )
            campaign.email_target = {**request["EmailTarget"], "FileName": name}
        elif request.get("Recipients") is not None:  # the portal's list, one a line
            found = recipient_lists.from_text(request["Recipients"])
            campaign.email_target = {"FileName": ""}
        else:
            return
    except RuleViolation as refused:
        errors.extend(refused.errors)
        return
    campaign.recipients = found.valid
    campaign.email_target.update(
        {
            "ValidCount": len(found.valid),
            "RejectedCount": found.rejected,
            "DuplicateCount": found.duplicates,
            "AttachedAt": timezone.now().isoformat(),
        }
    )


def create_campaign(actor: Actor, catalog: str, request: Mapping[str, Any]) -> Campaign:
    company = require_marketing(actor, "CreateCampaign", catalog)
    template = templates.find_template(request["CampaignTemplateId"])
    with transaction.atomic():
        campaign = Campaign(
            company=company,
            catalog=catalog,
            template=template,
            language=template.language,
            created_by=actor.user,
        )
        _apply(campaign, {**request, "Name": request.get("Name", "")})
        campaign.tags = {t["Key"]: t["Value"] for t in request.get("Tags") or []}
        campaign.save()
        record(
            actor,
            "CreateCampaign",
            company=company,
            request=_logged(request),
            response={"Id": campaign.public_id},
            resource_arn=campaign_arn(campaign),
        )
    return campaign


def update_campaign(
    actor: Actor, catalog: str, identifier: str, request: Mapping[str, Any]
) -> Campaign:
    company = require_marketing(actor, "UpdateCampaign", catalog)
    with transaction.atomic():
        campaign = find(company, catalog, identifier, lock=True)
        if campaign.state == Campaign.State.COMPLETED:
            raise Conflict(_("A completed campaign cannot change."), "Campaign", identifier)
        _apply(campaign, request)
        campaign.save()
        record(
            actor,
            "UpdateCampaign",
            company=company,
            request=_logged(request),
            response={"Id": campaign.public_id},
            resource_arn=campaign_arn(campaign),
        )
    return campaign


def delete_campaign(actor: Actor, catalog: str, identifier: str) -> None:
    company = require_marketing(actor, "DeleteCampaign", catalog)
    with transaction.atomic():
        campaign = find(company, catalog, identifier, lock=True)
        if campaign.assets.filter(state="ACTIVE").exists():
            raise Conflict(
                _("Deactivate the campaign's active assets before deleting it."),
                "Campaign",
                identifier,
            )
        arn = campaign_arn(campaign)
        campaign.delete()
        record(
            actor,
            "DeleteCampaign",
            company=company,
            request={"Catalog": catalog, "CampaignIdentifier": identifier},
            resource_arn=arn,
        )


def _logged(request: Mapping[str, Any]) -> dict[str, Any]:
    """The request as recorded: the recipients typed in are counted, not copied."""
    logged = dict(request)
    if "Recipients" in logged:
        logged["Recipients"] = f"{len(str(logged['Recipients']).split())} lines"
    return logged


def list_campaigns(actor: Actor, request: Mapping[str, Any]) -> Page:
    found = campaigns(actor, request["Catalog"])
    if request.get("CampaignIdentifiers"):
        found = found.filter(public_id__in=[plain_id(i) for i in request["CampaignIdentifiers"]])
    if request.get("Name"):
        found = found.filter(name__icontains=request["Name"])
    if request.get("States"):
        found = found.filter(state__in=request["States"])
    sort = request.get("Sort") or {"SortBy": "CREATED_AT", "SortOrder": "DESCENDING"}
    filters = {k: v for k, v in request.items() if k not in ("MaxResults", "NextToken")}
    return paginate(
        found,
        SORTS[sort["SortBy"]],
        descending=sort["SortOrder"] == "DESCENDING",
        size=page_size(request.get("MaxResults")),
        token=request.get("NextToken"),
        query={"op": "campaigns", "filters": filters},
    )
