"""SQLite: an FTS5 table over title, body and the scope tokens (external content,
kept in step with search_searchentry by triggers), porter stemming; each word a
prefix matched in title and body only, ANDed with the company's scope token (or
the shared content's); kind and owner filter the matched rows; ranked by bm25 with
the title ten times the body. SQLite has no trigram fallback here: a typo finds nothing."""

from __future__ import annotations

from django.db import connection

from allyport.search.backends import Hit, Scope


def _expression(terms: list[str], scopes: list[Scope]) -> str:
    # Terms are \w+ only (no quotes), so quoting them is enough to make them literal.
    typed = " AND ".join(f'"{term}"*' for term in terms)
    return f"{{title body}} : ({typed}) AND tokens : (s0 OR s{scopes[0].company_id})"


def _kinds(scopes: list[Scope]) -> tuple[str, list[str | int]]:
    """Kind and owner as a filter on the matched rows: in the FTS5 expression the
    kind tokens' long doclists (a third of the index each) cost more than the
    company's matches they would cut."""
    clauses: list[str] = []
    params: list[str | int] = []
    for scope in scopes:
        if scope.owner_id is None:
            clauses.append("e.kind = %s")
            params.append(scope.kind)
        else:
            clauses.append("(e.kind = %s AND e.owner_id = %s)")
            params += [scope.kind, scope.owner_id]
    return " OR ".join(clauses), params


RANK = "bm25(search_fts, 10.0, 1.0, 0.0)"
MATCHED = "FROM search_fts JOIN search_searchentry e ON e.id = search_fts.rowid"
# The best rows of one scope, after an offset (a page of View all).
PAGE_SQL = f"""
    SELECT e.kind, e.key, e.title, e.detail, e.url {MATCHED}
    WHERE search_fts MATCH %s AND ({{kinds}}) ORDER BY {RANK}, e.id DESC LIMIT %s OFFSET %s
"""
# The best rows of each kind, in one pass.
PER_KIND_SQL = f"""
    SELECT kind, key, title, detail, url FROM (
        SELECT e.kind, e.key, e.title, e.detail, e.url,
            ROW_NUMBER() OVER (PARTITION BY e.kind ORDER BY {RANK}, e.id DESC) AS place
        {MATCHED} WHERE search_fts MATCH %s AND ({{kinds}})
    ) WHERE place <= %s ORDER BY kind, place
"""  # noqa: S608 (constant text; every value is a parameter)


def match(
    terms: list[str], scopes: list[Scope], *, limit: int, offset: int = 0, per_kind: bool = False
) -> list[Hit]:
    """The best rows for `terms` in `scopes` (one company): `limit` of them after
    `offset`, or with `per_kind` the best `limit` of each kind."""
    expression = _expression(terms, scopes)
    kinds, kind_params = _kinds(scopes)
    params: list[str | int]
    if per_kind:
        sql, params = PER_KIND_SQL, [expression, *kind_params, limit]
    else:
        sql, params = PAGE_SQL, [expression, *kind_params, limit, offset]
    sql = sql.replace("{kinds}", kinds)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [Hit(*row) for row in cursor.fetchall()]
