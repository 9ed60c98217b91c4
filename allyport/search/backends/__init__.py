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


def _backend():  # type: ignore[no-untyped-def]
    if connection.vendor == "postgresql":
        from allyport.search.backends import postgres

        return postgres
    from allyport.search.backends import sqlite

    return sqlite


def match(text: str, scope: Scope, *, limit: int, offset: int = 0) -> list[Hit]:
    """The best `limit` rows in `scope` for `text`, best first, after `offset`."""
    terms = words(text)
    if not terms:
        return []
    return _backend().match(terms, [scope], limit=limit, offset=offset)


def match_kinds(text: str, scopes: list[Scope], *, per_kind: int) -> list[Hit]:
    """The best `per_kind` rows of each scope's kind, in one pass over the index
    (one company, several kinds): best first within each kind."""
    terms = words(text)
    if not terms or not scopes:
        return []
    return _backend().match(terms, scopes, limit=per_kind, per_kind=True)
