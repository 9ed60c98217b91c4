"""Per-company request rates for each operation group (settings.ALLYPORT_API_QUOTAS).

Counted in the shared cache with django-ratelimit, so several server processes
share one count when the cache is Redis. Over a rate: ThrottlingException (429).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

from allyport.awsapi.registry import Throttling

WILDCARD = "*"


def quota_group(
    service: str, operation: str, quotas: Mapping[str, Any]
) -> tuple[str, list[str]] | None:
    """(counter name, rates) for the operation, or None when it is not limited.
    A listed operation shares its group's counter; a wildcard group counts each
    other operation on its own."""
    groups: Mapping[str, Mapping[str, Any]] = quotas.get(service, {})
    fallback = None
    for name, group in groups.items():
        operations = group.get("operations", ())
        if operation in operations:
            return name, list(group["rates"])
        if WILDCARD in operations:
            fallback = (f"{name}.{operation}", list(group["rates"]))
    return fallback


def check(request: HttpRequest, company_id: str, service: str, operation: str) -> None:
    """Count one call of the company; Throttling when any rate of its group is passed."""
    if not settings.ALLYPORT_API_THROTTLING:
        return
    group = quota_group(service, operation, settings.ALLYPORT_API_QUOTAS)
    if group is None:
        return
    name, rates = group
    for rate in rates:
        if is_ratelimited(
            request,
            group=f"awsapi.{service}.{name}",
            key=lambda _group, _request: company_id,
            rate=rate,
            increment=True,
        ):
            raise Throttling("Rate exceeded")
