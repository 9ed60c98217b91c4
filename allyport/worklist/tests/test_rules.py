"""Rules as data: what each condition reads, the checks staff edits pass through, and
facts other domains contribute through the "company.facts" slot."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from allyport.access.actor import Actor
from allyport.audit.models import AuditEvent
from allyport.core import contributions
from allyport.worklist.catalogue import DEFINITIONS
from allyport.worklist.models import Task, TaskDefinition
from allyport.worklist.rules import applies, rule_problems
from allyport.worklist.services.catalogue import definition_problems, save_definition

from .conftest import refresh

FACTS = {
    "company.paths": ["Software"],
    "company.stage": "Confirmed",
    "programs.enrolled": ["ACE"],
    "pipeline.offerings": 2,
    "offering.kind": "msp",
    "offering.stage": "Sell",
}


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ({}, True),
        ({"paths_any": ["Services", "Software"]}, True),
        ({"paths_any": ["Hardware"]}, False),
        ({"min_stage": "Confirmed"}, True),
        ({"min_stage": "Validated"}, False),
        ({"facts_include": {"programs.enrolled": "ACE"}}, True),
        ({"facts_exclude": {"programs.enrolled": "ACE"}}, False),
        ({"facts_exclude": {"programs.missing": "ACE"}}, True),
        ({"facts_at_least": {"pipeline.offerings": 2}}, True),
        ({"facts_below": {"pipeline.offerings": 2}}, False),
        ({"facts_missing": ["profiles.description"]}, True),
        ({"facts_true": ["profiles.description"]}, False),
        ({"offering_kinds": ["msp"], "offering_stages": ["Sell"]}, True),
        ({"offering_kinds": ["software"]}, False),
    ],
)
def test_each_condition(rule, expected):
    assert applies(rule, FACTS) is expected


def test_rule_problems_are_all_reported():
    problems = rule_problems({"nope": 1, "min_stage": "Gold", "offering_kinds": ["x"]}, "account")
    assert len(problems) == 3
    assert any("Unknown condition 'nope'" in p for p in problems)
    assert any("solution tasks only" in p for p in problems)


def test_the_starting_catalogue_is_valid():
    for entry in DEFINITIONS:
        definition = TaskDefinition(**entry)
        assert definition_problems(definition) == {}, entry["key"]


@pytest.mark.django_db
def test_staff_edits_are_checked_and_recorded(lead):
    definition = TaskDefinition.objects.get(key="describe-company")
    definition.rule = {"min_stage": "Gold"}
    staff = Actor.for_staff(lead)
    with pytest.raises(ValidationError):
        save_definition(staff, definition)
    definition.rule = {"min_stage": "Validated"}
    save_definition(staff, definition)
    assert AuditEvent.objects.filter(event_name="UpdateTaskDefinition").exists()


@pytest.mark.django_db
def test_contributed_facts_decide_tasks(octank):
    """profiles' description fact, when present, keeps the description task away; the
    programs' enrolments keep the ACE task away."""

    def facts(company):
        return {"profiles.description": "We build data lakes.", "programs.enrolled": ["ACE"]}

    contributions.contribute("company.facts", facts, name="test.facts")
    try:
        refresh(octank)
    finally:
        contributions.withdraw("company.facts", "test.facts")
    keys = set(Task.objects.filter(company=octank).values_list("definition__key", flat=True))
    assert "describe-company" not in keys and "join-co-selling" not in keys
    assert "invite-team" in keys
