"""SQLite: an FTS5 table over title, body and the scope tokens (external content,
kept in step with search_searchentry by triggers), porter stemming; each word a
prefix matched in title and body only; ranked by bm25 with the title ten times the
body. SQLite has no trigram fallback here: a typo finds nothing."""

from __future__ import annotations

from django.db import connection

from allyport.search.backends import Hit, Scope
from allyport.search.models import kind_token


def _expression(terms: list[str], scope: Scope) -> str:
    # Terms are \w+ only (no quotes), so quoting them is enough to make them literal.
    typed = " AND ".join(f'"{term}"*' for term in terms)
    parts = [
        f"{{title body}} : ({typed})",
        f"tokens : (s0 OR s{scope.company_id})",
        f"tokens : {kind_token(scope.kind)}",
    ]
    if scope.owner_id is not None:
        parts.append(f"tokens : o{scope.owner_id}")
    return " AND ".join(parts)


def match(terms: list[str], scope: Scope, *, limit: int, offset: int) -> list[Hit]:
    sql = """
        SELECT e.kind, e.key, e.title, e.detail, e.url
        FROM search_fts JOIN search_searchentry e ON e.id = search_fts.rowid
        WHERE search_fts MATCH %s
        ORDER BY bm25(search_fts, 10.0, 1.0, 0.0), e.id DESC
        LIMIT %s OFFSET %s
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [_expression(terms, scope), limit, offset])
        return [Hit(*row) for row in cursor.fetchall()]
