"""The scorecard's counts, kept for a few minutes per company.

Counting unique certified people over tens of thousands of records is a scan per
person; the page would pay it on every view. The counts are kept in the cache for
`CACHE_SECONDS` and forgotten when the records they come from change here: a
company's application decision, a completion, a certifications email (its company),
an opportunity change (the pipeline's signal), and every company's on a
certification import. Public references (the content app) refresh with the time
limit; the FAQ's own delay for certifications is days, not minutes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.db import transaction

from allyport.accounts.models import Company
from allyport.programs.selectors.scorecard import metrics

CACHE_SECONDS = 300
GENERATION = "programs:scorecard:generation"


def _key(company_id: int) -> str:
    return f"programs:scorecard:{cache.get(GENERATION, 0)}:{company_id}"


def cached_metrics(company: Company, now: datetime | None = None) -> dict[str, int]:
    key = _key(company.pk)
    found = cache.get(key)
    if found is None:
        found = {str(name): value for name, value in metrics(company, now).items()}
        cache.set(key, found, CACHE_SECONDS)
    return found


def forget(company_id: int | None) -> None:
    """Forget one company's counts once the change commits."""
    if company_id is not None:
        transaction.on_commit(lambda: cache.delete(_key(company_id)))


def forget_all() -> None:
    """Forget every company's counts (a new generation of keys) once the change commits."""

    def bump() -> None:
        try:
            cache.incr(GENERATION)
        except ValueError:
            cache.set(GENERATION, 1, None)

    transaction.on_commit(bump)


def on_opportunity_changed(sender: Any, opportunity: Any = None, **kwargs: Any) -> None:
    if opportunity is not None:
        cache.delete(_key(opportunity.company_id))
