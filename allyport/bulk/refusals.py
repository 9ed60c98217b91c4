"""How an opportunity or lead row's refusal reads in a job's error report and records.

Each row is one call of a pipeline service (create, update or assign); the runner
(`allyport.jobs.runner`) asks `describe` what a raised error means for the row: a
service's refusal becomes (field, message) pairs and the record's ErrorCode; any
other error stops the job.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from allyport.access.decisions import PermissionDenied
from allyport.bulk.columns import ID, LAST_MODIFIED
from allyport.core.errors import Conflict, NotFound, RuleViolation
from allyport.jobs.runner import Failure, Refusal, RowFailed
from allyport.shapes.selling import service_model
from allyport.shapes.validation import InvalidRequest, validate


def check_request(operation: str, params: dict[str, Any]) -> None:
    """The API's validation of a request (lengths, patterns, enums, required members)."""
    validate(service_model().operation_model(operation).input_shape, params)


def failures_of(error: Exception, identifier: str = "") -> list[Failure] | None:
    """A service's refusal as (field, message) pairs; None for anything else."""
    if isinstance(error, RowFailed):
        return error.failures
    if isinstance(error, InvalidRequest):
        return [(item.field, item.message) for item in error.errors] or [("", str(error))]
    if isinstance(error, RuleViolation):
        return [(item.field, item.message) for item in error.errors]
    if isinstance(error, Conflict):
        return [(LAST_MODIFIED, str(error))]
    if isinstance(error, NotFound):
        message = _("No opportunity %(id)s that you may change in this catalog.")
        return [(ID, message % {"id": identifier})]
    if isinstance(error, PermissionDenied):
        return [("", error.decision.reason)]
    return None


def error_code(error: Exception) -> str:
    """The record's ErrorCode for a refusal `failures_of` knows."""
    if isinstance(error, Conflict):
        return "CONFLICT"
    if isinstance(error, NotFound):
        return "RESOURCE_NOT_FOUND"
    if isinstance(error, PermissionDenied):
        return "ACCESS_DENIED"
    return "VALIDATION_ERROR"


def describe(error: Exception, identifier: str) -> Refusal | None:
    """The runner's `describe` for the bulk app's kinds."""
    failures = failures_of(error, identifier)
    return None if failures is None else Refusal(failures, error_code(error))
