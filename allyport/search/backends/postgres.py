"""PostgreSQL: a stored tsvector (title weight A, body B, scope tokens D) with a GIN
index; each word a prefix (`word:*AB`, so scope tokens never match a typed word);
ranked by ts_rank. When the words match nothing, titles similar by trigrams (pg_trgm)
answer instead, so a typo still finds its record."""

from __future__ import annotations

from django.db import connection

from allyport.search.backends import Hit, Scope
from allyport.search.models import kind_token

COLUMNS = "kind, key, title, detail, url"
QUERY = """
    WITH query AS (
        SELECT to_tsquery('english', %s) AS w,
            to_tsquery('english', %s) && to_tsquery('simple', %s) AS q
    )
"""
MATCHED = "FROM search_searchentry, query WHERE numnode(query.w) > 0 AND document @@ query.q"
RANK = "ts_rank(document, query.q) DESC, id DESC"
PAGE_SQL = f"{QUERY} SELECT {COLUMNS} {MATCHED} ORDER BY {RANK} LIMIT %s OFFSET %s"
PER_KIND_SQL = f"""{QUERY}
    SELECT {COLUMNS} FROM (
        SELECT {COLUMNS}, ROW_NUMBER() OVER (PARTITION BY kind ORDER BY {RANK}) AS place
        {MATCHED}
    ) ranked WHERE place <= %s ORDER BY kind, place
"""  # noqa: S608 (constant text; every value is a parameter)
# Typos: titles similar by trigrams, in the scopes' kinds, company and owners.
SIMILAR_SQL = f"""
    SELECT {COLUMNS} FROM (
        SELECT {COLUMNS}, ROW_NUMBER() OVER (
            PARTITION BY kind ORDER BY similarity(title, %s) DESC, id DESC) AS place
        FROM search_searchentry
        WHERE title %% %s AND (company_id = %s OR company_id IS NULL) AND ({{kinds}})
    ) close_titles WHERE place <= %s ORDER BY kind, place
"""  # noqa: S608 (constant text; every value is a parameter)


def _kind(scope: Scope) -> str:
    token = kind_token(scope.kind)
    return f"({token} & o{scope.owner_id})" if scope.owner_id is not None else token


def _scope_query(scopes: list[Scope]) -> str:
    kinds = " | ".join(_kind(scope) for scope in scopes)
    return f"(s0 | s{scopes[0].company_id}) & ({kinds})"


def match(
    terms: list[str], scopes: list[Scope], *, limit: int, offset: int = 0, per_kind: bool = False
) -> list[Hit]:
    """The best rows for `terms` in `scopes` (one company): `limit` of them after
    `offset`, or with `per_kind` the best `limit` of each kind."""
    words = " & ".join(f"{term}:*AB" for term in terms)
    params: list[str | int] = [words, words, _scope_query(scopes), limit]
    sql = PER_KIND_SQL if per_kind else PAGE_SQL
    if not per_kind:
        params.append(offset)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if not rows and offset == 0:
        rows = _similar_titles(" ".join(terms), scopes, limit)
    return [Hit(*row) for row in rows]


def _similar_titles(text: str, scopes: list[Scope], limit: int) -> list[tuple[str, ...]]:
    clauses: list[str] = []
    params: list[str | int] = []
    for scope in scopes:
        if scope.owner_id is None:
            clauses.append("kind = %s")
            params.append(scope.kind)
        else:
            clauses.append("(kind = %s AND owner_id = %s)")
            params += [scope.kind, scope.owner_id]
    sql = SIMILAR_SQL.replace("{kinds}", " OR ".join(clauses))
    with connection.cursor() as cursor:
        cursor.execute(sql, [text, text, scopes[0].company_id, *params, limit])
        return cursor.fetchall()
