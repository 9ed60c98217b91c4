"""Operation handlers and the errors they raise.

A handler module registers one function per operation::

    @operation("partnercentral-selling", "GetOpportunity")
    def get_opportunity(ctx: ApiContext, params: dict) -> dict:
        ctx.authorize(opportunity_arn, catalog=params["Catalog"])
        ...

The endpoint validates `params` against the operation's input shape before the
call (timestamps arrive as aware datetimes) and serializes the returned dict by
the output shape after it. Every call must be decided: by the services the
handler calls (`access.decisions.authorize` with the operation's Permission marks
the call decided) or by `ctx.authorize(...)` where no service decides. A call that
ends without any decision is refused as a server fault, so a forgotten check
cannot pass silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from allyport.access.actor import Actor
from allyport.access.decisions import Target, iam_decision
from allyport.awsapi import service_models
from allyport.shapes import loader

Handler = Callable[["ApiContext", dict[str, Any]], "dict[str, Any] | None"]
IAM_PREFIX = "partnercentral"
_handlers: dict[tuple[str, str], Handler] = {}


class ApiError(Exception):
    """An error answer: `code` becomes `__type`, `extra` members join the body."""

    code = "InternalServerException"
    status = 500

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        status: int | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status
        self.extra: dict[str, Any] = dict(extra or {})


class ResourceNotFound(ApiError):
    code, status = "ResourceNotFoundException", 404


class Conflict(ApiError):
    code, status = "ConflictException", 409


class AccessDenied(ApiError):
    code, status = "AccessDeniedException", 403


class Throttling(ApiError):
    code, status = "ThrottlingException", 429


class ServiceQuotaExceeded(ApiError):
    # 402 as the revenue-measurement model declares (spec §1.4 item 6).
    code, status = "ServiceQuotaExceededException", 402


class InternalServer(ApiError):
    code, status = "InternalServerException", 500


class Validation(ApiError):
    """`errors` are (field, message, code) triples; `ErrorList` as the model shapes it."""

    code, status = "ValidationException", 400

    def __init__(
        self,
        message: str,
        reason: str = "REQUEST_VALIDATION_FAILED",
        errors: Iterable[tuple[str, str, str]] = (),
    ) -> None:
        self.errors = list(errors)
        extra: dict[str, Any] = {"Reason": reason}
        if self.errors:
            extra["ErrorList"] = [_error_item(*error) for error in self.errors]
        super().__init__(message, extra=extra)


def _error_item(field_name: str, message: str, code: str) -> dict[str, str]:
    item = {"Message": message, "Code": code}
    if field_name:
        item["FieldName"] = field_name
    return item


@dataclass
class ApiContext:
    """One call: who calls, which operation, the validated parameters."""

    actor: Actor
    operation: str
    service: str
    request_id: str
    params: dict[str, Any]
    # Set by authorize(); the endpoint refuses a handler that never asked.
    authorized: bool = field(default=False, init=False)

    @property
    def account_id(self) -> str:
        """The caller's AWS account id, which names its resources in ARNs ("" when
        the caller has no IAM principal)."""
        return self.actor.iam.account_id if self.actor.iam is not None else ""

    def authorize(
        self, resource: str = "*", catalog: str | None = None, action: str | None = None
    ) -> None:
        """Ask the policy evaluator; refusal -> AccessDeniedException with IAM's message."""
        action = action or f"{IAM_PREFIX}:{self.operation}"
        decision = iam_decision(self.actor, action, Target(arn=resource, catalog=catalog))
        if not decision:
            raise AccessDenied(decision.reason)
        self.authorized = True


def operation(service: str, name: str) -> Callable[[Handler], Handler]:
    """Register `handler(ctx, params) -> dict` for `name` of `service` (boto3 name)."""
    if service not in service_models.served_services():
        raise ImproperlyConfigured(f"{service} is not a served service (AWS JSON or RPC v2 CBOR)")
    if loader.operation_model(service, name) is None:
        raise ImproperlyConfigured(f"{service} has no operation {name}")

    def register(handler: Handler) -> Handler:
        current = _handlers.get((service, name))
        if current is not None and _qualified(current) != _qualified(handler):
            raise ImproperlyConfigured(
                f"{service} {name} is already handled by {_qualified(current)}"
            )
        _handlers[(service, name)] = handler
        return handler

    return register


def _qualified(handler: Handler) -> str:
    return f"{handler.__module__}.{handler.__qualname__}"


def unregister(service: str, name: str) -> None:
    """Remove a handler (tests that register their own)."""
    _handlers.pop((service, name), None)


def handler_for(service: str, name: str) -> Handler | None:
    return _handlers.get((service, name))


def supported(service: str) -> frozenset[str]:
    """The operations of `service` that have a handler."""
    return frozenset(name for (svc, name) in _handlers if svc == service)
