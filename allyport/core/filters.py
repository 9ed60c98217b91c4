"""The search operations' recursive Filter, compiled to one Django Q.

SearchOpportunities, SearchEngagements, SearchCustomerAccounts and
GetCustomerAccountStatistics share the shape: a node is exactly one of
AndAllFilters / OrAllFilters (1-10 nodes), NotFilter (a node), or a leaf
predicate {Key, Value} under EqualsTo, ContainsAny, ContainsAll, GreaterThan,
GreaterThanOrEquals, LessThan, LessThanOrEquals; Value is exactly one of
StringValue, StringListValue, LongValue, DoubleValue, DateValue.

Each search names its keys with a `Field` (ORM lookup path and kind); the kind
decides which operators and value members apply:

| kind | EqualsTo | ContainsAny | ContainsAll | ranges |
|---|---|---|---|---|
| exact | = string | in the strings | - | - |
| text | = string, any case | contains one, any case | contains each, any case | - |
| number | = Long/Double | - | - | Long/Double |
| date, datetime | same day / same instant | - | - | DateValue |
| many | an element = string | an element contains one, any case | every string an element | - |

The service's limits apply (MAX_DEPTH nested combinators, MAX_LEAVES leaves).
Every refusal is a REQUEST_VALIDATION_FAILED field error naming the full path of
the offending member (`Filter.AndAllFilters[1].GreaterThan.Value`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import reduce
from operator import and_, or_
from typing import Any

from django.db.models import JSONField, Model, Q
from django.utils.translation import gettext as _

from allyport.core.errors import INVALID, REQUEST, TOO_MANY, RuleViolation, refuse
from allyport.core.json_lists import ListHas

MAX_DEPTH = 3  # combinators nested on one path (the service's "depth up to 3")
MAX_CHILDREN = 10
MAX_LEAVES = 20
COMBINATORS = ("AndAllFilters", "OrAllFilters", "NotFilter")
RANGES = {
    "GreaterThan": "gt",
    "GreaterThanOrEquals": "gte",
    "LessThan": "lt",
    "LessThanOrEquals": "lte",
}
OPERATORS = (*COMBINATORS, "EqualsTo", "ContainsAny", "ContainsAll", *RANGES)
VALUES = ("StringValue", "StringListValue", "LongValue", "DoubleValue", "DateValue")
STRINGS = ("StringValue", "StringListValue")
NUMBERS = ("LongValue", "DoubleValue")
_MOMENT: dict[str, tuple[str, ...]] = {
    "EqualsTo": ("DateValue",),
    **{op: ("DateValue",) for op in RANGES},
}
# kind -> operator -> the Value members it takes
ACCEPTS: dict[str, dict[str, tuple[str, ...]]] = {
    "exact": {"EqualsTo": ("StringValue",), "ContainsAny": STRINGS},
    "text": {"EqualsTo": ("StringValue",), "ContainsAny": STRINGS, "ContainsAll": STRINGS},
    "number": {"EqualsTo": NUMBERS, **{op: NUMBERS for op in RANGES}},
    "date": _MOMENT,
    "datetime": _MOMENT,
    "many": {"EqualsTo": ("StringValue",), "ContainsAny": STRINGS, "ContainsAll": STRINGS},
}


@dataclass(frozen=True)
class Field:
    lookup: str  # ORM lookup path on the searched model: "stage", "data__Customer__Industry"
    kind: str  # a key of ACCEPTS
    # "many" over a JSON list of objects: the member of each element compared ("Key").
    item: str = ""


def compile_filter(
    tree: Mapping[str, Any] | None,
    fields: Mapping[str, Field],
    *,
    model: type[Model],
    path: str = "Filter",
    unanswerable: Mapping[str, str] | None = None,
) -> Q:
    """The Q selecting what `tree` matches (everything when it is None). `unanswerable`
    maps keys the model accepts but this data cannot answer to the reason given."""
    if tree is None:
        return Q()
    compiler = _Compiler(fields, model, unanswerable or {})
    return compiler.node(tree, path, 0)


def _fail(field: str, message: str, code: str = INVALID) -> RuleViolation:
    return refuse(field, message, code, reason=REQUEST)


def _one_member(value: Any, path: str, allowed: tuple[str, ...]) -> tuple[str, Any]:
    """The single member set in a union object (None counts as absent)."""
    if not isinstance(value, Mapping):
        raise _fail(path, _("Member must be an object."))
    for name in value:
        if name not in allowed:
            raise _fail(f"{path}.{name}", _("Unknown member."))
    present = [(name, item) for name, item in value.items() if item is not None]
    if len(present) != 1:
        raise _fail(path, _("Exactly one member must be set."))
    return present[0]


class _Compiler:
    def __init__(
        self, fields: Mapping[str, Field], model: type[Model], unanswerable: Mapping[str, str]
    ) -> None:
        self.fields, self.model, self.unanswerable = fields, model, unanswerable
        self.leaves = 0

    def node(self, tree: Any, path: str, depth: int) -> Q:
        operator, body = _one_member(tree, path, OPERATORS)
        here = f"{path}.{operator}"
        if operator in COMBINATORS:
            if depth >= MAX_DEPTH:
                message = _("Filters nest at most %(n)d combinators deep.") % {"n": MAX_DEPTH}
                raise _fail(here, message, TOO_MANY)
            if operator == "NotFilter":
                return ~self.node(body, here, depth + 1)
            children = [self.node(child, at, depth + 1) for child, at in _children(body, here)]
            return reduce(and_ if operator == "AndAllFilters" else or_, children)
        self.leaves += 1
        if self.leaves > MAX_LEAVES:
            message = _("A filter has at most %(n)d conditions.") % {"n": MAX_LEAVES}
            raise _fail(here, message, TOO_MANY)
        return self.leaf(operator, body, here)

    def leaf(self, operator: str, predicate: Any, path: str) -> Q:
        if not isinstance(predicate, Mapping):
            raise _fail(path, _("Member must be an object."))
        for name in predicate:
            if name not in ("Key", "Value"):
                raise _fail(f"{path}.{name}", _("Unknown member."))
        field = self.field(predicate.get("Key"), f"{path}.Key")
        accepted = ACCEPTS[field.kind]
        if operator not in accepted:
            raise _fail(
                path,
                _("%(op)s does not apply to %(key)s.") % {"op": operator, "key": predicate["Key"]},
            )
        member, value = _one_member(predicate.get("Value"), f"{path}.Value", VALUES)
        at = f"{path}.Value.{member}"
        if member not in accepted[operator]:
            names = " or ".join(accepted[operator])
            raise _fail(
                at,
                _("%(op)s on %(key)s takes %(names)s.")
                % {"op": operator, "key": predicate["Key"], "names": names},
            )
        return _BUILDERS[field.kind](self, field, operator, _checked(member, value, at))

    def field(self, key: Any, path: str) -> Field:
        if not isinstance(key, str):
            raise _fail(path, _("Member must be a string."))
        if key in self.unanswerable:
            raise _fail(path, self.unanswerable[key])
        if key not in self.fields:
            raise _fail(path, _("%(key)s is not a filter of this search.") % {"key": key})
        return self.fields[key]

    # --- leaves by kind ---------------------------------------------------------

    def scalar(self, field: Field, suffix: str, value: Any) -> Q:
        """One comparison; on a path that can be missing (JSON, nullable, a relation) it
        also requires a value, so that NotFilter keeps the rows without one."""
        matched = Q(**{f"{field.lookup}{suffix}": value})
        if _never_null(self.model, field.lookup):
            return matched
        return matched & Q(**{f"{field.lookup}__isnull": False})

    def exact(self, field: Field, operator: str, value: Any) -> Q:
        if operator == "EqualsTo":
            return self.scalar(field, "", value)
        return self.scalar(field, "__in", _strings(value))

    def text(self, field: Field, operator: str, value: Any) -> Q:
        if operator == "EqualsTo":
            return self.scalar(field, "__iexact", value)
        join = or_ if operator == "ContainsAny" else and_
        return reduce(join, [self.scalar(field, "__icontains", v) for v in _strings(value)])

    def ordered(self, field: Field, operator: str, value: Any) -> Q:
        suffix = "" if operator == "EqualsTo" else f"__{RANGES[operator]}"
        return self.scalar(field, suffix, value)

    def moment(self, field: Field, operator: str, value: datetime) -> Q:
        if field.kind == "datetime":
            wanted: Any = value
            if _in_json(self.model, field.lookup):  # stored as text: compare as text
                wanted = value.isoformat().replace("+00:00", "Z")
            return self.ordered(field, operator, wanted)
        return self.ordered(field, *_day_bound(operator, value, _in_json(self.model, field.lookup)))

    def many(self, field: Field, operator: str, value: Any) -> Q:
        values = _strings(value)
        contains = operator == "ContainsAny"
        matches = [self.element(field, v, contains) for v in values]
        return reduce(and_ if operator == "ContainsAll" else or_, matches)

    def element(self, field: Field, value: str, contains: bool) -> Q:
        column, *rest = field.lookup.split("__")
        if isinstance(self.model._meta.get_field(column), JSONField):
            return Q(ListHas(column, tuple(rest), value, item=field.item, contains=contains))
        # A relation: a subquery, so that negation means "no related row matches".
        lookup = f"{field.lookup}__icontains" if contains else field.lookup
        rows = self.model._default_manager.filter(**{lookup: value}).values("pk")
        return Q(pk__in=rows)


_BUILDERS: dict[str, Callable[[_Compiler, Field, str, Any], Q]] = {
    "exact": _Compiler.exact,
    "text": _Compiler.text,
    "number": _Compiler.ordered,
    "date": _Compiler.moment,
    "datetime": _Compiler.moment,
    "many": _Compiler.many,
}


def _children(body: Any, path: str) -> Iterator[tuple[Any, str]]:
    if not isinstance(body, list):
        raise _fail(path, _("Member must be a list."))
    if not 1 <= len(body) <= MAX_CHILDREN:
        raise _fail(path, _("A combinator takes 1 to %(n)d filters.") % {"n": MAX_CHILDREN})
    for index, child in enumerate(body):
        yield child, f"{path}[{index}]"


def _strings(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _checked(member: str, value: Any, path: str) -> Any:
    """The value in the type its member promises (the request validator has usually
    checked it already; services may be called without it)."""
    if member == "DateValue":
        return _moment(value, path)
    if _fits(member, value):
        return float(value) if member == "DoubleValue" else value
    raise _fail(path, _("This is not a valid %(member)s.") % {"member": member})


def _fits(member: str, value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if member == "StringValue":
        return isinstance(value, str) and bool(value)
    if member == "StringListValue":
        return (
            isinstance(value, list)
            and bool(value)
            and all(isinstance(item, str) and item for item in value)
        )
    if member == "LongValue":
        return isinstance(value, int)
    return isinstance(value, int | float) and math.isfinite(value)


def _moment(value: Any, path: str) -> datetime:
    try:
        if isinstance(value, str):
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        if isinstance(value, datetime):
            aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
            return aware.astimezone(UTC)
    except (ValueError, OverflowError):
        pass
    raise _fail(path, _("This is not a date and time."))


def _day_bound(operator: str, moment: datetime, as_text: bool) -> tuple[str, Any]:
    """A date field against a moment: the date is its day's start (UTC), so
    `>= 10:00 on D` means after D and `< 10:00 on D` means up to D; EqualsTo is the day."""
    day: date = moment.date()
    if moment.time() != datetime.min.time():
        operator = {"GreaterThanOrEquals": "GreaterThan", "LessThan": "LessThanOrEquals"}.get(
            operator, operator
        )
    return operator, day.isoformat() if as_text else day


def _in_json(model: type[Model], lookup: str) -> bool:
    return isinstance(model._meta.get_field(lookup.split("__")[0]), JSONField)


def _never_null(model: type[Model], lookup: str) -> bool:
    """A plain column of the model itself that has no NULLs."""
    if "__" in lookup:
        return False
    field = model._meta.get_field(lookup)
    return not field.null and not field.is_relation and not isinstance(field, JSONField)
