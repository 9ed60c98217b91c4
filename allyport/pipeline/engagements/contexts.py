"""Engagement contexts (CreateEngagementContext, UpdateEngagementContext; spec §2.10).

Any member of an engagement may add a context or update one. Partners add
`CustomerProject` and `Lead` contexts; `ProspectingResult` comes from AWS's
prospecting and `CustomerAccount` names customer accounts this server does not
keep, so both are refused. An engagement has at most five contexts
(ServiceQuotaExceededException). Updates carry the engagement's
`EngagementLastModifiedAt` (ModifiedAt) as the optimistic-concurrency token:
a stale one is a ConflictException. A Lead update replaces the qualification
status, customer and insights and adds its interaction to the lead's (at most 10).
A Lead context becomes an opportunity through `opportunity_from_engagement`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Permission
from allyport.core.errors import (
    NOT_PERMITTED,
    REQUEST,
    TOO_MANY,
    Conflict,
    DomainError,
    NotFound,
    refuse,
)
from allyport.pipeline import effects
from allyport.pipeline.engagements.models import Engagement
from allyport.pipeline.engagements.selectors import find_engagement
from allyport.pipeline.engagements.services import CONTEXT_LIMIT
from allyport.pipeline.leads.records import note_leads
from allyport.pipeline.shared import lead_rules
from allyport.pipeline.shared.arns import linked_account_id
from allyport.pipeline.shared.clock import next_modified
from allyport.pipeline.shared.console_audit import record_console
from allyport.pipeline.shared.payload import clean
from allyport.pipeline.shared.permissions import (
    CREATE_ENGAGEMENT_CONTEXT,
    UPDATE_ENGAGEMENT_CONTEXT,
)
from allyport.pipeline.shared.scope import company_of

LEAD = "Lead"
CUSTOMER_PROJECT = "CustomerProject"
PARTNER_CONTEXTS = (CUSTOMER_PROJECT, LEAD)
MAX_INTERACTIONS = 10


class ContextLimit(DomainError):
    """The engagement has its five contexts already."""


def _ms(moment: datetime) -> int:
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp() * 1000)


def _locked(actor: Actor, catalog: str, identifier: str, permission: Permission) -> Engagement:
    """The engagement, locked, once `permission`'s operation is authorized on it."""
    engagement = find_engagement(actor, catalog, identifier, permission)
    return Engagement.objects.select_for_update().get(pk=engagement.pk)


def _check_payload(context_type: str, payload: Mapping[str, Any]) -> None:
    if list(payload) != [context_type]:
        raise refuse("Payload", _("The payload must be of the context's type."), reason=REQUEST)
    if context_type not in PARTNER_CONTEXTS:
        raise refuse(
            "Type",
            _("Partners add CustomerProject and Lead contexts."),
            NOT_PERMITTED,
        )
    if context_type == LEAD:
        lead_rules.check_lead(payload[LEAD], "Payload.Lead")


def _types(contexts: list[dict[str, Any]]) -> str:
    kinds = list(dict.fromkeys(str(c["Type"]) for c in contexts))
    return "," + ",".join(kinds) + "," if kinds else ""


def _save(actor: Actor, engagement: Engagement, contexts: list[dict[str, Any]]) -> None:
    engagement.contexts = contexts
    engagement.context_types = _types(contexts)
    engagement.modified_at = next_modified(engagement.modified_at)
    engagement.modified_by = linked_account_id(company_of(actor))
    engagement.save(update_fields=["contexts", "context_types", "modified_at", "modified_by"])
    effects.engagement_announced(engagement, "Updated", actor)


def _record(actor: Actor, event: str, engagement: Engagement, context_id: str) -> None:
    """The change's audit record, whoever makes it (folded into the API call's own)."""
    record_console(
        actor,
        event,
        company=company_of(actor),
        request={"catalog": engagement.catalog, "engagementIdentifier": engagement.public_id},
        response={"contextId": context_id},
    )


def create_context(
    actor: Actor, catalog: str, identifier: str, context_type: str, payload: Mapping[str, Any]
) -> tuple[Engagement, str]:
    """A new context with the next free Id ("1", "2", …)."""
    _check_payload(context_type, payload)
    with transaction.atomic():
        engagement = _locked(actor, catalog, identifier, CREATE_ENGAGEMENT_CONTEXT)
        contexts = list(engagement.contexts or [])
        if len(contexts) >= CONTEXT_LIMIT:
            raise ContextLimit(_("An engagement has at most 5 contexts."))
        taken = {str(c.get("Id")) for c in contexts}
        context_id = next(str(n) for n in range(1, 1000) if str(n) not in taken)
        contexts.append({"Id": context_id, "Type": context_type, "Payload": clean(dict(payload))})
        _save(actor, engagement, contexts)
        note_leads(actor, company_of(actor), engagement)
        _record(actor, "CreateEngagementContext", engagement, context_id)
    return engagement, context_id


def _updated_lead(current: Mapping[str, Any], update: Mapping[str, Any]) -> dict[str, Any]:
    lead = dict(current)
    for key in ("QualificationStatus", "Customer", "Insights"):
        if key in update:
            lead[key] = update[key]
    if update.get("Interaction"):
        interactions = [*list(lead.get("Interactions") or []), update["Interaction"]]
        if len(interactions) > MAX_INTERACTIONS:
            raise refuse(
                "Payload.Lead.Interaction",
                _("A lead has at most 10 interactions."),
                TOO_MANY,
            )
        lead["Interactions"] = interactions
    return lead


def update_context(
    actor: Actor,
    catalog: str,
    identifier: str,
    context_id: str,
    last_modified: datetime,
    context_type: str,
    payload: Mapping[str, Any],
) -> Engagement:
    _check_payload(context_type, payload)
    with transaction.atomic():
        engagement = _locked(actor, catalog, identifier, UPDATE_ENGAGEMENT_CONTEXT)
        if _ms(last_modified) != _ms(engagement.modified_at):
            raise Conflict(
                _("The engagement changed since EngagementLastModifiedAt: read it again."),
                "Engagement",
                engagement.public_id,
            )
        contexts = [dict(c) for c in engagement.contexts or []]
        index = next((i for i, c in enumerate(contexts) if str(c.get("Id")) == context_id), None)
        if index is None:
            raise NotFound("EngagementContext", context_id)
        context = contexts[index]
        if context.get("Type") != context_type:
            raise refuse(
                "Type",
                _("Context %(id)s is a %(type)s context.")
                % {"id": context_id, "type": context.get("Type")},
            )
        value = payload[context_type]
        if context_type == LEAD:
            current = (context.get("Payload") or {}).get(LEAD) or {}
            value = _updated_lead(current, value)
        context["Payload"] = clean({context_type: value})
        _save(actor, engagement, contexts)
        _record(actor, "UpdateEngagementContext", engagement, context_id)
    return engagement
