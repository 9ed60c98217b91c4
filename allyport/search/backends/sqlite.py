"""SQLite: an FTS5 table over title, body and the scope tokens (external content,
kept in step with search_searchentry by triggers), porter stemming; each word a
prefix matched in title and body only; ranked by bm25 with the title ten times the
body. SQLite has no trigram fallback here: a typo finds nothing."""

from __future__ import annotations

from django.db import connection

from allyport.search.backends import Hit, Scope
from allyport.search.models import kind_token


def _kind(scope: Scope) -> str:
    token = f"tokens : {kind_token(scope.kind)}"
    return f"({token} AND tokens : o{scope.owner_id})" if scope.owner_id is not None else token


def _expression(terms: list[str], scopes: list[Scope]) -> str:
    # Terms are \w+ only (no quotes), so quoting them is enough to make them literal.
    typed = " AND ".join(f'"{term}"*' for term in terms)
    kinds = " OR ".join(_kind(scope) for scope in scopes)
    return f"{{title body}} : ({typed}) AND tokens : (s0 OR s{scopes[0].company_id}) AND ({kinds})"


RANK = "bm25(search_fts, 10.0, 1.0, 0.0)"
MATCHED = "FROM search_fts JOIN search_searchentry e ON e.id = search_fts.rowid"
# The best rows of one scope, after an offset (a page of View all).
PAGE_SQL = f"""
    SELECT e.kind, e.key, e.title, e.detail, e.url {MATCHED}
    WHERE search_fts MATCH %s ORDER BY {RANK}, e.id DESC LIMIT %s OFFSET %s
"""
# The best rows of each kind, in one pass.
PER_KIND_SQL = f"""
    SELECT kind, key, title, detail, url FROM (
        SELECT e.kind, e.key, e.title, e.detail, e.url,
            ROW_NUMBER() OVER (PARTITION BY e.kind ORDER BY {RANK}, e.id DESC) AS place
        {MATCHED} WHERE search_fts MATCH %s
    ) WHERE place <= %s ORDER BY kind, place
"""  # noqa: S608 (constant text; every value is a parameter)


def match(
    terms: list[str], scopes: list[Scope], *, limit: int, offset: int = 0, per_kind: bool = False
) -> list[Hit]:
    """The best rows for `terms` in `scopes` (one company): `limit` of them after
    `offset`, or with `per_kind` the best `limit` of each kind."""
    expression = _expression(terms, scopes)
    params: list[str | int]
    if per_kind:
        sql, params = PER_KIND_SQL, [expression, limit]
    else:
        sql, params = PAGE_SQL, [expression, limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [Hit(*row) for row in cursor.fetchall()]
