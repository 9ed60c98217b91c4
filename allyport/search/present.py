"""The page's kind list: which kinds hold any entry a company's members could find
(the company's own and the shared content's), cached, so that a search looks only
in kinds that can answer (on PostgreSQL each kind is one index lookup in the query).

Writing an entry forgets its company's list (now, and again once the transaction
commits, so a reader never caches a list from before the write); a list that still
names a kind whose entries were all removed costs one empty lookup, nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.cache import cache
from django.db import connection, transaction

TIMEOUT = 300
SHARED = 0  # the key of the content every member sees (company null)

# Distinct kinds by a loose scan of the (company, kind) index: one probe per kind,
# whatever the number of rows.
_DISTINCT = """
    WITH RECURSIVE present(kind) AS (
        SELECT min(kind) FROM search_searchentry WHERE {company}
        UNION ALL
        SELECT (SELECT min(kind) FROM search_searchentry WHERE {company} AND kind > present.kind)
        FROM present WHERE present.kind IS NOT NULL
    ) SELECT kind FROM present WHERE kind IS NOT NULL
"""


def _key(company_id: int | None) -> str:
    return f"search:kinds:{company_id or SHARED}"


def kinds_with_entries(company_id: int) -> set[str]:
    """The kinds of the company's entries and of the shared content's."""
    wanted = {_key(company_id): company_id, _key(None): None}
    found = cache.get_many(list(wanted))
    present: set[str] = set()
    for key, company in wanted.items():
        if key not in found:
            found[key] = _distinct_kinds(company)
            cache.set(key, found[key], TIMEOUT)
        present.update(found[key])
    return present


def _distinct_kinds(company_id: int | None) -> list[str]:
    if company_id is None:
        sql, params = _DISTINCT.replace("{company}", "company_id IS NULL"), []
    else:
        sql, params = _DISTINCT.replace("{company}", "company_id = %s"), [company_id, company_id]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def forget(company_ids: Iterable[int | None]) -> None:
    keys = list({_key(company_id) for company_id in company_ids})
    if keys:
        cache.delete_many(keys)
        transaction.on_commit(lambda: cache.delete_many(keys))
