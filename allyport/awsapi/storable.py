"""What an Event history record can hold of a call's body.

A body may parse in Python yet hold values no database column stores: numbers out
of range (`1e999`) and the NaN/Infinity tokens Python's json accepts (PostgreSQL's
JSON has no such numbers), NUL characters and unpaired surrogates (in text or in a
member name), and nesting deeper than the models ever go. Such a call is refused,
and still recorded: each of these values is replaced by UNSUPPORTED_VALUE when the
record is built, so the record is written on every database.
"""

from __future__ import annotations

import math
import re
from typing import Any

from botocore.exceptions import UnknownServiceError
from botocore.model import OperationModel

from allyport.shapes import loader

UNSUPPORTED_VALUE = "UNSUPPORTED_VALUE"
MAX_DEPTH = 64  # the models nest far less; deeper input is refused before any walk
_BAD_TEXT = re.compile("[\x00\ud800-\udfff]")


def unsupported(value: Any) -> bool:
    """True for a scalar no database stores in JSON."""
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, str):
        return _BAD_TEXT.search(value) is not None
    return False


def storable(value: Any, depth: int = 0) -> Any:
    """`value` with every unsupported scalar, and anything nested past MAX_DEPTH,
    replaced by UNSUPPORTED_VALUE."""
    if depth > MAX_DEPTH or unsupported(value):
        return UNSUPPORTED_VALUE
    if isinstance(value, dict):
        return {
            UNSUPPORTED_VALUE if unsupported(key) else key: storable(item, depth + 1)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [storable(item, depth + 1) for item in value]
    return value


def operation_model(service: str, operation: str) -> OperationModel | None:
    """The operation's model, or None for a call whose target names no installed
    service or operation (such calls are recorded too)."""
    if not service:
        return None
    try:
        return loader.operation_model(service, operation)
    except UnknownServiceError:
        return None
