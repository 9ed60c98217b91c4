"""Staff edit the catalogue (task definitions and growth rules) in the admin: each
save is checked (every problem at once) and recorded."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from allyport.access.actor import Actor
from allyport.access.decisions import require
from allyport.audit import services as audit
from allyport.core import fragments
from allyport.worklist.models import GrowthRule, TaskDefinition
from allyport.worklist.permissions import EDIT_CATALOGUE
from allyport.worklist.rules import rule_problems
from allyport.worklist.services.forms import field_problems
from allyport.worklist.services.recommend import TASKS_SOURCE

# core.fragments generation of the catalogue: pages that show task titles (the Tasks
# page) depend on it; staff's edits carry no company, so no company's generation moves.
CATALOGUE_GENERATION = ("worklist-catalogue", 0)


def definition_problems(definition: TaskDefinition) -> dict[str, list[str]]:
    problems = {
        "rule": rule_problems(definition.rule, definition.type),
        "done_rule": rule_problems(definition.done_rule, definition.type),
        "form_fields": field_problems(definition.form_fields),
    }
    if definition.type == "solution" and not definition.stage:
        problems["stage"] = ["A solution task belongs to a growth stage."]
    return {field: found for field, found in problems.items() if found}


def save_definition(actor: Actor, definition: TaskDefinition) -> TaskDefinition:
    require(actor, EDIT_CATALOGUE)
    problems = definition_problems(definition)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        definition.save()
        fragments.changed(*CATALOGUE_GENERATION)
        audit.record_change(actor, "UpdateTaskDefinition", event_source=TASKS_SOURCE,
                            request_parameters={"key": definition.key, "rule": definition.rule,
                                                "active": definition.active})  # fmt: skip
    return definition


def save_growth_rule(actor: Actor, rule: GrowthRule) -> GrowthRule:
    require(actor, EDIT_CATALOGUE)
    with transaction.atomic():
        rule.save()
        fragments.changed(*CATALOGUE_GENERATION)
        audit.record_change(actor, "UpdateGrowthRule", event_source=TASKS_SOURCE,
                            request_parameters={"subject": rule.subject, "target": rule.target,
                                                "measure": rule.measure,
                                                "threshold": rule.threshold})  # fmt: skip
    return rule
