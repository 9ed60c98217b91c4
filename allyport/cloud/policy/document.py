"""Parsing and validating policy documents into compiled `Policy` objects.

Validation reports every problem it finds in one go (a person fixing a policy should
not have to submit it once per mistake), each as a sentence naming the statement by
position and Sid: `Statement 2 ("AttachPolicy"): unknown condition operator …`.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from typing import Any

from .conditions import Condition, compile_conditions, describe_kind, show_value
from .elements import (
    EFFECTS,
    actions_of,
    did_you_mean,
    element_errors,
    one_of,
    principal_of,
    resources_of,
)
from .matching import ActionMatcher, ResourceMatcher
from .model import Policy, Statement
from .variables import MODERN_VERSION

KINDS = ("identity", "trust")
VERSIONS = (MODERN_VERSION, "2008-10-17")
TOP_LEVEL = ("Version", "Id", "Statement")


class PolicyDocumentError(ValueError):
    """The document is not a valid policy; `errors` holds one sentence per problem."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = list(errors)
        count = f"{len(self.errors)} problem" + ("s" if len(self.errors) != 1 else "")
        super().__init__(f"Invalid policy document ({count}):\n- " + "\n- ".join(self.errors))


def parse_policy(source: str | bytes | Mapping[str, Any], *, kind: str = "identity") -> Policy:
    """Parse, validate and compile a policy given as JSON text or an already-decoded object.

    `kind` is "identity" (Principal is not allowed, Resource is required) or "trust"
    (a role trust policy or other resource policy: Principal is required).
    Raises PolicyDocumentError listing every problem found.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    document, errors = _load(source)
    if document is None:
        raise PolicyDocumentError(errors)
    policy, problems = _build(document, kind)
    errors.extend(problems)
    if errors or policy is None:
        raise PolicyDocumentError(errors)
    return policy


def _load(source: str | bytes | Mapping[str, Any]) -> tuple[Mapping[str, Any] | None, list[str]]:
    if isinstance(source, Mapping):
        # A copy: the caller may go on changing their dict; `Policy.document` must not.
        return copy.deepcopy(source), []
    if not isinstance(source, str | bytes):
        return None, [
            f"The policy must be a JSON object or JSON text, not {describe_kind(source)}."
        ]
    if isinstance(source, bytes):
        try:
            source = source.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            return None, [f"The policy is not UTF-8 text (byte {error.start} is invalid)."]
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in items:
            if key in seen and key not in duplicates:
                duplicates.append(key)
            seen[key] = value
        return seen

    try:
        document = json.loads(source.lstrip("\ufeff"), object_pairs_hook=pairs)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        return None, [f"The policy is not valid JSON: {error.msg} at {where}."]
    errors = [
        f'The key "{key}" appears more than once in the same JSON object; only the last one '
        "would count, so remove the others."
        for key in duplicates
    ]
    if not isinstance(document, dict):
        errors.append(f"The policy must be a JSON object ({{…}}), not {describe_kind(document)}.")
        return None, errors
    return document, errors


def _build(document: Mapping[str, Any], kind: str) -> tuple[Policy | None, list[str]]:
    errors = [
        f'Unknown top-level element "{key}"{did_you_mean(key, TOP_LEVEL)}; '
        "the allowed elements are Version, Id and Statement."
        for key in map(str, document)
        if key not in TOP_LEVEL
    ]
    version = document.get("Version")
    if version is None:
        errors.append(f'The policy has no "Version"; add "Version": "{MODERN_VERSION}".')
    elif version not in VERSIONS:
        errors.append(
            f'"Version" is {show_value(version)}; it must be "{MODERN_VERSION}" '
            '(or the legacy "2008-10-17").'
        )
    policy_id = document.get("Id")
    if policy_id is not None and not isinstance(policy_id, str):
        errors.append(f'"Id" must be a string, not {describe_kind(policy_id)}.')
    raw = document.get("Statement")
    if raw is None:
        errors.append('The policy has no "Statement"; add a list of statements.')
        raw = []
    elif isinstance(raw, dict):
        raw = [raw]
    elif not isinstance(raw, list):
        errors.append(
            f'"Statement" must be an object or a list of objects, not {describe_kind(raw)}.'
        )
        raw = []
    elif not raw:
        errors.append('"Statement" is an empty list; add at least one statement.')
    variables = version == MODERN_VERSION
    statements: list[Statement] = []
    sids: dict[str, int] = {}
    for index, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            errors.append(f"Statement {index} must be a JSON object, not {describe_kind(item)}.")
            continue
        statement, problems = _statement(index, item, kind, variables)
        errors.extend(problems)
        sid = item.get("Sid")
        if isinstance(sid, str) and sid:
            if sid in sids:
                errors.append(
                    f'Statement {index} ("{sid}"): the Sid "{sid}" is already used by '
                    f"statement {sids[sid]}; each Sid must be unique within the policy."
                )
            sids.setdefault(sid, index)
        if statement is not None:
            statements.append(statement)
    if errors:
        return None, errors
    policy = Policy(
        version=str(version),
        kind=kind,
        id=policy_id,
        statements=tuple(statements),
        document=document,
    )
    return policy, []


def _statement(
    index: int, raw: Mapping[str, Any], kind: str, variables: bool
) -> tuple[Statement | None, list[str]]:
    sid = raw.get("Sid")
    where = f'Statement {index} ("{sid}")' if isinstance(sid, str) and sid else f"Statement {index}"
    errors = element_errors(where, raw, kind)
    if sid is not None and not isinstance(sid, str):
        errors.append(f'{where}: "Sid" must be a string, not {describe_kind(sid)}.')
    effect = raw.get("Effect")
    if effect is None:
        errors.append(f'{where}: has no "Effect"; add "Effect": "Allow" or "Effect": "Deny".')
    elif effect not in EFFECTS:
        errors.append(f'{where}: "Effect" is {show_value(effect)}; it must be "Allow" or "Deny".')
    action_element = one_of(where, raw, "Action", "NotAction", required=True, errors=errors)
    actions = actions_of(where, action_element, raw, errors)
    resource_element = one_of(
        where, raw, "Resource", "NotResource", required=kind == "identity", errors=errors
    )
    resources = resources_of(where, resource_element, raw, variables, errors)

    principal_element, principal = None, None
    if kind == "trust":
        principal_element = one_of(
            where, raw, "Principal", "NotPrincipal", required=True, errors=errors
        )
    if principal_element is not None:
        principal = principal_of(where, principal_element, raw[principal_element], errors)

    conditions: tuple[Condition, ...] = ()
    if "Condition" in raw:
        conditions, problems = compile_conditions(
            raw["Condition"], variables=variables, where=where
        )
        errors.extend(problems)
    if errors or action_element is None:
        return None, errors
    return Statement(
        index=index,
        sid=sid,
        effect=str(effect),
        actions=ActionMatcher.build(actions),
        not_action=action_element == "NotAction",
        resources=None if resources is None else ResourceMatcher.build(resources),
        not_resource=resource_element == "NotResource",
        conditions=conditions,
        principal=principal if principal_element == "Principal" else None,
        not_principal=principal if principal_element == "NotPrincipal" else None,
    ), []
