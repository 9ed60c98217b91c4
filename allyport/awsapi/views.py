"""The endpoints: AWS JSON 1.0 (`POST /api/aws`), Smithy RPC v2 CBOR
(`POST /api/aws/service/<ServiceName>/operation/<Operation>`) and the minimal
signed endpoint (`POST /api/aws/_ping`)."""

from __future__ import annotations

import uuid

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from allyport.awsapi import dispatch, protocols
from allyport.awsapi.protocols import Protocol
from allyport.awsapi.registry import ApiError


def _post_only(
    request: HttpRequest, protocol: Protocol = protocols.AWS_JSON
) -> HttpResponse | None:
    if request.method == "POST":
        return None
    err = ApiError("Only POST is accepted here.", code="UnknownOperationException", status=405)
    response = protocol.error(err, str(uuid.uuid4()))
    response["Allow"] = "POST"
    return response


@csrf_exempt  # signed with SigV4, never with a session cookie
def endpoint(request: HttpRequest) -> HttpResponse:
    """Every operation of every AWS JSON service, chosen by X-Amz-Target."""
    return _post_only(request) or dispatch.handle(request, dispatch.run_operation)


@csrf_exempt  # signed with SigV4, never with a session cookie
def rpc_v2_cbor(request: HttpRequest, service_name: str, operation: str) -> HttpResponse:
    """Every operation of every Smithy RPC v2 CBOR service, chosen by the path (the
    protocol reads `service_name` and `operation` from the resolved route)."""
    protocol = protocols.RPC_V2_CBOR_PROTOCOL
    return _post_only(request, protocol) or dispatch.handle(
        request, dispatch.run_operation, protocol
    )


@csrf_exempt
def ping(request: HttpRequest) -> HttpResponse:
    """SigV4 verification and the caller lookup, then `{}`: the benchmarks' baseline."""
    return _post_only(request) or dispatch.handle(request, dispatch.ping)
