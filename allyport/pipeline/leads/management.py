"""Leads Management by role: who sees which lead, and the changes made on the page
(create by hand, edit, qualify or disqualify with a reason, assign an owner, transfer
many). The roles table gives:

- alliance lead, alliance team, ACE manager ("manage all"): every lead, assign and
  transfer, bulk export;
- ACE user ("manage owned"): the leads they own;
- marketing staff: the leads they own and those of their region (the profile's region;
  a lead's region comes from its customer's country).

A lead made here is checked by the same rules as an imported row and a
CreateEngagement request (`leads.services.check_lead`: the model's shape, then
`shared.lead_rules`). Every change writes its audit record in its transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import authorize, require
from allyport.accounts.models import Company, User
from allyport.core.errors import REQUIRED, FieldError, NotFound, RuleViolation, refuse
from allyport.pipeline.engagements.models import Engagement
from allyport.pipeline.engagements.services import new_engagement
from allyport.pipeline.leads.models import LeadRecord
from allyport.pipeline.leads.records import note_leads
from allyport.pipeline.leads.services import LEAD, check_lead, lead_from_row
from allyport.pipeline.shared.clock import next_modified
from allyport.pipeline.shared.console_audit import record_console
from allyport.pipeline.shared.lead_rules import region_of
from allyport.pipeline.shared.payload import clean
from allyport.pipeline.shared.scope import MANAGE_ALL, MANAGE_OWNED, check_catalog, company_of

MARKETING = "marketing_staff"
QUALIFICATIONS = ("Qualified", "Disqualified", "Nurturing")


def sees_all(actor: Actor) -> bool:
    return bool(authorize(actor, MANAGE_ALL))


def _company(actor: Actor) -> Company:
    require(actor, MANAGE_OWNED)
    return company_of(actor)


def visible_records(actor: Actor, catalog: str) -> QuerySet[LeadRecord]:
    """The lead records the member may see and work on, by role."""
    company = _company(actor)
    records = LeadRecord.objects.filter(company=company, catalog=check_catalog(catalog))
    if sees_all(actor):
        return records
    mine = Q(owner=actor.user)
    region = getattr(actor.user, "region", "")
    if MARKETING in actor.roles and region:
        mine |= Q(region=region)
    return records.filter(mine)


def find_record(actor: Actor, catalog: str, engagement_id: str, context_id: str,
                lock: bool = False) -> LeadRecord:  # fmt: skip
    queryset = (
        visible_records(actor, catalog)
        .filter(engagement__public_id=engagement_id, context_id=context_id)
        .select_related("engagement", "owner")
    )
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    found = queryset.first()
    if found is None:
        raise NotFound("Lead", f"{engagement_id}/{context_id}")
    return found


def lead_of(record: LeadRecord) -> dict[str, Any]:
    for context in record.engagement.contexts or []:
        if str(context.get("Id")) == record.context_id and context.get("Type") == LEAD:
            return dict((context.get("Payload") or {}).get(LEAD) or {})
    return {}


def _record_change(actor: Actor, event: str, record: LeadRecord, **extra: Any) -> None:
    record_console(
        actor, event, company=record.company,
        request={"catalog": record.catalog, "engagementIdentifier": record.engagement.public_id,
                 "contextIdentifier": record.context_id, **extra},
    )  # fmt: skip


def create_lead_by_hand(actor: Actor, catalog: str, values: Mapping[str, str]) -> LeadRecord:
    """A lead made on the page (the import template's columns), owned by its maker."""
    company = _company(actor)
    lead = lead_from_row(values, source_name=_("Leads Management"), source_id="manual")
    lead["Interactions"][0].update({"SourceType": "Partner entered", "CustomerAction": "Created"})
    request = check_lead(catalog, lead, values)
    with transaction.atomic():
        engagement = new_engagement(
            catalog, creator=company, title=request["Title"], description=_("Lead"),
            contexts=list(request["Contexts"]), actor=actor,
        )  # fmt: skip
        record_console(actor, "CreateEngagement", company=company,
                       request={"catalog": catalog, "title": engagement.title},
                       response={"id": engagement.public_id})  # fmt: skip
        note_leads(actor, company, engagement)
        return LeadRecord.objects.get(engagement=engagement, company=company)


def _save_lead(actor: Actor, record: LeadRecord, lead: dict[str, Any]) -> None:
    engagement = Engagement.objects.select_for_update().get(pk=record.engagement_id)
    contexts = [dict(c) for c in engagement.contexts or []]
    for context in contexts:
        if str(context.get("Id")) == record.context_id:
            context["Payload"] = {LEAD: clean(lead)}
    engagement.contexts = contexts
    engagement.modified_at = next_modified(engagement.modified_at)
    engagement.save(update_fields=["contexts", "modified_at"])
    record.engagement = engagement
    record.region = region_of(lead)
    record.updated_at = timezone.now()
    record.save(update_fields=["region", "updated_at", "qualification_reason", "owner"])


def edit_lead(actor: Actor, catalog: str, engagement_id: str, context_id: str,
              values: Mapping[str, str]) -> LeadRecord:  # fmt: skip
    """The lead's customer and contact replaced by the form's values (the same rules as
    a new lead); its interactions' history is kept."""
    with transaction.atomic():
        record = find_record(actor, catalog, engagement_id, context_id, lock=True)
        current = lead_of(record)
        edited = lead_from_row(values, source_name=_("Leads Management"), source_id="edit")
        check_lead(catalog, edited, values)
        history = list(current.get("Interactions") or [])
        latest = dict(edited["Interactions"][0])
        latest.update({"SourceType": "Partner entered", "CustomerAction": "Edited"})
        lead = {**current, **{k: v for k, v in edited.items() if k != "Interactions"}}
        lead["Interactions"] = (history + [latest])[-20:]
        _save_lead(actor, record, lead)
        _record_change(actor, "UpdateEngagementContext", record)
    return record


def qualify_lead(actor: Actor, catalog: str, engagement_id: str, context_id: str,
                 status: str, reason: str) -> LeadRecord:  # fmt: skip
    """Qualified, Disqualified or Nurturing, with the reason (required)."""
    errors = []
    if status not in QUALIFICATIONS:
        errors.append(FieldError("status", _("Choose Qualified, Disqualified or Nurturing.")))
    if not reason.strip():
        errors.append(FieldError("reason", _("Give the reason."), REQUIRED))
    if errors:
        raise RuleViolation(errors)
    with transaction.atomic():
        record = find_record(actor, catalog, engagement_id, context_id, lock=True)
        lead = lead_of(record)
        lead["QualificationStatus"] = status
        record.qualification_reason = reason.strip()[:1000]
        _save_lead(actor, record, lead)
        _record_change(actor, "UpdateEngagementContext", record, qualificationStatus=status)
    return record


def _owner(company: Company, public_id: str) -> User:
    owner = User.objects.filter(company=company, public_id=public_id, is_active=True).first()
    if owner is None:
        raise refuse("owner", _("Choose an active member of your company."))
    return owner


def transfer_leads(actor: Actor, catalog: str, keys: Iterable[tuple[str, str]],
                   owner_id: str) -> int:  # fmt: skip
    """Assign one lead or many to an owner ("manage all" only); how many moved."""
    require(actor, MANAGE_ALL)
    company = company_of(actor)
    owner = _owner(company, owner_id)
    keys = list(keys)
    if not keys:
        raise refuse("leads", _("Choose at least one lead."), REQUIRED)
    with transaction.atomic():
        for engagement_id, context_id in keys:
            record = find_record(actor, catalog, engagement_id, context_id, lock=True)
            record.owner = owner
            record.updated_at = timezone.now()
            record.save(update_fields=["owner", "updated_at"])
            _record_change(actor, "AssignLead", record, owner=owner.public_id)
    return len(keys)


@dataclass(frozen=True)
class LeadView:
    """A row of the Leads tab."""

    record: LeadRecord
    lead: dict[str, Any]

    @property
    def customer(self) -> dict[str, Any]:
        return dict(self.lead.get("Customer") or {})

    @property
    def qualification(self) -> str:
        return str(self.lead.get("QualificationStatus") or "")

    @property
    def contact(self) -> dict[str, Any]:
        interactions = self.lead.get("Interactions") or [{}]
        return dict(interactions[-1].get("Contact") or {})


def lead_views(records: Iterable[LeadRecord]) -> list[LeadView]:
    return [LeadView(record, lead_of(record)) for record in records]
