"""Input validation against the operation's input shape, before the handler runs.

botocore checks only required members, Python types and `min` on the client
(spec §1.7); this checks what the model says in full: required and unknown
members, types, unions, string lengths and patterns, enums, numeric ranges,
list and map sizes. Every problem is collected, named by its path
(`Customer.Account.Address.CountryCode`, `Project.ExpectedCustomerSpend[0].Amount`),
and reported in one InvalidRequest (a RuleViolation, REQUEST_VALIDATION_FAILED):
the endpoint answers it as a ValidationException, forms show it by field, bulk
jobs record it per row.

Timestamps become aware datetimes; every other value passes through as parsed.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from botocore.model import Shape, StructureShape

from allyport.core.errors import REQUEST, FieldError, RuleViolation
from allyport.shapes import patterns, timestamps

REQUIRED = "REQUIRED_FIELD_MISSING"
ENUM = "INVALID_ENUM_VALUE"
FORMAT = "INVALID_STRING_FORMAT"
INVALID = "INVALID_VALUE"
RANGE = "VALUE_OUT_OF_RANGE"
TOO_FEW = "NOT_ENOUGH_VALUES"
TOO_MANY = "TOO_MANY_VALUES"
_INT_BOUNDS = {"integer": (-(2**31), 2**31 - 1), "long": (-(2**63), 2**63 - 1)}
_ENUM_SHOWN = 20

Problem = tuple[str, str, str]  # (field, message, code)


class InvalidRequest(RuleViolation):
    """A request the model refuses (REQUEST_VALIDATION_FAILED): every problem by its
    path, and a message that counts and lists them (or one given for the whole)."""

    def __init__(self, errors: list[FieldError], message: str | None = None) -> None:
        self.text = summary(errors) if message is None else message
        super().__init__(errors, REQUEST)

    @property
    def message(self) -> str:
        return self.text


def validate(shape: StructureShape | None, params: dict[str, Any]) -> dict[str, Any]:
    """The parameters with timestamps parsed; InvalidRequest listing every problem otherwise."""
    problems: list[Problem] = []
    if shape is None:
        problems += [(_child("", name), "Unknown member.", INVALID) for name in params]
        result: dict[str, Any] = {}
    else:
        result = _structure(shape, params, "", problems)
    if problems:
        raise InvalidRequest([FieldError(*problem) for problem in problems])
    return result


def summary(problems: Sequence[tuple[str, str, str]]) -> str:
    """`2 validation errors detected: Catalog: …; Project.Title: …`."""
    count = len(problems)
    noun = "error" if count == 1 else "errors"
    details = "; ".join(f"{field or 'request'}: {message}" for field, message, _code in problems)
    return f"{count} validation {noun} detected: {details}"


def _child(path: str, name: str) -> str:
    name = name if len(name) <= 100 else name[:100] + "…"
    return f"{path}.{name}" if path else name


def _value(shape: Shape, value: Any, path: str, problems: list[Problem]) -> Any:
    check = _CHECKS.get(shape.type_name)
    if check is None:  # blob and anything newer: the type is all we know
        return value
    return check(shape, value, path, problems)


def _structure(shape: Shape, value: Any, path: str, problems: list[Problem]) -> Any:
    if getattr(shape, "is_document_type", False):
        return value
    if not isinstance(value, dict):
        problems.append((path, "Member must be an object.", INVALID))
        return value
    assert isinstance(shape, StructureShape)
    members = shape.members
    result: dict[str, Any] = {}
    for name, item in value.items():
        if name not in members:
            problems.append((_child(path, name), "Unknown member.", INVALID))
        elif item is not None:  # null is taken as absent
            result[name] = _value(members[name], item, _child(path, name), problems)
    for name in shape.required_members:
        if value.get(name) is None:
            problems.append((_child(path, name), "Required field is missing.", REQUIRED))
    if shape.is_tagged_union and len(result) != 1:
        problems.append((path, "Exactly one member must be set.", INVALID))
    return result


def _string(shape: Shape, value: Any, path: str, problems: list[Problem]) -> Any:
    if not isinstance(value, str):
        problems.append((path, "Member must be a string.", INVALID))
        return value
    problem = _string_problem(shape, value)
    if problem is not None:
        problems.append((path, *problem))
    return value


def _string_problem(shape: Shape, value: str) -> tuple[str, str] | None:
    # No database stores it (PostgreSQL refuses NUL in text): refused wherever a value
    # is checked against the model — the API, bulk rows, lead rows.
    if "\x00" in value:
        return "Member must not contain the NUL character.", INVALID
    enum = shape.metadata.get("enum")
    if enum and value not in enum:
        return f"Member must satisfy enum value set: {_enum_listing(enum)}.", ENUM
    minimum, maximum = shape.metadata.get("min"), shape.metadata.get("max")
    if minimum is not None and len(value) < minimum:
        return f"Member must have length greater than or equal to {minimum}.", FORMAT
    if maximum is not None and len(value) > maximum:
        return f"Member must have length less than or equal to {maximum}.", FORMAT
    pattern = shape.metadata.get("pattern")
    regex = patterns.compiled(pattern) if pattern else None
    if regex is not None and regex.fullmatch(value) is None:
        return f"Member must satisfy regular expression pattern: {pattern}", FORMAT
    return None


def _enum_listing(values: list[str]) -> str:
    shown = ", ".join(values[:_ENUM_SHOWN])
    more = f", … ({len(values)} values)" if len(values) > _ENUM_SHOWN else ""
    return f"[{shown}{more}]"


def _integer(shape: Shape, value: Any, path: str, problems: list[Problem]) -> Any:
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append((path, "Member must be an integer.", INVALID))
        return value
    low, high = _INT_BOUNDS[shape.type_name]
    _check_range(shape, value, path, problems, low, high)
    return value


def _float(shape: Shape, value: Any, path: str, problems: list[Problem]) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        problems.append((path, "Member must be a number.", INVALID))
        return value
    _check_range(shape, value, path, problems, -math.inf, math.inf)
    return float(value)


def _check_range(
    shape: Shape, value: float, path: str, problems: list[Problem], low: float, high: float
) -> None:
    minimum = max(low, shape.metadata.get("min", low))
    maximum = min(high, shape.metadata.get("max", high))
    if value < minimum:
        problems.append(
            (path, f"Member must have value greater than or equal to {minimum}.", RANGE)
        )
    elif value > maximum:
        problems.append((path, f"Member must have value less than or equal to {maximum}.", RANGE))


def _boolean(shape: Shape, value: Any, path: str, problems: list[Problem]) -> Any:
    if not isinstance(value, bool):
        problems.append((path, "Member must be a boolean.", INVALID))
    return value


def _timestamp(shape: Shape, value: Any, path: str, problems: list[Problem]) -> Any:
    try:
        return timestamps.parse_timestamp(value)
    except ValueError:
        message = "Member must be an ISO-8601 timestamp or epoch seconds."
        problems.append((path, message, INVALID))
        return value


def _list(shape: Shape, value: Any, path: str, problems: list[Problem]) -> Any:
    if not isinstance(value, list):
        problems.append((path, "Member must be a list.", INVALID))
        return value
    _check_size(shape, len(value), path, problems)
    member = shape.member
    return [_value(member, item, f"{path}[{i}]", problems) for i, item in enumerate(value)]


def _map(shape: Shape, value: Any, path: str, problems: list[Problem]) -> Any:
    if not isinstance(value, dict):
        problems.append((path, "Member must be a map.", INVALID))
        return value
    _check_size(shape, len(value), path, problems)
    key_shape, value_shape = shape.key, shape.value
    result = {}
    for key, item in value.items():
        item_path = _child(path, key)
        _string(key_shape, key, item_path, problems)
        result[key] = _value(value_shape, item, item_path, problems)
    return result


def _check_size(shape: Shape, size: int, path: str, problems: list[Problem]) -> None:
    minimum, maximum = shape.metadata.get("min"), shape.metadata.get("max")
    if minimum is not None and size < minimum:
        problems.append((path, f"Member must have at least {minimum} items.", TOO_FEW))
    elif maximum is not None and size > maximum:
        problems.append((path, f"Member must have at most {maximum} items.", TOO_MANY))


_CHECKS: dict[str, Callable[[Shape, Any, str, list[Problem]], Any]] = {
    "structure": _structure,
    "string": _string,
    "integer": _integer,
    "long": _integer,
    "float": _float,
    "double": _float,
    "boolean": _boolean,
    "timestamp": _timestamp,
    "list": _list,
    "map": _map,
}
