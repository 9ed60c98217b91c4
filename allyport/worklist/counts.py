"""The home page's task counts, kept in the shared cache until the company's tasks
change. Counting a large company's tasks reads every one of them (20,000 rows: most
of the home page's time), while they change far less often than the page is read.

Every change of a company's tasks (the services, the recommendations) calls
`changed(company_id)`, at once and again after commit, which moves the company's
generation on: counts cached under an older generation are never read again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import transaction

from allyport.core import fragments

TTL = 3600  # seconds; the generation decides freshness, the TTL only frees memory
SCOPE = "worklist"  # core.fragments scope of kept pages that show a company's tasks


def generation_key(company_id: int) -> str:
    return f"worklist:generation:{company_id}"


_generation_key = generation_key


def _bump(company_id: int) -> None:
    cache.set(_generation_key(company_id), time.time_ns(), None)


def changed(company_id: int) -> None:
    """The company's tasks changed: now (this request's next read) and after commit
    (a read that raced the transaction cached the old counts under the new generation)."""
    _bump(company_id)
    transaction.on_commit(lambda: _bump(company_id))
    fragments.changed(SCOPE, company_id)


def start(company_id: int) -> None:
    """Give the company a generation if it has none (evicted, or never changed): a page
    kept under it (the Tasks page) is kept only once it is set."""
    cache.add(_generation_key(company_id), time.time_ns(), None)


def cached(company_id: int, name: str, compute: Callable[[], Any]) -> Any:
    return cached_many(company_id, {name: compute})[name]


def cached_many(
    company_id: int, computes: dict[str, Callable[[], Any]], generation: Any = None
) -> dict[str, Any]:
    """Several counts of one company in two cache round trips (the generation, then
    every count at once) instead of two per count: each round trip costs the home page
    as much as rendering a panel. A caller that already read the generation (in one
    round trip with other keys) passes it."""
    if generation is None:
        generation = cache.get(_generation_key(company_id))
    if generation is None:
        _bump(company_id)
        generation = cache.get(_generation_key(company_id))
    keys = {name: f"worklist:counts:{company_id}:{generation}:{name}" for name in computes}
    stored = cache.get_many(list(keys.values()))
    found: dict[str, Any] = {}
    missing: dict[str, Any] = {}
    for name, key in keys.items():
        if stored.get(key) is not None:
            found[name] = stored[key]
        else:
            found[name] = missing[key] = computes[name]()
    if missing:
        cache.set_many(missing, TTL)
    return found
