"""Recommendations: which tasks apply to a company and its offerings, where each
offering stands in its growth stages, and whether the company may receive referrals.

`refresh_company` recomputes all of it from the facts (`facts.py`) and the data
(`TaskDefinition.rule`, `GrowthRule`). It runs after an opportunity changes (the
pipeline's signal, after commit), on the maintenance sweep, and on reading the task
pages when the fingerprint of what it reads has changed (a few aggregate queries), so
an offering created or activated is seen at the next read. Moves are audited; new
tasks go to the alliance lead, who reassigns them.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from allyport.access.actor import Actor
from allyport.access.decisions import require
from allyport.access.models import RoleAssignment
from allyport.accounts.models import Company
from allyport.audit import services as audit
from allyport.worklist import counts
from allyport.worklist import facts as fact_source
from allyport.worklist.models import (
    STAGE_ORDER,
    CompanyGrowth,
    GrowthRule,
    OfferingStage,
    Task,
    TaskDefinition,
    TaskStatus,
    TaskType,
)
from allyport.worklist.permissions import REFRESH_TASKS
from allyport.worklist.rules import applies, number

REFERRAL_ELIGIBLE = "referral_eligible"
CHECK_EVERY = 30  # seconds
TASKS_SOURCE = "partnercentral-account-management.amazonaws.com"


def _catalogue_version() -> str:
    found = [
        TaskDefinition.objects.aggregate(at=Max("updated_at"))["at"],
        GrowthRule.objects.aggregate(at=Max("updated_at"))["at"],
    ]
    return "|".join(str(at) for at in found)


def fingerprint(company_facts: dict[str, Any]) -> str:
    """What a recommendation read, hashed: unchanged facts and catalogue, nothing to do."""
    text = json.dumps(company_facts, sort_keys=True, default=str) + _catalogue_version()
    return hashlib.sha256(text.encode()).hexdigest()


def alliance_lead_of(company: Company) -> Any:
    found = RoleAssignment.objects.filter(company=company, role="alliance_lead").first()
    return found.user if found is not None else None


def _record_move(actor: Actor, company: Company, name: str, request: dict[str, Any]) -> None:
    audit.record_change(
        actor, name, event_source=TASKS_SOURCE, company=company, request_parameters=request
    )


def _rules(subject: str) -> list[GrowthRule]:
    return list(GrowthRule.objects.filter(subject=subject, active=True))


def _reached(rules: list[GrowthRule], facts: dict[str, Any]) -> list[str]:
    return [rule.target for rule in rules if number(facts.get(rule.measure)) >= rule.threshold]


def _company_move(
    actor: Actor, company: Company, growth: CompanyGrowth, facts: dict[str, Any]
) -> bool:
    """Referral eligibility, once reached, stays (AWS does not take it back)."""
    if growth.referral_eligible_at is not None:
        return True
    if REFERRAL_ELIGIBLE not in _reached(_rules(GrowthRule.Subject.COMPANY), facts):
        return False
    growth.referral_eligible_at = timezone.now()
    _record_move(actor, company, "BecomeReferralEligible", {
        "validatedPartnerOpportunities": facts.get("pipeline.validated_partner_opportunities"),
    })  # fmt: skip
    return True


def _offering_moves(
    actor: Actor, company: Company, offerings: list[tuple[Any, dict[str, Any]]]
) -> None:
    """Each offering moves to the furthest stage its rules reach (never back)."""
    rules = [r for r in _rules(GrowthRule.Subject.OFFERING) if r.target in STAGE_ORDER]
    stored = {row.solution_id: row for row in OfferingStage.objects.filter(company=company)}
    new_rows = []
    for solution, facts in offerings:
        current = facts["offering.stage"]
        furthest = max([current, *_reached(rules, facts)], key=STAGE_ORDER.index)
        if solution.pk not in stored:
            new_rows.append(OfferingStage(solution=solution, company=company, stage=furthest))
        elif furthest != current:
            row = stored[solution.pk]
            row.stage, row.changed_at = furthest, timezone.now()
            row.save(update_fields=["stage", "changed_at"])
        if furthest != current:
            facts["offering.stage"] = furthest
            _record_move(actor, company, "MoveOfferingStage", {
                "offering": solution.public_id, "from": current, "to": furthest,
            })  # fmt: skip
    OfferingStage.objects.bulk_create(new_rows, ignore_conflicts=True)


def _wanted(
    company: Company, facts: dict[str, Any], offerings: list[tuple[Any, dict[str, Any]]]
) -> list[tuple[TaskDefinition, Any, dict[str, Any]]]:
    """(definition, offering or None, facts) for every task that applies."""
    wanted = []
    for definition in TaskDefinition.objects.filter(active=True):
        if definition.type != TaskType.SOLUTION:
            if applies(definition.rule, facts):
                wanted.append((definition, None, facts))
            continue
        for solution, offering in offerings:
            merged = {**facts, **offering}
            if applies(definition.rule, merged):
                wanted.append((definition, solution, merged))
    return wanted


def _create_tasks(
    company: Company, wanted: list[tuple[TaskDefinition, Any, dict[str, Any]]]
) -> int:
    existing = set(Task.objects.filter(company=company).values_list("definition_id", "solution_id"))
    lead = alliance_lead_of(company)
    new = [
        Task(company=company, definition=definition, type=definition.type, solution=solution,
             assignee=lead)
        for definition, solution, _facts in wanted
        if (definition.pk, solution.pk if solution else None) not in existing
    ]  # fmt: skip
    Task.objects.bulk_create(new, ignore_conflicts=True, batch_size=1000)
    return len(new)


def _mark_done(
    company: Company, facts: dict[str, Any], offerings: list[tuple[Any, dict[str, Any]]]
) -> None:
    """Open tasks whose linked work the facts show done become ready to confirm (also
    tasks of a stage the offering has left)."""
    checked = {d.pk: d.done_rule for d in TaskDefinition.objects.all() if d.done_rule}
    by_offering = {solution.pk: offering for solution, offering in offerings}
    open_tasks = Task.objects.filter(
        company=company, status=TaskStatus.OPEN, definition_id__in=list(checked)
    ).values_list("pk", "definition_id", "solution_id")
    ready = [
        pk
        for pk, definition_id, solution_id in open_tasks
        if applies(checked[definition_id], {**facts, **by_offering.get(solution_id, {})})
    ]
    Task.objects.filter(pk__in=ready).update(status=TaskStatus.WORK_DONE, updated_at=timezone.now())


def refresh_company(actor: Actor, company: Company, *, force: bool = False) -> int:
    """Recompute growth stages and tasks for `company`; the number of new tasks."""
    require(actor, REFRESH_TASKS)
    growth, _made = CompanyGrowth.objects.get_or_create(company=company)
    facts = fact_source.company_facts(company, referral_eligible=bool(growth.referral_eligible_at))
    if not force and growth.fingerprint == fingerprint(facts):
        return 0
    with transaction.atomic():
        growth = CompanyGrowth.objects.select_for_update().get(pk=growth.pk)
        facts["worklist.referral_eligible"] = _company_move(actor, company, growth, facts)
        stages = dict(
            OfferingStage.objects.filter(company=company).values_list("solution_id", "stage")
        )
        offerings = fact_source.offering_facts(company, stages)
        _offering_moves(actor, company, offerings)
        wanted = _wanted(company, facts, offerings)
        created = _create_tasks(company, wanted)
        _mark_done(company, facts, offerings)
        if created:
            _record_move(actor, company, "RecommendTasks", {"newTasks": created})
        # The facts as the next read will see them (eligibility included).
        growth.fingerprint, growth.refreshed_at = fingerprint(facts), timezone.now()
        counts.changed(company.pk)
        growth.save()
    return created


def checked_key(company_id: int) -> str:
    return f"worklist:checked:{company_id}"


def refresh_if_changed(company: Company, *, checked: bool | None = None) -> bool:
    """For reads: the system recomputes when what the rules read has changed, looking
    at most once per CHECK_EVERY seconds per company (the check itself is a handful of
    aggregate queries; opportunity changes refresh at once through the signal).
    `checked`: the caller read the mark already (with other keys, in one round trip).
    Says whether it refreshed (the counts' generation may then have moved on)."""
    if checked is None:
        checked = bool(cache.get(checked_key(company.pk)))
    if checked:
        return False
    refresh_company(Actor.system(), company)
    cache.set(checked_key(company.pk), True, CHECK_EVERY)
    return True
