"""AWS JSON 1.0 answers: the body, `x-amzn-RequestId`, and errors with `__type`.
The error body and headers are the same in Smithy RPC v2 CBOR (see `protocols`)."""

from __future__ import annotations

import json
import math
from functools import cache
from typing import Any

import orjson
from botocore.exceptions import UnknownServiceError
from botocore.model import NoShapeFoundError, StructureShape
from django.http import HttpResponse

from allyport.awsapi import error_shapes
from allyport.awsapi.registry import ApiError
from allyport.shapes import loader

CONTENT_TYPE = "application/x-amz-json-1.0"


def _json(body: dict[str, Any], status: int, request_id: str) -> HttpResponse:
    response = HttpResponse(_encoded(body), status=status, content_type=CONTENT_TYPE)
    response["x-amzn-RequestId"] = request_id
    return response


def _encoded(body: dict[str, Any]) -> bytes:
    """Compact UTF-8 JSON. orjson writes a list page's 60-90 KB several times faster;
    what it refuses (integers beyond 64 bits, keys that are not strings) is written
    by the standard encoder, as before."""
    try:
        return orjson.dumps(body)
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()


def ok(body: dict[str, Any], request_id: str) -> HttpResponse:
    return _json(body, 200, request_id)


def error(err: ApiError, request_id: str, service: str = "") -> HttpResponse:
    """`__type` in the body (the only place boto3 reads it), the header as AWS sends it,
    and the message under the member name the service's error shape uses."""
    return with_error_headers(_json(error_body(err, service), err.status, request_id), err)


def error_body(err: ApiError, service: str = "") -> dict[str, Any]:
    extra = error_shapes.adapt(service, err.code, err.extra)
    return {"__type": err.code, message_key(service, err.code): err.message, **extra}


def with_error_headers(response: HttpResponse, err: ApiError) -> HttpResponse:
    """`x-amzn-ErrorType`, and when to retry a throttled call."""
    response["x-amzn-ErrorType"] = err.code
    retry_after = getattr(err, "retry_after", None)
    if retry_after is not None:
        response["Retry-After"] = str(max(math.ceil(retry_after), 1))
        response["x-amz-retry-after"] = str(math.ceil(retry_after * 1000))
    return response


@cache
def message_key(service: str, code: str) -> str:
    """`Message` in selling, account and benefits; `message` in channel."""
    if not service:
        return "Message"
    try:
        shape = loader.shape(service, code)
    except (NoShapeFoundError, UnknownServiceError):
        return "Message"
    if isinstance(shape, StructureShape) and "message" in shape.members:
        return "message"
    return "Message"
