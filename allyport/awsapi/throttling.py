"""Per-company request rates for each operation group (settings.ALLYPORT_API_QUOTAS).

Counted in the shared cache with django-ratelimit, so several server processes
share one count when the cache is Redis. Over a rate: ThrottlingException (429)
with "Rate exceeded", as the service answers, and when to retry: `Retry-After`
(whole seconds, HTTP's header) and `x-amz-retry-after` (milliseconds, which the
AWS SDKs' standard retry mode waits for) until the exceeded rate's window refills.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import get_usage

from allyport.awsapi.registry import Throttling

WILDCARD = "*"


class RateExceeded(Throttling):
    """ThrottlingException that knows when the company's counter refills."""

    def __init__(self, retry_after: float) -> None:
        super().__init__("Rate exceeded")
        self.retry_after = max(retry_after, 0.0)


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
        now = time.time()
        usage = get_usage(
            request,
            group=f"awsapi.{service}.{name}",
            key=lambda _group, _request: company_id,
            rate=rate,
            increment=True,
        )
        if usage is not None and usage["should_limit"]:
            raise RateExceeded(_refills_in(now, usage["time_left"]))


def _refills_in(now: float, time_left: int) -> float:
    """Seconds until the window refills. django-ratelimit's windows are named by
    whole seconds and a window lasts through its last named second, so it ends
    `time_left + 1` seconds after the current whole second began."""
    return int(now) + time_left + 1 - now
