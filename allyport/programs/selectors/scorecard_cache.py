"""The scorecard's counts, kept for a few minutes per company, and the generations
that say when they (and the kept Partner Scorecard page) are stale.

Counting unique certified people over tens of thousands of records is a scan per
person; the page would pay it on every view. The counts are kept in the cache for
`CACHE_SECONDS` under two generations (core.fragments): the company's, moved on when
the records they come from change (an application decision, a completion, a
certifications email, a certification domain, an opportunity change: the pipeline's
signal), and every company's, moved on by a certification import and by staff
changing the thresholds (`TierRequirement`). The page is kept under the same generations, so
whatever forgets the counts also forgets the page. Public references (the content
app) refresh with the time limit; the FAQ's own delay for certifications is days,
not minutes."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from allyport.accounts.models import Company
from allyport.core import fragments
from allyport.programs.selectors.scorecard import metrics

CACHE_SECONDS = 300
SCOPE = "programs:scorecard"  # core.fragments scope: one generation per company, one for all
EVERY_COMPANY = "all"


def generations(company_id: int) -> tuple[str, str]:
    """The generation keys of the company's counts: its own and every company's."""
    return (
        fragments.generation_key(SCOPE, EVERY_COMPANY),
        fragments.generation_key(SCOPE, company_id),
    )


def cached_metrics(company: Company, now: datetime | None = None) -> dict[str, int]:
    keys = generations(company.pk)
    # The generations (started when unset) and the counts kept under them, in one
    # round trip; kept as JSON text, as fragments are.
    found = fragments.lookup(fragments.Fragment(f"programs:scorecard:counts:{company.pk}", keys))
    if found.html is not None:
        return dict(json.loads(found.html))
    counts = {str(name): value for name, value in metrics(company, now).items()}
    found.store(json.dumps(counts), CACHE_SECONDS)
    return counts


def forget(company_id: int | None) -> None:
    """Forget one company's counts and kept page: now and once the change commits."""
    if company_id is not None:
        fragments.changed(SCOPE, company_id)


def forget_all() -> None:
    """Forget every company's counts and kept page: now and once the change commits."""
    fragments.changed(SCOPE, EVERY_COMPANY)


def on_opportunity_changed(sender: Any, opportunity: Any = None, **kwargs: Any) -> None:
    if opportunity is not None:
        forget(opportunity.company_id)


def on_domain_changed(sender: Any, instance: Any = None, **kwargs: Any) -> None:
    """A certification domain added or removed: which certifications count changed."""
    if instance is not None:
        forget(instance.company_id)


def on_thresholds_changed(sender: Any, **kwargs: Any) -> None:
    """Staff changed a threshold (admin): every company's page shows the thresholds."""
    forget_all()
