"""The record of a change a portal page refused (the 403 page), in CloudTrail's
format: the change it attempted as eventName, `AccessDenied` as errorCode and the
reason the person saw as errorMessage. Registered with `access.refusals` when the
app is ready (access sits below audit and cannot call it)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from allyport.audit import services

ACCESS_DENIED = "AccessDenied"


def page_event_name(request: HttpRequest) -> str:
    """A stable name per page: its URL's namespace and name in CloudTrail's style
    (`pipeline:opportunity_edit` is `PipelineOpportunityEdit`)."""
    match = request.resolver_match
    view_name = match.view_name if match is not None else ""
    words = view_name.replace(":", "_").replace("-", "_").split("_")
    return "".join(word[:1].upper() + word[1:] for word in words if word) or "PortalChange"


def _request_parameters(request: HttpRequest) -> dict[str, Any]:
    """What was asked: the page and the record its URL names (never the form's values,
    which may hold secrets or personal data the refusal never accepted)."""
    match = request.resolver_match
    parameters: dict[str, Any] = {"path": request.path, "method": request.method}
    if match is not None:
        parameters["page"] = match.view_name
        parameters.update({key: str(value) for key, value in match.kwargs.items()})
    return parameters


def record_refused_change(request: HttpRequest, reason: str) -> None:
    actor = getattr(request, "actor", None)
    if actor is None:
        return
    services.record(
        actor,
        page_event_name(request),
        request_parameters=_request_parameters(request),
        error_code=ACCESS_DENIED,
        error_message=reason,
    )
