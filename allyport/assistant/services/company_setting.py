"""Turning the AWS Partner Assistant on or off for a company, with its audit record."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from allyport.access.actor import Actor
from allyport.access.decisions import PermissionDenied, Target, authorize
from allyport.accounts.models import Company
from allyport.assistant.models import CompanySetting
from allyport.assistant.services.gate import MANAGE
from allyport.audit import services as audit

EVENT = "UpdatePartnerAssistantSettings"
RESOURCE_TYPE = "Allyport::Assistant::Settings"


def arn(company: Any) -> str:
    return f"partner-assistant/{getattr(company, 'pk', company)}"


def set_enabled(actor: Actor, company: Company, enabled: bool) -> CompanySetting:
    """Turn the assistant on or off for `company` (the alliance lead, or staff)."""
    decision = authorize(actor, MANAGE, Target(company=company))
    if not decision:
        raise PermissionDenied(decision)
    with transaction.atomic():
        setting, _created = CompanySetting.objects.select_for_update().get_or_create(
            company=company
        )
        previous = setting.enabled
        setting.enabled = enabled
        setting.changed_by = actor.user
        setting.save()
        audit.record_change(
            actor,
            EVENT,
            company=company,
            request_parameters={"enabled": enabled},
            response_elements={"enabled": enabled, "previouslyEnabled": previous},
            resources=[{"ARN": arn(company), "type": RESOURCE_TYPE}],
        )
    return setting
