"""Request bodies drawn from a service model's input shapes, for the contract fuzz
harness (fuzz.py): `valid` draws a value the shape allows, `invalid` one it refuses,
and `defective` puts one or two defects into a valid body (a value breaking its
length, pattern, enum, range or type, a list of the wrong size, a required member
dropped, an unknown member added, a union with two members), returning the field
paths the answer must name."""

from __future__ import annotations

import re
import string
from datetime import UTC, timedelta, timezone
from typing import Any

from botocore.model import Shape
from hypothesis import strategies as st

from allyport.shapes import patterns

ZONES = (UTC, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12)))
LIST_CAP = 3  # longest valid list drawn
DEPTH_CAP = 7  # below this, structures get their required members only
LENGTH_LOOKAHEAD = re.compile(r"^\(\?=\.\{\d*,?\d*\}\$\)")


# --- valid values from a shape ------------------------------------------------------


def _text_between(low: int, high: int) -> st.SearchStrategy[str]:
    return st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
        min_size=low,
        max_size=max(low, min(high, 24)),
    )


def valid_string(shape: Shape) -> st.SearchStrategy[str]:
    enum = shape.metadata.get("enum")
    if enum:
        return st.sampled_from(enum)
    low, high = shape.metadata.get("min", 0), shape.metadata.get("max", 10**6)
    pattern = shape.metadata.get("pattern")
    if not pattern:
        return _text_between(low, high)
    whole = patterns.compiled(pattern)
    # Hypothesis draws no lookarounds: a leading length lookahead is dropped for the
    # draw and checked by the whole pattern afterwards.
    drawn = patterns.compiled(LENGTH_LOOKAHEAD.sub("", pattern, count=1))
    if whole is None or drawn is None or "(?=" in drawn.pattern or "(?!" in drawn.pattern:
        return st.nothing()
    return st.from_regex(drawn, fullmatch=True).filter(
        lambda text: (
            low <= len(text) <= high
            and "\x00" not in text  # refused before validation (SerializationException)
            and whole.fullmatch(text) is not None
        )
    )


def valid(shape: Shape, depth: int = 0) -> st.SearchStrategy[Any]:
    kind = shape.type_name
    if kind == "structure":
        if getattr(shape, "is_document_type", False):
            return st.dictionaries(_text_between(0, 4), st.integers(), max_size=2)
        members = shape.members
        if shape.is_tagged_union:
            return st.one_of(
                *[
                    valid(member, depth + 1).map(lambda v, n=name: {n: v})
                    for name, member in members.items()
                ]
            )
        required = {n: valid(members[n], depth + 1) for n in shape.required_members}
        optional = {} if depth >= DEPTH_CAP else {
            n: valid(m, depth + 1) for n, m in members.items() if n not in required
        }  # fmt: skip
        return st.fixed_dictionaries(required, optional=optional)
    if kind == "string":
        return valid_string(shape)
    if kind in ("integer", "long"):
        return st.integers(
            shape.metadata.get("min", -(2**31)), shape.metadata.get("max", 2**31 - 1)
        )
    if kind in ("double", "float"):
        return st.floats(
            shape.metadata.get("min"),
            shape.metadata.get("max"),
            allow_nan=False,
            allow_infinity=False,
        )
    if kind == "boolean":
        return st.booleans()
    if kind == "timestamp":
        # The whole datetime range, in zones as far apart as they go: year 1 and 9999
        # are where arithmetic on a parsed moment overflows.
        moments = st.datetimes(timezones=st.sampled_from(ZONES))
        return moments.map(lambda m: m.isoformat()) | st.integers(-(2**34), 2**34)
    if kind == "list":
        low = shape.metadata.get("min", 0)
        high = max(low, min(shape.metadata.get("max", LIST_CAP), LIST_CAP))
        return st.lists(valid(shape.member, depth + 1), min_size=low, max_size=high)
    if kind == "map":
        return st.dictionaries(valid_string(shape.key), valid(shape.value, depth + 1), max_size=2)
    return st.nothing()


# --- defects -----------------------------------------------------------------------

WRONG_TYPES = {
    "string": st.integers() | st.booleans() | st.lists(st.integers(), max_size=1),
    "integer": _text_between(0, 3) | st.booleans() | st.just(1.5),
    "boolean": _text_between(0, 3) | st.integers(),
    "timestamp": st.sampled_from(["yesterday", "2024-13-45", "", "T", True, [1]]),
    "list": _text_between(0, 3)
    | st.integers()
    | st.dictionaries(_text_between(0, 2), st.integers()),
    "structure": _text_between(0, 3) | st.integers() | st.lists(st.integers(), max_size=2),
    "map": _text_between(0, 3) | st.integers(),
}
PATTERN_MISFITS = ["", " ", "\t!", "x y", "ü", "-", "aaa", "0", "@", "arn:x", "O1"]
WRONG_TYPES["long"] = WRONG_TYPES["integer"]
WRONG_TYPES["double"] = _text_between(0, 3) | st.booleans()


def invalid(shape: Shape) -> st.SearchStrategy[Any]:
    """A value the model refuses for `shape` (never null: null is taken as absent)."""
    kind = shape.type_name
    options = [WRONG_TYPES.get(kind, st.just([]))]
    meta = shape.metadata
    if kind == "string":
        regex = patterns.compiled(meta["pattern"]) if "pattern" in meta else None
        if meta.get("enum"):
            options.append(_text_between(0, 6).filter(lambda t: t not in meta["enum"]))
        if meta.get("max", 10**6) < 5000:
            options.append(st.integers(1, 3).map(lambda extra: "a" * (meta["max"] + extra)))
        if meta.get("min", 0) > 0:
            options.append(_text_between(0, meta["min"] - 1))
        if regex is not None:
            misfits = [t for t in PATTERN_MISFITS if regex.fullmatch(t) is None]
            if misfits:
                options.append(st.sampled_from(misfits))
    elif kind in ("integer", "long"):
        if "min" in meta:
            options.append(st.integers(max_value=meta["min"] - 1))
        if "max" in meta:
            options.append(st.integers(min_value=meta["max"] + 1))
    elif kind == "list":
        if meta.get("max", 10**6) <= 60:
            options.append(st.just(meta["max"] + 1).flatmap(lambda n: valid(shape.member).flatmap(
                lambda item: st.just([item] * n))))  # fmt: skip
        if meta.get("min", 0) > 0:
            options.append(st.just([]))
    return st.one_of(*options)


def _nodes(shape: Shape, value: Any, path: str = "") -> list[tuple[str, Shape, Any, Any]]:
    """(path, shape, container, key) for every member present in `value`, the way the
    validator names paths (`A.B[0].C`)."""
    found: list[tuple[str, Shape, Any, Any]] = []
    if shape.type_name == "structure" and isinstance(value, dict):
        for name, item in value.items():
            if name in shape.members:
                child = f"{path}.{name}" if path else name
                found.append((child, shape.members[name], value, name))
                found += _nodes(shape.members[name], item, child)
    elif shape.type_name == "list" and isinstance(value, list):
        for index, item in enumerate(value):
            child = f"{path}[{index}]"
            found.append((child, shape.member, value, index))
            found += _nodes(shape.member, item, child)
    return found


def _structures(shape: Shape, value: Any, path: str = "") -> list[tuple[str, Shape, dict]]:
    found: list[tuple[str, Shape, dict]] = []
    if shape.type_name == "structure" and isinstance(value, dict):
        if not getattr(shape, "is_document_type", False):
            found.append((path, shape, value))
        for name, item in value.items():
            if name in shape.members:
                found += _structures(shape.members[name], item, f"{path}.{name}" if path else name)
    elif shape.type_name == "list" and isinstance(value, list):
        for index, item in enumerate(value):
            found += _structures(shape.member, item, f"{path}[{index}]")
    return found


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


@st.composite
def defective(draw: Any, shape: Shape, body: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """`body` with one or two defects; returns it and the field paths that must be named
    (any of them for each defect)."""
    named: set[str] = set()
    for _ in range(draw(st.integers(1, 2))):
        kind = draw(st.sampled_from(["value", "value", "drop", "extra", "union"]))
        structures = _structures(shape, body)
        if kind == "drop":
            droppable = [(p, s, v) for p, s, v in structures if set(s.required_members) & set(v)]
            if droppable:
                path, struct, value = draw(st.sampled_from(droppable))
                name = draw(st.sampled_from(sorted(set(struct.required_members) & set(value))))
                del value[name]
                named.add(_join(path, name))
                continue
        if kind == "union":
            # A union of two or more members, one still absent (a first defect of the
            # same body may have given a two-member union its second).
            unions = [
                (p, s, v)
                for p, s, v in structures
                if s.is_tagged_union and len(s.members) > 1 and set(s.members) - set(v)
            ]
            if unions:
                path, struct, value = draw(st.sampled_from(unions))
                others = [n for n in struct.members if n not in value]
                name = draw(st.sampled_from(others))
                value[name] = draw(
                    valid(struct.members[name], DEPTH_CAP) | invalid(struct.members[name])
                )
                named.add(path)
                continue
        if kind == "extra" or (kind in ("drop", "union")):
            path, struct, value = draw(st.sampled_from(structures))
            name = draw(
                st.text(string.ascii_letters, min_size=1, max_size=12).filter(
                    lambda n, s=struct: n not in s.members
                )
            )
            value[name] = draw(
                st.integers() | st.text(string.printable, max_size=4) | st.booleans()
            )
            named.add(_join(path, name))
            continue
        nodes = _nodes(shape, body)
        if not nodes:  # an empty body: defects need a member to sit in
            name = draw(st.sampled_from(sorted(shape.members) or ["Unknown"]))
            body[name] = draw(invalid(shape.members[name])) if name in shape.members else 1
            named.add(name)
            continue
        path, member, container, key = draw(st.sampled_from(nodes))
        container[key] = draw(invalid(member))
        named.add(path)
    return body, named


def fits(shape: Shape | None, value: str) -> bool:
    """Whether the model lets `value` stand for a string member of `shape`."""
    if shape is None or shape.type_name != "string":
        return False
    regex = patterns.compiled(shape.metadata.get("pattern", "")) or re.compile(".*")
    low, high = shape.metadata.get("min", 0), shape.metadata.get("max", 10**6)
    return low <= len(value) <= high and regex.fullmatch(value) is not None
