"""Handler results to wire JSON, by the operation's output shape.

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

from allyport.awsapi import timestamps

logger = logging.getLogger(__name__)


class OutputError(Exception):
    """A handler's result does not fit the output shape."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path or 'output'}: {message}")


def serialize(shape: StructureShape | None, value: Mapping[str, Any] | None) -> dict[str, Any]:
    """The JSON-ready body; `{}` for output-less operations and empty results."""
    if shape is None or value is None:
        return {}
    result = _structure(shape, value, "")
    assert isinstance(result, dict)
    return result


def _value(shape: Shape, value: Any, path: str) -> Any:
    convert = _CONVERTERS.get(shape.type_name)
    if convert is None:
        return value
    return convert(shape, value, path)


def _structure(shape: Shape, value: Any, path: str) -> Any:
    if getattr(shape, "is_document_type", False):
        return value
    if not isinstance(value, Mapping):
        raise OutputError(path, f"expected a mapping for {shape.name}, got {type(value).__name__}")
    assert isinstance(shape, StructureShape)
    members = shape.members
    unknown = [key for key in value if key not in members]
    if unknown:
        logger.warning("awsapi: %s has no members %s; dropped", shape.name, unknown)
    result = {
        name: _value(members[name], value[name], f"{path}.{name}" if path else name)
        for name in members
        if value.get(name) is not None
    }
    if shape.is_tagged_union and len(result) != 1:
        raise OutputError(path, f"union {shape.name} must have exactly one member set")
    missing = [name for name in shape.required_members if name not in result]
    if missing:
        logger.warning("awsapi: %s misses required members %s", shape.name, missing)
    return result


def _string(shape: Shape, value: Any, path: str) -> str:
    if isinstance(value, str):
        return str(value)  # str subclasses (TextChoices) as plain strings
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return str(value)
    raise OutputError(path, f"expected a string, got {type(value).__name__}")


def _integer(shape: Shape, value: Any, path: str) -> int:
    if isinstance(value, int | Decimal) and not isinstance(value, bool) and value == int(value):
        return int(value)
    raise OutputError(path, f"expected an integer, got {value!r}")


def _float(shape: Shape, value: Any, path: str) -> float:
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return float(value)
    raise OutputError(path, f"expected a number, got {type(value).__name__}")


def _boolean(shape: Shape, value: Any, path: str) -> bool:
    if isinstance(value, bool):
        return value
    raise OutputError(path, f"expected a boolean, got {type(value).__name__}")


def _timestamp(shape: Shape, value: Any, path: str) -> str:
    if isinstance(value, datetime):
        return timestamps.format_timestamp(value)
    if isinstance(value, str):  # a stored answer replayed (idempotency)
        try:
            return timestamps.format_timestamp(timestamps.parse_timestamp(value))
        except ValueError as error:
            raise OutputError(path, f"not a timestamp: {value!r}") from error
    raise OutputError(path, f"expected a datetime, got {type(value).__name__}")


def _blob(shape: Shape, value: Any, path: str) -> str:
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    if isinstance(value, str):
        return value
    raise OutputError(path, f"expected bytes, got {type(value).__name__}")


def _list(shape: Shape, value: Any, path: str) -> list[Any]:
    if isinstance(value, str | bytes | Mapping) or not hasattr(value, "__iter__"):
        raise OutputError(path, f"expected a list, got {type(value).__name__}")
    member = shape.member
    return [
        _value(member, item, f"{path}[{i}]") for i, item in enumerate(value) if item is not None
    ]


def _map(shape: Shape, value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise OutputError(path, f"expected a mapping, got {type(value).__name__}")
    member = shape.value
    return {
        str(key): _value(member, item, f"{path}.{key}")
        for key, item in value.items()
        if item is not None
    }


_CONVERTERS: dict[str, Callable[[Shape, Any, str], Any]] = {
    "structure": _structure,
    "string": _string,
    "integer": _integer,
    "long": _integer,
    "float": _float,
    "double": _float,
    "boolean": _boolean,
    "timestamp": _timestamp,
    "blob": _blob,
    "list": _list,
    "map": _map,
}
