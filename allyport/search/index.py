"""Writing the index: the rows of a kind upserted or removed, in the caller's
transaction, and the whole index rebuilt from the models.

Every write moves on the generation (core.fragments) of each company whose entries
it touched, before and after the write (an entry may change company), or the
shared one (`EVERYONE`) for the shared content and for a whole kind cleared: the
kept results pages (views.py) depend on their company's and the shared one."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from typing import Any

from django.db import transaction

from allyport.core import fragments
from allyport.search import kinds, present
from allyport.search.models import SearchEntry, scope_tokens

BATCH = 1000
# Longest body kept: enough for every word that matters in a description.
BODY_LIMIT = 20_000
SCOPE = "search"  # core.fragments scope of the index: one generation per company
EVERYONE = 0  # the generation of the shared content, which every member's results show


def generations(company_id: int) -> tuple[str, str]:
    """What a company's members' results depend on: the shared content and its own."""
    return (
        fragments.generation_key(SCOPE, EVERYONE),
        fragments.generation_key(SCOPE, company_id),
    )


def _changed(company_ids: Iterable[int | None]) -> None:
    fragments.changed(SCOPE, *{company_id or EVERYONE for company_id in company_ids})


def _companies_of(kind: kinds.Kind, keys: list[str]) -> set[int | None]:
    """The companies of the stored entries of `keys` (what a write changes for them)."""
    entries = SearchEntry.objects.filter(kind=kind.name, key__in=keys)
    return set(entries.values_list("company_id", flat=True).distinct())


def _entry(kind: kinds.Kind, document: kinds.Document) -> SearchEntry:
    return SearchEntry(
        kind=kind.name,
        key=document.key[:64],
        company_id=document.company_id,
        owner_id=document.owner_id,
        title=document.title[:300],
        detail=document.detail[:300],
        body=document.body[:BODY_LIMIT],
        url=document.url[:500],
        tokens=scope_tokens(kind.name, document.company_id, document.owner_id),
    )


def index_rows(kind: kinds.Kind, rows: Iterable[Any]) -> int:
    """Upsert the documents of `rows`; rows that are not to be found are removed."""
    keep: list[SearchEntry] = []
    drop: list[str] = []
    for row in rows:
        document = kind.document(row)
        if document is None:
            drop.append(kind.key(row))
        else:
            keep.append(_entry(kind, document))
    with transaction.atomic():
        if drop:
            remove_keys(kind, drop)
        if keep:
            before = _companies_of(kind, [entry.key for entry in keep])
            SearchEntry.objects.bulk_create(
                keep,
                update_conflicts=True,
                unique_fields=["kind", "key"],
                update_fields=["company", "owner_id", "title", "detail", "body", "url", "tokens"],
            )
            present.forget(entry.company_id for entry in keep)
            _changed(before | {entry.company_id for entry in keep})
    return len(keep)


def remove_keys(kind: kinds.Kind, keys: Iterable[str]) -> None:
    keys = list(keys)
    companies = _companies_of(kind, keys)
    if companies:
        SearchEntry.objects.filter(kind=kind.name, key__in=keys).delete()
        _changed(companies)


def clear_kind(name: str) -> None:
    """Remove every entry of the kind (before indexing it again): every company's."""
    SearchEntry.objects.filter(kind=name).delete()
    _changed([EVERYONE])


def rebuild(names: Iterable[str] | None = None) -> dict[str, int]:
    """Index every row of the named kinds (all by default) again, in batches; entries
    of rows that no longer exist are removed. Returns the count per kind."""
    counts: dict[str, int] = {}
    for kind in kinds.all_kinds():
        if names is not None and kind.name not in names:
            continue
        with transaction.atomic():
            clear_kind(kind.name)
            counts[kind.name] = _index_all(kind)
    return counts


def _index_all(kind: kinds.Kind) -> int:
    rows = iter(kind.rows())
    total = 0
    while batch := list(islice(rows, BATCH)):
        total += index_rows(kind, batch)
    return total
