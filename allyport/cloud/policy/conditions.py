"""The Condition element: parsing operator blocks and deciding them against a request.

Logic (AWS "standard" evaluation): every operator must hold, every key under an
operator must hold, and a key holds when the request value matches *any* of the
policy values; a negated operator (StringNotEquals, NotIpAddress, …) holds when it
matches *none*. Context keys are case-insensitive; callers pass a context whose keys
are already lower-cased (see `evaluate.normalize_context`).

A key that is absent makes the condition false, except for negated operators (true),
`…IfExists` (true), `ForAllValues:` (true: the empty set is a subset of anything) and
`Null` (which tests exactly that). An empty list counts as an empty set of values.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .operators import OPERATORS, Matcher, OperatorSpec, build_matcher
from .variables import Template, Variable, is_static, parse_template, resolve, static_pieces

SET_PREFIXES = {"ForAllValues:": "all", "ForAnyValue:": "any"}
_IF_EXISTS = "IfExists"
_NULL = "Null"
_ALL_NAMES = [*OPERATORS, *(name + _IF_EXISTS for name in OPERATORS), _NULL]
_MULTI = (list, tuple, set, frozenset)  # context values that hold several values


@dataclass(frozen=True, eq=False)
class Condition:
    """One key under one operator, compiled."""

    operator: str  # as written, e.g. "ForAllValues:StringEquals"
    key: str  # as written, e.g. "aws:PrincipalTag/Team"
    lookup: str  # lower-cased key
    spec: OperatorSpec | None  # None for Null
    null_values: tuple[bool, ...]  # Null only
    set_op: str | None  # "all", "any" or None
    if_exists: bool
    static: Matcher | None  # the matcher when no value holds a variable
    templates: tuple[Template, ...]  # String/Arn values when some hold variables
    variables: tuple[Variable, ...]  # variables without a default, for missing keys

    @property
    def when_absent(self) -> bool:
        if self.if_exists or self.set_op == "all":
            return True
        if self.set_op == "any" or self.spec is None:
            return False
        return self.spec.negated

    def holds(self, context: Mapping[str, object]) -> bool:
        raw = context.get(self.lookup)
        if self.spec is None:  # Null: true means "the key is absent"
            absent = raw is None or (isinstance(raw, _MULTI) and not raw)
            return absent in self.null_values
        if raw is None:
            return self.when_absent
        if not isinstance(raw, _MULTI):  # the common case: one value
            return self._satisfies(raw, *self._matcher(context))
        if not raw:
            if self.set_op is not None:
                return self.set_op == "all"
            return self.when_absent
        matcher, unresolved = self._matcher(context)
        checks = (self._satisfies(value, matcher, unresolved) for value in raw)
        if self.set_op == "all" or (self.set_op is None and self.spec.negated):
            return all(checks)
        return any(checks)

    def _satisfies(self, value: object, matcher: Matcher, unresolved: bool) -> bool:
        """Does one request value satisfy the operator (negation included)?"""
        assert self.spec is not None
        comparable = self.spec.family.coerce(value)
        if comparable is None:  # e.g. "abc" for a Numeric operator: neither way
            return False
        if self.spec.negated:
            # A value whose variable has no value can't be shown to differ.
            return not unresolved and not matcher(comparable)
        return matcher(comparable)

    def _matcher(self, context: Mapping[str, object]) -> tuple[Matcher, bool]:
        """The matcher for this request, and whether some value could not be resolved."""
        if self.static is not None:
            return self.static, False
        assert self.spec is not None
        resolved = []
        unresolved = False
        for template in self.templates:
            pieces = resolve(template, context)
            if pieces is None:
                unresolved = True
            else:
                resolved.append(pieces)
        return build_matcher(self.spec.comparison, tuple(resolved)), unresolved


def describe_kind(value: object) -> str:
    """How a value of the wrong type is named in messages: "a string", "a list", …"""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    names: dict[type, str] = {dict: "an object", list: "a list", str: "a string"}
    return names.get(type(value), type(value).__name__)


def show_value(value: object) -> str:
    """A value as it would appear in the JSON document."""
    try:
        return json.dumps(value)
    except (TypeError, ValueError):
        return repr(value)


def _split_operator(name: str) -> tuple[str | None, str, bool]:
    """(set prefix, base operator, IfExists) of an operator name."""
    set_op = None
    for prefix, op in SET_PREFIXES.items():
        if name.startswith(prefix):
            set_op, name = op, name[len(prefix) :]
    if name.endswith(_IF_EXISTS):
        return set_op, name[: -len(_IF_EXISTS)], True
    return set_op, name, False


def _unknown_operator(where: str, name: str) -> str:
    prefix = next((p for p in SET_PREFIXES if name.startswith(p)), "")
    close = difflib.get_close_matches(name[len(prefix) :], _ALL_NAMES, n=1, cutoff=0.75)
    hint = f' (did you mean "{prefix}{close[0]}"?)' if close else ""
    return f'{where}: unknown condition operator "{name}"{hint}.'


def compile_conditions(
    block: object, *, variables: bool, where: str
) -> tuple[tuple[Condition, ...], list[str]]:
    """Compile a statement's Condition element; `where` names the statement in messages."""
    if not isinstance(block, dict):
        example = '{"StringEquals": {"aws:username": "alice"}}'
        return (), [
            f'{where}: "Condition" must be an object such as {example}, not {describe_kind(block)}.'
        ]
    conditions: list[Condition] = []
    errors: list[str] = []
    for operator, body in block.items():
        operator = str(operator)
        set_op, base, if_exists = _split_operator(operator)
        if base == _NULL and if_exists:
            errors.append(
                f'{where}: "{operator}" is not an operator: Null already tests whether the '
                'key exists; use "Null".'
            )
            continue
        if base == _NULL and set_op is not None:
            errors.append(
                f'{where}: "{operator}": the Null operator takes no ForAllValues:/ForAnyValue: '
                'prefix; use "Null".'
            )
            continue
        if base != _NULL and base not in OPERATORS:
            errors.append(_unknown_operator(where, operator))
            continue
        if not isinstance(body, dict) or not body:
            shown = "an empty object" if body == {} else describe_kind(body)
            errors.append(
                f'{where}: condition operator "{operator}" must map condition keys to values, '
                f'e.g. {{"aws:username": "alice"}}, not {shown}.'
            )
            continue
        for key, value in body.items():
            condition, problems = _compile_one(
                operator, str(key), value, set_op, base, if_exists, variables, where
            )
            errors.extend(problems)
            if condition is not None:
                conditions.append(condition)
    return tuple(conditions), errors


def _compile_one(
    operator: str,
    key: str,
    value: object,
    set_op: str | None,
    base: str,
    if_exists: bool,
    variables: bool,
    where: str,
) -> tuple[Condition | None, list[str]]:
    if not key.strip():
        return None, [f'{where}: condition operator "{operator}" has an empty condition key.']
    about = f'{where}: condition "{operator}" on "{key}"'
    raw_values = value if isinstance(value, list) else [value]
    if not raw_values:
        return None, [f"{about} has no values; give at least one."]
    spec = OPERATORS.get(base)
    family_problem = spec.family.problem if spec else "is not true or false"
    parse = spec.family.parse if spec else OPERATORS["Bool"].family.parse
    parsed: list[Any] = []
    errors: list[str] = []
    for item in raw_values:
        result = None if isinstance(item, list | dict) else parse(item)
        if result is None:
            errors.append(f"{about} has the value {show_value(item)}, which {family_problem}.")
        else:
            parsed.append(result)
    if errors:
        return None, errors
    if spec is None:
        return _condition(operator, key, None, set_op, False, null_values=tuple(parsed)), []
    if not spec.family.variables:
        matcher = build_matcher(spec.comparison, tuple(parsed))
        return _condition(operator, key, spec, set_op, if_exists, static=matcher), []
    templates: list[Template] = []
    for text in parsed:
        template, problems = parse_template(text) if variables else ((text,), [])
        errors.extend(f"{about}: {problem}." for problem in problems)
        templates.append(template)
    if errors:
        return None, errors
    if all(is_static(template) for template in templates):
        pieces = tuple(static_pieces(template) for template in templates)
        matcher = build_matcher(spec.comparison, pieces)
        return _condition(operator, key, spec, set_op, if_exists, static=matcher), []
    return _condition(operator, key, spec, set_op, if_exists, templates=tuple(templates)), []


def _condition(
    operator: str,
    key: str,
    spec: OperatorSpec | None,
    set_op: str | None,
    if_exists: bool,
    *,
    null_values: tuple[bool, ...] = (),
    static: Matcher | None = None,
    templates: tuple[Template, ...] = (),
) -> Condition:
    unresolvable = tuple(
        part
        for template in templates
        for part in template
        if isinstance(part, Variable) and part.default is None
    )
    return Condition(
        operator=operator,
        key=key,
        lookup=key.lower(),
        spec=spec,
        null_values=null_values,
        set_op=set_op,
        if_exists=if_exists,
        static=static,
        templates=templates,
        variables=unresolvable,
    )
