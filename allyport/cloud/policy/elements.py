"""Validators for the elements of one statement: Action, Resource, Principal, ….

Each appends a sentence per problem to `errors` (prefixed with `where`, the statement's
position and Sid) and returns what it could read, so one pass finds every problem.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from .conditions import describe_kind, show_value
from .matching import is_action_shape, split_resource
from .model import Principal
from .variables import Template, parse_template

ELEMENTS = ("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition")
PRINCIPAL_ELEMENTS = ("Principal", "NotPrincipal")
PRINCIPAL_TYPES = ("AWS", "Service", "Federated", "CanonicalUser")
EFFECTS = ("Allow", "Deny")


def element_errors(where: str, raw: Mapping[str, Any], kind: str) -> list[str]:
    """Unknown statement elements, and principals where they don't belong."""
    allowed = ELEMENTS + PRINCIPAL_ELEMENTS if kind == "trust" else ELEMENTS
    errors = []
    for key in map(str, raw):
        if key in PRINCIPAL_ELEMENTS and kind != "trust":
            errors.append(
                f'{where}: "{key}" belongs in trust and resource policies, not in an identity '
                "policy; remove it."
            )
        elif key not in allowed:
            errors.append(
                f'{where}: unknown element "{key}"{did_you_mean(key, allowed)}; the allowed '
                f"elements are {listing(allowed)}."
            )
    return errors


def actions_of(
    where: str, element: str | None, raw: Mapping[str, Any], errors: list[str]
) -> list[str]:
    actions = strings_of(where, element, raw.get(element or ""), errors)
    for action in actions:
        if not is_action_shape(action):
            errors.append(
                f'{where}: {element} "{action}" is not of the form "service:action" '
                '(for example "iam:CreateRole") or "*".'
            )
    return actions


def one_of(
    where: str,
    raw: Mapping[str, Any],
    name: str,
    negated: str,
    *,
    required: bool,
    errors: list[str],
) -> str | None:
    """Which of `name`/`negated` the statement uses; reports both or (if required) neither."""
    if name in raw and negated in raw:
        errors.append(f'{where}: has both "{name}" and "{negated}"; keep only one.')
        return None
    if name in raw or negated in raw:
        return name if name in raw else negated
    if required:
        errors.append(f'{where}: has neither "{name}" nor "{negated}"; add one of them.')
    return None


def strings_of(where: str, element: str | None, value: object, errors: list[str]) -> list[str]:
    """The value of a string-or-list-of-strings element, reporting anything else."""
    if element is None:
        return []
    items = value if isinstance(value, list) else [value]
    if not items:
        errors.append(f'{where}: "{element}" is an empty list; list at least one entry.')
    bad = [item for item in items if not isinstance(item, str) or not item]
    if bad:
        errors.append(
            f'{where}: "{element}" must be a string or a list of non-empty strings; '
            f"{show_value(bad[0])} is not."
        )
    return [item for item in items if isinstance(item, str) and item]


def resources_of(
    where: str, element: str | None, raw: Mapping[str, Any], variables: bool, errors: list[str]
) -> list[tuple[str, Template]] | None:
    """(ARN head or `*`, resource-part template) per entry; None without the element."""
    if element is None:
        return None
    entries: list[tuple[str, Template]] = []
    for resource in strings_of(where, element, raw[element], errors):
        if resource == "*":
            entries.append(("*", ()))
            continue
        split = split_resource(resource)
        if split is None:
            errors.append(
                f'{where}: {element} "{resource}" is neither "*" nor an ARN of the form '
                "arn:partition:service:region:account:resource (six colon-separated parts)."
            )
            continue
        head, tail = split
        # Variables are only substituted in the resource part, after the fifth colon.
        template, problems = parse_template(tail) if variables else ((tail,), [])
        errors.extend(f'{where}: {element} "{resource}": {problem}.' for problem in problems)
        entries.append((head, template))
    return entries


def principal_of(where: str, element: str, value: object, errors: list[str]) -> Principal | None:
    if value == "*":
        return Principal(everyone=True, by_type={})
    if not isinstance(value, dict) or not value:
        errors.append(
            f'{where}: "{element}" must be "*" or an object such as '
            f'{{"Service": "ec2.amazonaws.com"}}, not {describe_kind(value)}.'
        )
        return None
    by_type: dict[str, frozenset[str]] = {}
    for principal_type, ids in value.items():
        if principal_type not in PRINCIPAL_TYPES:
            errors.append(
                f'{where}: unknown principal type "{principal_type}" in "{element}"; use '
                f"{listing(PRINCIPAL_TYPES)}."
            )
            continue
        names = strings_of(where, f"{element}.{principal_type}", ids, errors)
        # Service principals are DNS names, so they compare without case.
        lowered = principal_type == "Service"
        by_type[principal_type.lower()] = frozenset(n.lower() if lowered else n for n in names)
    return Principal(everyone=False, by_type=by_type)


def did_you_mean(word: str, choices: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def listing(names: tuple[str, ...]) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
