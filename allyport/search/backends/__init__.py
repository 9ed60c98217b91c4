"""Full-text matching on the database in use: PostgreSQL's text search (weights,
prefix matching, ranking, trigrams for typos) or SQLite's FTS5 (bm25, prefixes),
behind one function. The structures are made by migration 0002."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection

WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 8


@dataclass(frozen=True)
class Scope:
    """Which rows a match may return: one kind, one company's rows and the content
    every member sees, and (for a member who sees only their own) one owner's."""

    kind: str
    company_id: int
    owner_id: int | None = None


@dataclass(frozen=True)
class Hit:
    kind: str
    key: str
    title: str
    detail: str
    url: str


def words(text: str) -> list[str]:
    """The words of a query, lower case, at most MAX_WORDS (the rest is ignored)."""
    return [word.lower() for word in WORD.findall(text)][:MAX_WORDS]


def match(text: str, scope: Scope, *, limit: int, offset: int = 0) -> list[Hit]:
    """The best `limit` rows in `scope` for `text`, best first, after `offset`."""
    terms = words(text)
    if not terms:
        return []
    if connection.vendor == "postgresql":
        from allyport.search.backends import postgres as backend
    else:
        from allyport.search.backends import sqlite as backend  # type: ignore[no-redef]
    return backend.match(terms, scope, limit=limit, offset=offset)
