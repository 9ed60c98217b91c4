"""Refused User Management changes leave a record too, with the reason.

A refusal raised inside the service's transaction rolls back everything written in
it, so the record of the refusal is written after, by the decorator, with
CloudTrail's `errorCode` and `errorMessage` (as AWS records a call it refused).
Per-assignment refusals of a role update, which do not abort it, are recorded by
the role service as they happen (`record_refusal`).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from typing import Any, ParamSpec, TypeVar, cast

from allyport.access.actor import Actor
from allyport.access.decisions import PermissionDenied
from allyport.audit import services as audit
from allyport.core.errors import ChangeRefused

ACCESS_DENIED = "AccessDenied"
REFUSED = "ValidationException"

P = ParamSpec("P")
R = TypeVar("R")


def record_refusal(
    actor: Actor,
    event_name: str,
    reason: str,
    request_parameters: Mapping[str, Any] | None = None,
    error_code: str = REFUSED,
) -> None:
    audit.record(
        actor,
        event_name,
        request_parameters=request_parameters,
        error_code=error_code,
        error_message=str(reason),
    )


Arguments = Mapping[str, Any]


def records_refusals(
    event_name: str | Callable[[Arguments], str], parameters: Callable[[Arguments], Arguments]
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Record a PermissionDenied or ChangeRefused of the decorated service (whose first
    argument is the actor) as `event_name` (or `event_name(arguments)`), with
    `parameters(arguments)`; `arguments` are the call's, by name. The parameters name
    what was asked, never a secret or the confirm word."""

    def decorate(service: Callable[P, R]) -> Callable[P, R]:
        signature = inspect.signature(service)

        @functools.wraps(service)
        def recorded(*args: P.args, **kwargs: P.kwargs) -> R:
            error: Exception
            try:
                return service(*args, **kwargs)
            except PermissionDenied as denied:
                code, reason, error = ACCESS_DENIED, denied.decision.reason, denied
            except ChangeRefused as refused:
                code, reason, error = REFUSED, refused.reason, refused
            arguments = signature.bind(*args, **kwargs).arguments
            name = event_name if isinstance(event_name, str) else event_name(arguments)
            actor = cast(Actor, arguments["actor"])
            record_refusal(actor, name, reason, parameters(arguments), code)
            raise error

        return recorded

    return decorate
