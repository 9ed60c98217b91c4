"""CBOR bodies of the Smithy RPC v2 CBOR protocol, translated to and from the JSON
form the rest of the pipeline works in.

A request body is decoded with cbor2 and turned into what an AWS JSON body of the
same call would have parsed to: timestamps (tag 1, epoch seconds) become ISO-8601
strings, blobs (byte strings) base64 text. Validation, idempotency, handlers and
the audit record then see one form whatever the protocol. Anything JSON has no
word for (other tags, `undefined`, non-text map keys) is a SerializationException.

An answer goes the other way: the output shape's JSON form (`shapes.serialization`)
is walked by the shape, timestamps encoded as tag 1 epoch seconds and blobs as
byte strings, as botocore's RpcV2CBORParser reads them.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from datetime import datetime
from typing import Any

import cbor2
from botocore.model import Shape

from allyport.awsapi import storable
from allyport.shapes import timestamps

CONTENT_TYPE = "application/cbor"


class Undecodable(ValueError):
    """The body is not CBOR the protocol allows; the message says why."""


def decode(raw: bytes) -> dict[str, Any]:
    """The body as the JSON form of its map; `{}` for an empty body."""
    if not raw:
        return {}
    try:
        value = cbor2.loads(raw, max_depth=storable.MAX_DEPTH + 2)
    except (cbor2.CBORDecodeError, ValueError, OverflowError, RecursionError) as error:
        raise Undecodable("The request body is not valid CBOR.") from error
    if not isinstance(value, dict):
        raise Undecodable("The request body must be a CBOR map.")
    result = _json_form(value)
    assert isinstance(result, dict)
    return result


def _json_form(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise Undecodable("The request body has a map key that is not text.")
        return {key: _json_form(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_form(item) for item in value]
    if isinstance(value, datetime):
        return timestamps.format_timestamp(value)
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(bytes(value)).decode()
    raise Undecodable("The request body has a CBOR value the protocol does not allow.")


def encode(body: dict[str, Any]) -> bytes:
    """A map already in wire form (an error body)."""
    return bytes(cbor2.dumps(body, datetime_as_timestamp=True))


def encode_output(shape: Shape | None, body: dict[str, Any]) -> bytes:
    """The JSON form of an output shape's value as CBOR."""
    return encode(_wire(shape, body) if shape is not None else body)


def _wire(shape: Shape, value: Any) -> Any:
    convert = _SCALARS.get(shape.type_name)
    if convert is not None:
        return convert(value)
    if shape.type_name == "structure" and isinstance(value, dict):
        if getattr(shape, "is_document_type", False):
            return value
        members = shape.members  # type: ignore[attr-defined]
        return {
            name: _wire(members[name], item) if name in members else item
            for name, item in value.items()
        }
    if shape.type_name == "list" and isinstance(value, list):
        member = shape.member  # type: ignore[attr-defined]
        return [_wire(member, item) for item in value]
    if shape.type_name == "map" and isinstance(value, dict):
        value_shape = shape.value  # type: ignore[attr-defined]
        return {key: _wire(value_shape, item) for key, item in value.items()}
    return value


def _timestamp(value: Any) -> Any:
    """Tag 1: whole seconds as an integer, fractions as a float (cbor2's encoding)."""
    if isinstance(value, str):
        return timestamps.parse_timestamp(value)
    return value


def _blob(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            return value.encode()
    return value


_SCALARS: dict[str, Callable[[Any], Any]] = {"timestamp": _timestamp, "blob": _blob}
