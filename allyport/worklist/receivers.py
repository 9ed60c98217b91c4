"""What the worklist does when other domains change: an opportunity changed (the
pipeline's signal, after commit) may move its company or offerings on; the maintenance
sweep recomputes every company whose facts changed unseen (an offering activated)."""

from __future__ import annotations

import logging
from typing import Any

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.worklist.services.recommend import refresh_company

logger = logging.getLogger(__name__)


def opportunity_changed(sender: Any, opportunity: Any, **kwargs: Any) -> None:
    # The change is committed: a failure here is logged, never the pipeline caller's error.
    try:
        refresh_company(Actor.system(), opportunity.company)
    except Exception:
        logger.exception("task refresh after %s failed", opportunity.public_id)


def sweep() -> int:
    """Companies whose recommendations changed (refresh is a no-op when nothing did)."""
    changed = 0
    for company in Company.objects.order_by("pk").iterator(chunk_size=200):
        changed += refresh_company(Actor.system(), company) > 0
    return changed
