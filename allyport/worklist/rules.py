"""A task definition's rule: data that says for which companies (and, for solution
tasks, which offerings) the task applies.

A rule is a JSON object; every condition it names must hold (an empty rule applies to
everyone). Conditions:

    paths_any        ["Software", ...]     the company follows at least one of the paths
    min_stage        "Validated"           the company is at this stage or higher
    offering_kinds   ["software", ...]     the offering is software, service or msp
    offering_stages  ["Build", ...]        the offering's growth stage is one of these
    facts_true       ["name", ...]         each fact is present and truthy
    facts_missing    ["name", ...]         each fact is absent, empty, zero or false
    facts_include    {"name": "value"}     the fact (a list) holds the value
    facts_exclude    {"name": "value"}     the fact (a list) does not hold it (absent: holds not)
    facts_at_least   {"name": 3}           the fact (a number) is at least this
    facts_below      {"name": 3}           the fact (a number; absent: 0) is below this

Facts are named values (docs/ARCHITECTURE.md, "Tasks": the worklist's own, the
pipeline's, and those other domains contribute through the "company.facts" slot).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from allyport.access.model import access_model
from allyport.worklist.models import STAGE_ORDER

Facts = Mapping[str, Any]

OFFERING_KINDS = ("software", "service", "msp")
# Solution.category (the Selling API's categories) → the guide's three solution types.
KIND_OF_CATEGORY = {
    "Software Product": "software",
    "Hardware Product": "software",
    "Communications Product": "software",
    "Consulting Service": "service",
    "Professional Service": "service",
    "Value-Added Resale Amazon Web Services Service": "service",
    "Distribution Service": "service",
    "Managed Service": "msp",
}
OFFERING_CONDITIONS = ("offering_kinds", "offering_stages")


def number(value: Any) -> float:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, list | tuple | set):
        return float(len(value))
    return 0.0


def _holds(value: Any, wanted: Any) -> bool:
    return isinstance(value, list | tuple | set | frozenset) and wanted in value


def _stage_at_least(facts: Facts, wanted: str) -> bool:
    stages = access_model().stages
    stage = facts.get("company.stage")
    return stage in stages and stages.index(stage) >= stages.index(wanted)


CHECKS: dict[str, Callable[[Facts, Any], bool]] = {
    "paths_any": lambda f, v: bool(set(f.get("company.paths") or ()) & set(v)),
    "min_stage": _stage_at_least,
    "offering_kinds": lambda f, v: f.get("offering.kind") in v,
    "offering_stages": lambda f, v: f.get("offering.stage") in v,
    "facts_true": lambda f, v: all(bool(f.get(name)) for name in v),
    "facts_missing": lambda f, v: not any(bool(f.get(name)) for name in v),
    "facts_include": lambda f, v: all(_holds(f.get(k), w) for k, w in v.items()),
    "facts_exclude": lambda f, v: not any(_holds(f.get(k), w) for k, w in v.items()),
    "facts_at_least": lambda f, v: all(number(f.get(k)) >= n for k, n in v.items()),
    "facts_below": lambda f, v: all(number(f.get(k)) < n for k, n in v.items()),
}


def applies(rule: Mapping[str, Any], facts: Facts) -> bool:
    """Whether every condition of `rule` holds for `facts` (a company's, merged with
    one offering's for solution tasks)."""
    return all(CHECKS[name](facts, value) for name, value in rule.items())


def _list_of_text(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _mapping_of(value: Any, kind: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(key, str) and isinstance(item, kind) and not isinstance(item, bool)
        for key, item in value.items()
    )


def rule_problems(rule: Any, task_type: str) -> list[str]:
    """Every problem with a rule, at once (the admin shows them; an empty list: valid)."""
    if not isinstance(rule, dict):
        return ["A rule is a JSON object."]
    problems = []
    for name, value in rule.items():
        if name not in CHECKS:
            problems.append(f"Unknown condition {name!r}; known: {', '.join(CHECKS)}.")
        elif name in OFFERING_CONDITIONS and task_type != "solution":
            problems.append(f"{name!r} applies to solution tasks only.")
        elif name == "min_stage" and value not in access_model().stages:
            problems.append(f"min_stage must be one of {', '.join(access_model().stages)}.")
        elif name == "offering_kinds" and not (
            _list_of_text(value) and set(value) <= set(OFFERING_KINDS)
        ):
            problems.append(f"offering_kinds lists some of {', '.join(OFFERING_KINDS)}.")
        elif name == "offering_stages" and not (
            _list_of_text(value) and set(value) <= set(STAGE_ORDER)
        ):
            problems.append(f"offering_stages lists some of {', '.join(STAGE_ORDER)}.")
        elif name in ("paths_any", "facts_true", "facts_missing") and not _list_of_text(value):
            problems.append(f"{name} is a list of names.")
        elif name in ("facts_include", "facts_exclude") and not _mapping_of(value, str):
            problems.append(f"{name} maps fact names to a value.")
        elif name in ("facts_at_least", "facts_below") and not _mapping_of(value, int | float):
            problems.append(f"{name} maps fact names to a number.")
    return problems
