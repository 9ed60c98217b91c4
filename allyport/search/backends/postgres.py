"""PostgreSQL: a stored tsvector (title weight A, body B, scope tokens D) with a GIN
index; each word a prefix (`word:*AB`, so scope tokens never match a typed word);
ranked by ts_rank. When the words match nothing, titles similar by trigrams (pg_trgm)
answer instead, so a typo still finds its record."""

from __future__ import annotations

from django.db import connection

from allyport.search.backends import Hit, Scope
from allyport.search.models import kind_token

COLUMNS = "kind, key, title, detail, url"


def _scope_query(scope: Scope) -> str:
    parts = [f"(s0 | s{scope.company_id})", kind_token(scope.kind)]
    if scope.owner_id is not None:
        parts.append(f"o{scope.owner_id}")
    return " & ".join(parts)


def _owner_sql(scope: Scope) -> tuple[str, list[object]]:
    if scope.owner_id is None:
        return "", []
    return " AND owner_id = %s", [scope.owner_id]


def match(terms: list[str], scope: Scope, *, limit: int, offset: int) -> list[Hit]:
    words = " & ".join(f"{term}:*AB" for term in terms)
    sql = f"""
        WITH query AS (
            SELECT to_tsquery('english', %s) AS w,
                to_tsquery('english', %s) && to_tsquery('simple', %s) AS q
        )
        SELECT {COLUMNS} FROM search_searchentry, query
        WHERE numnode(query.w) > 0 AND document @@ query.q
        ORDER BY ts_rank(document, query.q) DESC, id DESC
        LIMIT %s OFFSET %s
    """  # noqa: S608 (COLUMNS is a constant; every value is a parameter)
    with connection.cursor() as cursor:
        cursor.execute(sql, [words, words, _scope_query(scope), limit, offset])
        rows = cursor.fetchall()
    if not rows and offset == 0:
        rows = _similar_titles(" ".join(terms), scope, limit)
    return [Hit(*row) for row in rows]


def _similar_titles(text: str, scope: Scope, limit: int) -> list[tuple[str, ...]]:
    owner, owner_params = _owner_sql(scope)
    sql = f"""
        SELECT {COLUMNS} FROM search_searchentry
        WHERE title %% %s AND kind = %s AND (company_id = %s OR company_id IS NULL){owner}
        ORDER BY similarity(title, %s) DESC, id DESC
        LIMIT %s
    """  # noqa: S608 (owner is a constant fragment; every value is a parameter)
    with connection.cursor() as cursor:
        cursor.execute(sql, [text, scope.kind, scope.company_id, *owner_params, text, limit])
        return cursor.fetchall()
