"""The two wire protocols the endpoint speaks; all they differ in.

- AWS JSON 1.0: `POST /api/aws`, the operation in `X-Amz-Target`
  (`AWSPartnerCentralSelling.ListOpportunities`), JSON bodies.
- Smithy RPC v2 CBOR: `POST /api/aws/service/<targetPrefix>/operation/<Operation>`
  with `smithy-protocol: rpc-v2-cbor`, CBOR bodies, and the same header on every
  answer (errors included).

A protocol finds the (service, operation) a request names, turns the body into the
JSON form, and turns an answer or an ApiError back into the wire form. Everything
else (SigV4, validation, idempotency, throttling, the audit record) is the one
pipeline of `dispatch`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from botocore.model import Shape
from django.http import HttpRequest, HttpResponse

from allyport.awsapi import cbor, responses, service_models
from allyport.awsapi.registry import ApiError

SMITHY_PROTOCOL = "smithy-protocol"
RPC_V2_CBOR = "rpc-v2-cbor"


def serialization_error(message: str, status: int = 400) -> ApiError:
    return ApiError(message, code="SerializationException", status=status)


@dataclass(frozen=True)
class Route:
    """What a request names: the service (None when no served service has that
    name), the operation, and how to say so when either is unknown."""

    service: str | None
    operation: str
    unknown: str


class AwsJson:
    name = service_models.JSON
    unknown_status = 400

    def route(self, request: HttpRequest) -> Route:
        """(service, operation) from `AWSPartnerCentralSelling.ListSolutions`."""
        target = request.headers.get("X-Amz-Target", "")
        prefix, _sep, name = target.strip().rpartition(".")
        service = service_models.services_by_target_prefix().get(prefix)
        return Route(service, name, f"Unknown target {target[:128]!r}.")

    def signing_names(self, service: str | None) -> frozenset[str]:
        return service_models.signing_names(
            (service,) if service else service_models.json_services()
        )

    def check_headers(self, request: HttpRequest, raw: bytes) -> None:
        """AWS JSON asks nothing of the headers beyond the target."""

    def parse(self, raw: bytes) -> dict[str, Any]:
        """The body as a JSON object; SerializationException for anything else."""
        if not raw.strip():
            return {}
        try:
            value = json.loads(raw)
        except (ValueError, RecursionError) as error:
            raise serialization_error("The request body is not valid JSON.") from error
        if not isinstance(value, dict):
            raise serialization_error("The request body must be a JSON object.")
        return value

    def ok(self, body: dict[str, Any], request_id: str, shape: Shape | None) -> HttpResponse:
        return responses.ok(body, request_id)

    def error(self, err: ApiError, request_id: str, service: str = "") -> HttpResponse:
        return responses.error(err, request_id, service)


class RpcV2Cbor:
    name = service_models.CBOR
    # Smithy's answer to a path that names no service or operation.
    unknown_status = 404

    def route(self, request: HttpRequest) -> Route:
        """(service, operation) from the path's `service/<prefix>/operation/<name>`."""
        match = request.resolver_match
        kwargs = match.kwargs if match is not None else {}
        prefix, name = kwargs.get("service_name", ""), kwargs.get("operation", "")
        service = service_models.cbor_services_by_target_prefix().get(prefix)
        return Route(service, name, f"Unknown service {prefix[:128]!r}.")

    def signing_names(self, service: str | None) -> frozenset[str]:
        return service_models.signing_names(
            (service,) if service else service_models.cbor_services()
        )

    def check_headers(self, request: HttpRequest, raw: bytes) -> None:
        """`smithy-protocol: rpc-v2-cbor` on every request, and a body only as
        `application/cbor` (what botocore's RpcV2CBORSerializer sends)."""
        if request.headers.get(SMITHY_PROTOCOL, "").strip() != RPC_V2_CBOR:
            raise serialization_error(
                f"The {SMITHY_PROTOCOL} header must be {RPC_V2_CBOR!r} for this protocol."
            )
        content_type = request.headers.get("Content-Type", "").partition(";")[0].strip()
        if raw and content_type.lower() != cbor.CONTENT_TYPE:
            raise ApiError(
                f"The request body must be {cbor.CONTENT_TYPE}, not {content_type[:64]!r}.",
                code="UnsupportedMediaTypeException",
                status=415,
            )

    def parse(self, raw: bytes) -> dict[str, Any]:
        try:
            return cbor.decode(raw)
        except cbor.Undecodable as error:
            raise serialization_error(str(error)) from error

    def ok(self, body: dict[str, Any], request_id: str, shape: Shape | None) -> HttpResponse:
        return self._answer(cbor.encode_output(shape, body), 200, request_id)

    def error(self, err: ApiError, request_id: str, service: str = "") -> HttpResponse:
        body = cbor.encode(responses.error_body(err, service))
        return responses.with_error_headers(self._answer(body, err.status, request_id), err)

    def _answer(self, content: bytes, status: int, request_id: str) -> HttpResponse:
        response = HttpResponse(content, status=status, content_type=cbor.CONTENT_TYPE)
        response[SMITHY_PROTOCOL] = RPC_V2_CBOR
        response["x-amzn-RequestId"] = request_id
        return response


Protocol = AwsJson | RpcV2Cbor
AWS_JSON = AwsJson()
RPC_V2_CBOR_PROTOCOL = RpcV2Cbor()
