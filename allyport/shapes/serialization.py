"""Values to their JSON form by a model's shape: an operation's output shape for the
endpoint's answers, a summary shape for a stored record the domain projects.

None values are dropped (botocore ignores nulls anyway), timestamps become
ISO-8601 UTC with a `Z` and milliseconds, Decimals become strings or numbers as
the shape wants, and unions must carry exactly one member, or botocore refuses
the whole response (spec §1.3). A result that does not fit its shape is a
server bug: OutputError, answered as InternalServerException.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from botocore.model import Shape, StructureShape

from allyport.shapes import timestamps

logger = logging.getLogger(__name__)


class OutputError(Exception):
    """A handler's result does not fit the output shape."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path or 'output'}: {message}")
        self.path, self.message = path, message

    def inside(self, step: str) -> OutputError:
        """The same error seen from the parent: `step` is a member name or `[i]`."""
        if not self.path:
            return OutputError(step, self.message)
        joiner = "" if self.path.startswith("[") else "."
        return OutputError(f"{step}{joiner}{self.path}", self.message)


def serialize(shape: StructureShape | None, value: Mapping[str, Any] | None) -> dict[str, Any]:
    """The JSON-ready body; `{}` for output-less operations and empty results."""
    if shape is None or value is None:
        return {}
    result = converter(shape)(value)
    assert isinstance(result, dict)
    return result


class Wire(dict):  # type: ignore[type-arg]
    """A value a handler already turned into wire form with `converter(shape,
    lenient=True)`: lists pass it through instead of walking it a second time."""


# Converters are built once per shape object (botocore caches an operation's shapes)
# rather than re-reading the shape for every value: a list of 100 summaries walks
# ~3,000 members. The shape is kept with its converter so its id is never reused.
_BUILT: dict[tuple[int, bool, bool], tuple[Shape, Callable[[Any], Any]]] = {}
_MAX_BUILT = 20_000


def converter(
    shape: Shape, *, lenient: bool = False, compact: bool = False
) -> Callable[[Any], Any]:
    """The function that turns a value into `shape`'s wire form (OutputError if it
    does not fit). A lenient converter drops members the shape does not define
    without a warning: it projects a stored record (an opportunity's whole data) onto
    a smaller shape (its summary) in the same pass. A compact one also drops nested
    members and list items that are empty (`{}`, `[]`) as `payload.clean` drops them
    before a projection: one that only the projection empties stays `{}`."""
    key = (id(shape), lenient, compact)
    built = _BUILT.get(key)
    if built is None or built[0] is not shape:
        if len(_BUILT) > _MAX_BUILT:  # shapes built afresh by a caller: do not grow forever
            _BUILT.clear()
        built = (shape, _build(shape, lenient, compact))
        _BUILT[key] = built
    return built[1]


def _build(shape: Shape, lenient: bool, compact: bool) -> Callable[[Any], Any]:
    if shape.type_name == "structure":
        if getattr(shape, "is_document_type", False):
            return _as_is
        return _Structure(shape, lenient, compact)
    if shape.type_name == "list":
        return _List(shape, lenient, compact)
    if shape.type_name == "map":
        return _Map(shape, lenient, compact)
    convert = _CONVERTERS.get(shape.type_name)
    return _as_is if convert is None else convert


def _as_is(value: Any) -> Any:
    return value


class _Structure:
    """The members the value sets, None and unknown ones dropped; member converters
    are built on first use, so recursive shapes terminate."""

    def __init__(self, shape: Shape, lenient: bool, compact: bool) -> None:
        assert isinstance(shape, StructureShape)
        self.shape = shape
        self.lenient, self.compact = lenient, compact
        self.required = frozenset(shape.required_members)
        self.union = bool(shape.is_tagged_union)
        self.members: dict[str, Callable[[Any], Any]] | None = None
        self.strings: frozenset[str] = frozenset()

    def _members(self) -> dict[str, Callable[[Any], Any]]:
        members = {
            name: converter(member, lenient=self.lenient, compact=self.compact)
            for name, member in self.shape.members.items()
        }
        # Most members of a summary are strings that arrive as str: kept with no call.
        self.strings = frozenset(name for name, convert in members.items() if convert is _string)
        self.members = members
        return members

    def __call__(self, value: Any) -> dict[str, Any]:
        if type(value) is not dict and not isinstance(value, Mapping):
            got = type(value).__name__
            raise OutputError("", f"expected a mapping for {self.shape.name}, got {got}")
        members = self.members
        if members is None:
            members = self._members()
        strings = self.strings
        result = {}
        # The value's keys, not the shape's members: values set few of many members.
        for name, item in value.items():
            if item is None:
                continue
            if type(item) is str and name in strings:
                result[name] = item
                continue
            convert = members.get(name)
            if convert is None:
                if not self.lenient:
                    logger.warning("shapes: %s has no member %s; dropped", self.shape.name, name)
                continue
            try:
                converted = convert(item)
            except OutputError as error:
                raise error.inside(name) from None
            if not (self.compact and _dropped_empty(converted, item)):
                result[name] = converted
        if self.union and len(result) != 1:
            raise OutputError("", f"union {self.shape.name} must have exactly one member set")
        if self.required and not result.keys() >= self.required:
            missing = sorted(self.required - result.keys())
            logger.warning("shapes: %s misses required members %s", self.shape.name, missing)
        return result


class _List:
    def __init__(self, shape: Shape, lenient: bool, compact: bool) -> None:
        self.member = shape.member  # type: ignore[attr-defined]
        self.lenient, self.compact = lenient, compact

    def __call__(self, value: Any) -> list[Any]:
        if isinstance(value, str | bytes | Mapping) or not hasattr(value, "__iter__"):
            raise OutputError("", f"expected a list, got {type(value).__name__}")
        convert = converter(self.member, lenient=self.lenient, compact=self.compact)
        result = []
        for i, item in enumerate(value):
            if type(item) is Wire:
                result.append(item)
            elif item is not None:
                try:
                    converted = convert(item)
                except OutputError as error:
                    raise error.inside(f"[{i}]") from None
                if not (self.compact and _dropped_empty(converted, item)):
                    result.append(converted)
        return result


class _Map:
    def __init__(self, shape: Shape, lenient: bool, compact: bool) -> None:
        self.value = shape.value  # type: ignore[attr-defined]
        self.lenient, self.compact = lenient, compact

    def __call__(self, value: Any) -> dict[str, Any]:
        if not isinstance(value, Mapping):
            raise OutputError("", f"expected a mapping, got {type(value).__name__}")
        convert = converter(self.value, lenient=self.lenient, compact=self.compact)
        result = {}
        for key, item in value.items():
            if item is not None:
                try:
                    converted = convert(item)
                except OutputError as error:
                    raise error.inside(str(key)) from None
                if not (self.compact and _dropped_empty(converted, item)):
                    result[str(key)] = converted
        return result


def _dropped_empty(converted: Any, value: Any) -> bool:
    """A compact converter's rule: an empty result goes, unless the value had content
    that only the projection removed (`clean` would have kept it, as `{}`)."""
    if type(converted) is dict or type(converted) is list:
        return not converted and not _has_content(value)
    return False


def _has_content(value: Any) -> bool:
    """Whether `payload.clean` leaves something of the value (not None, `{}` or `[]`)."""
    if isinstance(value, Mapping):
        return any(_has_content(item) for item in value.values())
    if isinstance(value, list | tuple):
        return any(_has_content(item) for item in value)
    return value is not None


def _string(value: Any) -> str:
    if type(value) is str:
        return value
    if isinstance(value, str):
        return str(value)  # str subclasses (TextChoices) as plain strings
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return str(value)
    raise OutputError("", f"expected a string, got {type(value).__name__}")


def _integer(value: Any) -> int:
    if isinstance(value, int | Decimal) and not isinstance(value, bool) and value == int(value):
        return int(value)
    raise OutputError("", f"expected an integer, got {value!r}")


def _float(value: Any) -> float:
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return float(value)
    raise OutputError("", f"expected a number, got {type(value).__name__}")


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise OutputError("", f"expected a boolean, got {type(value).__name__}")


def _timestamp(value: Any) -> str:
    if isinstance(value, datetime):
        return timestamps.format_timestamp(value)
    if isinstance(value, str):  # a stored answer replayed (idempotency)
        try:
            return timestamps.format_timestamp(timestamps.parse_timestamp(value))
        except ValueError as error:
            raise OutputError("", f"not a timestamp: {value!r}") from error
    raise OutputError("", f"expected a datetime, got {type(value).__name__}")


def _blob(value: Any) -> str:
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    if isinstance(value, str):
        return value
    raise OutputError("", f"expected bytes, got {type(value).__name__}")


_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "string": _string,
    "integer": _integer,
    "long": _integer,
    "float": _float,
    "double": _float,
    "boolean": _boolean,
    "timestamp": _timestamp,
    "blob": _blob,
}
