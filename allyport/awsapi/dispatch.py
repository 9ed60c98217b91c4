"""One API call, from the request's bytes to the answer.

Order: read the body; verify SigV4 (before anything else is revealed); find the
caller and its company; resolve the operation the request names to an operation
of an installed model; parse the body; throttle; validate against the input
shape; run the handler, serialize its result and write the audit record in one
transaction.

One pipeline for both wire protocols: a `protocols` object (AWS JSON 1.0 or Smithy
RPC v2 CBOR) says where the operation is named, parses the body into the JSON form
and writes answers and errors in its own form; nothing else differs.

Every failure is an AWS error body. Anything unexpected is logged with the
request id and answered as InternalServerException, never with its details.
Calls are recorded in the event history once the caller is known, failures
included (with their error code).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from botocore.model import Shape
from django.core.exceptions import RequestDataTooBig
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse

from allyport.access import calls
from allyport.access.actor import Actor
from allyport.audit import services as audit
from allyport.awsapi import (
    caller,
    protocols,
    redaction,
    refusals,
    registry,
    sigv4,
    storable,
    throttling,
)
from allyport.awsapi.protocols import Protocol, serialization_error
from allyport.awsapi.registry import ApiContext, ApiError, InternalServer
from allyport.core import outage
from allyport.shapes import loader, serialization, validation

logger = logging.getLogger(__name__)
API_CALL = "AwsApiCall"
READ_PREFIXES = ("Get", "List", "Search")
MAX_RECORDED = 100_000  # CloudTrail omits requestParameters/responseElements above 100 KB


@dataclass
class Call:
    request_id: str
    service: str = ""
    operation: str = ""
    event_source: str = ""
    actor: Actor | None = None
    params: dict[str, Any] | None = None
    protocol: Protocol = protocols.AWS_JSON
    output_shape: Shape | None = None  # the answer's, once the handler has run


class HandlerDidNotAuthorize(RuntimeError):
    """A call ended with no decision (neither a service's authorize() nor the handler's
    ctx.authorize()): refused, never answered."""


def unknown_operation(message: str, status: int = 400) -> ApiError:
    return ApiError(message, code="UnknownOperationException", status=status)


def handle(
    request: HttpRequest,
    run: Callable[[HttpRequest, Call], dict[str, Any]],
    protocol: Protocol = protocols.AWS_JSON,
) -> HttpResponse:
    call = Call(request_id=str(uuid.uuid4()), protocol=protocol)
    try:
        body = run(request, call)
    except ApiError as err:
        _record_failure(call, err)
        return protocol.error(err, call.request_id, call.service)
    except Exception as error:
        if outage.is_database_outage(error):  # 503 with Retry-After; nothing to record it in
            return outage.api_unavailable(call.request_id)
        logger.exception(
            "awsapi: %s %s failed (request %s)", call.service, call.operation, call.request_id
        )
        fault = InternalServer(f"An internal error occurred. Request ID: {call.request_id}")
        _record_failure(call, fault)
        return protocol.error(fault, call.request_id, call.service)
    return protocol.ok(body, call.request_id, call.output_shape)


def read_body(request: HttpRequest) -> bytes:
    try:
        return request.body
    except RequestDataTooBig as error:
        raise serialization_error("The request body is too large.", status=413) from error


def check_storable(value: Any) -> None:
    """SerializationException for numbers out of range, NaN and Infinity, NUL and
    unpaired surrogates, and over-deep nesting (the call is still recorded, with
    these values replaced: see storable)."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > storable.MAX_DEPTH:
            raise serialization_error("The request body is nested too deeply.")
        if isinstance(item, dict):
            stack += [(key, depth + 1) for key in item]
            stack += [(child, depth + 1) for child in item.values()]
        elif isinstance(item, list):
            stack += [(child, depth + 1) for child in item]
        elif isinstance(item, float) and storable.unsupported(item):
            raise serialization_error("The request body has a number out of range.")
        elif storable.unsupported(item):
            raise serialization_error("The request body has a NUL or an unpaired surrogate.")


def authenticated(request: HttpRequest, call: Call, raw: bytes, service: str | None) -> Actor:
    """Verify the signature (scoped to the named service when it is known, else to
    any service of the protocol) and build the calling actor."""
    key, auth = sigv4.authenticate(request, raw, call.protocol.signing_names(service))
    call.event_source = f"{auth.service}.amazonaws.com"
    call.actor = caller.actor_for(key, request)
    return call.actor


def run_operation(request: HttpRequest, call: Call) -> dict[str, Any]:
    raw = read_body(request)
    protocol = call.protocol
    route = protocol.route(request)
    service, name = route.service, route.operation
    actor = authenticated(request, call, raw, service)
    call.operation = name[:64] or "UnknownOperation"
    if service is None:
        raise unknown_operation(route.unknown, protocol.unknown_status)
    call.service = service
    model = loader.operation_model(service, name)
    if model is None:
        raise unknown_operation(
            f"{service} has no operation {name[:64]!r}.", protocol.unknown_status
        )
    protocol.check_headers(request, raw)
    call.params = protocol.parse(raw)
    check_storable(call.params)
    handler = registry.handler_for(service, name)
    if handler is None:
        raise unknown_operation(f"{name} is not supported yet (see docs/api-compatibility.md).")
    assert actor.company is not None
    throttling.check(request, actor.company.public_id, service, name)
    with refusals.answered(call.params):
        params = validation.validate(model.input_shape, call.params)
        ctx = ApiContext(actor, name, service, call.request_id, params)
        with transaction.atomic(), calls.opened(actor, name) as scope:
            if name.startswith(READ_PREFIXES):
                _relax_commit()
            result = handler(ctx, params)
            if not (ctx.authorized or scope.decided):
                raise HandlerDidNotAuthorize(
                    f"{service} {name}: the handler never called authorize()"
                )
            output = serialization.serialize(model.output_shape, result)
            _record(call, response=output, resources=scope.resources)
    call.output_shape = model.output_shape
    return output


def _relax_commit() -> None:
    """A read writes only its audit record: on PostgreSQL its commit need not wait
    for the disk (a crash could lose the last fraction of a second of read records,
    never a change). Writes keep synchronous commits."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def ping(request: HttpRequest, call: Call) -> dict[str, Any]:
    """The minimal SigV4-authenticated call: verification and caller, nothing else."""
    authenticated(request, call, read_body(request), None)
    call.actor = None  # not recorded: the benchmarks' baseline
    return {}


def _bounded(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if value is None or len(json.dumps(value, default=str)) > MAX_RECORDED:
        return None
    return value


def _record(
    call: Call,
    error: ApiError | None = None,
    response: dict[str, Any] | None = None,
    resources: list[dict[str, Any]] | None = None,
) -> None:
    """The call's record; `resources` are those of the domain events folded into it."""
    if call.actor is None:
        return
    read_only = call.operation.startswith(READ_PREFIXES)
    model = storable.operation_model(call.service, call.operation)
    input_shape = model.input_shape if model is not None else None
    output_shape = model.output_shape if model is not None else None
    audit.record(
        call.actor,
        call.operation,
        event_source=call.event_source,
        event_type=API_CALL,
        read_only=read_only,
        company=call.actor.company,
        request_parameters=_bounded(storable.storable(redaction.hidden(input_shape, call.params))),
        response_elements=None if read_only else _bounded(redaction.hidden(output_shape, response)),
        error_code=error.code if error else "",
        error_message=error.message if error else "",
        request_id=call.request_id,
        resources=resources or (),
    )


def _record_failure(call: Call, error: ApiError) -> None:
    """Failed calls are recorded after the rollback; a failure to record is logged,
    and the caller still gets its answer."""
    try:
        _record(call, error=error)
    except Exception:
        logger.exception("awsapi: could not record the failed call (request %s)", call.request_id)
