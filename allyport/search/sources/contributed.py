"""Enablement content from the apps that publish it (programs and designations,
resource pages, courses, news, events, articles…), read from the
`core.contributions` slot "search.documents": each contribution is a function
returning dicts {type, company_id (None: every member), id, title, body, url}.

Staff publish this content rarely and in small numbers, so it is indexed again as a
whole by the maintenance sweep (every 10 minutes) and by `rebuild_search_index`,
rather than row by row. A type not named here is indexed as "Content".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import partial
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from allyport.core import contributions, maintenance
from allyport.search import kinds
from allyport.search.index import clear_kind, index_rows

SLOT = "search.documents"
OTHER = "content"
LABELS = {
    "designation": _("Programs and designations"),
    "resource": _("Resources"),
    "course": _("Training"),
    "news": _("Partner news"),
    "event": _("Partner events"),
    "article": _("Support articles"),
    "guide": _("How-to guides"),
    "video": _("Videos"),
    "document": _("Documents"),
    "faq": _("FAQs"),
    OTHER: _("Content"),
}


def _documents() -> Iterator[dict[str, Any]]:
    for source in contributions.contributed(SLOT):
        yield from source()


def _document(row: dict[str, Any]) -> kinds.Document:
    return kinds.Document(
        key=str(row["id"]),
        company_id=row.get("company_id"),
        title=str(row.get("title") or ""),
        body=str(row.get("body") or ""),
        url=str(row["url"]),
        detail=str(row.get("detail") or ""),
    )


# Other names the contributing apps use for a kind above.
ALIASES = {"support.article": "article"}


def _kind_of(row: dict[str, Any]) -> str:
    kind = str(row.get("type") or "")
    kind = ALIASES.get(kind, kind)
    return kind if kind in LABELS else OTHER


def _rows_of(name: str) -> Iterator[dict[str, Any]]:
    return (row for row in _documents() if _kind_of(row) == name)


def reindex() -> int:
    """Every contributed document again, kind by kind, each kind in one transaction."""
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _documents():
        by_kind[_kind_of(row)].append(row)
    total = 0
    for name in LABELS:
        kind = kinds.get(name)
        if kind is None:
            continue
        with transaction.atomic():
            clear_kind(name)
            total += index_rows(kind, by_kind.get(name, []))
    return total


def register() -> None:
    for name, label in LABELS.items():
        kinds.register(
            kinds.Kind(
                name=name,
                label=label,
                model=None,
                document=_document,
                rows=partial(_rows_of, name),
                key=lambda row: str(row["id"]),
            )
        )
    maintenance.register("search-content", reindex)
