"""What the pipeline's handlers share: the service's name, ARNs, and the mapping of
pipeline refusals to the selling API's errors."""

from __future__ import annotations

import functools
from typing import Any

from allyport.access.decisions import PermissionDenied
from allyport.awsapi.registry import (
    AccessDenied,
    ApiContext,
    Conflict,
    Handler,
    ResourceNotFound,
    Validation,
)
from allyport.core import errors
from allyport.pipeline.shared.arns import opportunity_arn

SELLING = "partnercentral-selling"


def account_id(ctx: ApiContext) -> str:
    return ctx.actor.iam.account_id if ctx.actor.iam is not None else ""


def arn(ctx: ApiContext, catalog: str, identifier: str) -> str:
    """The opportunity's ARN, as policies name it (catalog/<Catalog>/opportunity/<Id>)."""
    return opportunity_arn(catalog, identifier, account_id(ctx))


def translated(handler: Handler) -> Handler:
    """Answer pipeline refusals as the API's errors: not found (missing, another
    company's or the other catalog's) -> ResourceNotFoundException, a stale
    LastModifiedDate -> ConflictException, rules -> ValidationException by field."""

    @functools.wraps(handler)
    def run(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any] | None:
        try:
            return handler(ctx, params)
        except errors.NotFound as error:
            raise ResourceNotFound(
                f"{error.resource_type} {error.identifier} was not found in catalog "
                f"{params.get('Catalog')}."
            ) from None
        except errors.Conflict as error:
            raise Conflict(str(error)) from None
        except errors.RuleViolation as error:
            raise Validation(
                error.message,
                reason=error.reason,
                errors=[item.as_tuple() for item in error.errors],
            ) from None
        except PermissionDenied as error:
            raise AccessDenied(error.decision.reason) from None

    return run
