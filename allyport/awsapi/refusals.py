"""The domain's refusals answered as the wire protocol's errors, in one place.

Services and the model validation raise domain errors (`allyport.core.errors`,
access's PermissionDenied); the endpoint runs validation and every handler inside
`answered`, so no handler translates them itself:

- RuleViolation -> ValidationException (its message, reason and field errors)
- NotFound -> ResourceNotFoundException (missing, another company's or the other
  catalog's: one answer for all three)
- Conflict -> ConflictException (a stale LastModifiedDate)
- QuotaExceeded -> ServiceQuotaExceededException
- PermissionDenied -> AccessDeniedException (the access model's reason)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from allyport.access.decisions import PermissionDenied
from allyport.awsapi.registry import (
    AccessDenied,
    Conflict,
    ResourceNotFound,
    ServiceQuotaExceeded,
    Validation,
)
from allyport.core import errors


@contextmanager
def answered(params: dict[str, Any] | None) -> Iterator[None]:
    """Re-raise the domain errors of the block as ApiErrors; `params` are the call's
    (the not-found message names its Catalog)."""
    try:
        yield
    except errors.NotFound as error:
        catalog = (params or {}).get("Catalog")
        raise ResourceNotFound(
            f"{error.resource_type} {error.identifier} was not found in catalog {catalog}.",
            extra=_reason(error.reason),
        ) from None
    except errors.Conflict as error:
        raise Conflict(str(error), extra=_reason(error.reason)) from None
    except errors.QuotaExceeded as error:
        raise ServiceQuotaExceeded(error.message, extra=_reason(error.reason)) from None
    except errors.RuleViolation as error:
        raise Validation(
            error.message, reason=error.reason, errors=[item.as_tuple() for item in error.errors]
        ) from None
    except PermissionDenied as error:
        raise AccessDenied(error.decision.reason) from None


def _reason(reason: str) -> dict[str, str]:
    """The account service's errors carry a `Reason` (see `error_shapes`)."""
    return {"Reason": reason} if reason else {}
