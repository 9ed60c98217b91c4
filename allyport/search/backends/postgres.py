"""PostgreSQL: each word a prefix (`word:*`), stemmed, looked up in the keyed
lexemes of the member's company and kind (migration 0003: tenancy is in the index
key, so other tenants' rows are never read); a bounded number of candidates per
kind ranked by ts_rank on the weighted document (title A, body B). When the words
match nothing, titles similar by trigrams (pg_trgm) answer instead, so a typo still
finds its record."""

from __future__ import annotations

from django.db import connection

from allyport.search.backends import Hit, Scope

COLUMNS = "kind, key, title, detail, url"
# Candidates: each scope reads the keyed index (migration 0003) for its company's
# and the shared content's rows of its kind only, and at most a bounded number of
# them, so that a word in half of a large tenant's rows still costs a bounded
# number of row reads. Those candidates are ranked by ts_rank on `document`.
CANDIDATE_SQL = f"""(
    SELECT id, {COLUMNS}, document FROM search_searchentry
    WHERE keyed @@ search_scoped_query(to_tsquery('english', %s), %s, %s){{owner}} LIMIT %s)"""  # noqa: S608 (constant text; every value is a parameter)
RANK = "ts_rank(document, to_tsquery('english', %s)) DESC, id DESC"
PAGE_SQL = f"SELECT {COLUMNS} FROM ({{candidates}}) found ORDER BY {RANK} LIMIT %s OFFSET %s"  # noqa: S608
PER_KIND_SQL = f"""
    SELECT {COLUMNS} FROM (
        SELECT {COLUMNS}, ROW_NUMBER() OVER (PARTITION BY kind ORDER BY {RANK}) AS place
        FROM ({{candidates}}) found
    ) ranked WHERE place <= %s ORDER BY kind, place
"""  # noqa: S608 (constant text; every value is a parameter)
# Candidates ranked for the five of each kind, and for View all (enough for every
# page a member can reach, MAX_PAGE of PAGE: the pages agree with one another).
PER_KIND_CANDIDATES = 100
PAGE_CANDIDATES = 1000
# Typos: titles similar by trigrams, in the scopes' kinds, company and owners.
SIMILAR_SQL = f"""
    SELECT {COLUMNS} FROM (
        SELECT {COLUMNS}, ROW_NUMBER() OVER (
            PARTITION BY kind ORDER BY similarity(title, %s) DESC, id DESC) AS place
        FROM search_searchentry
        WHERE title %% %s AND (company_id = %s OR company_id IS NULL) AND ({{kinds}})
    ) close_titles WHERE place <= %s ORDER BY kind, place
"""  # noqa: S608 (constant text; every value is a parameter)


def _candidates(words: str, scope: Scope, limit: int) -> tuple[str, list[str | int]]:
    owner = " AND owner_id = %s" if scope.owner_id is not None else ""
    params: list[str | int] = [words, scope.company_id, scope.kind]
    if scope.owner_id is not None:
        params.append(scope.owner_id)
    return CANDIDATE_SQL.replace("{owner}", owner), [*params, limit]


def match(
    terms: list[str], scopes: list[Scope], *, limit: int, offset: int = 0, per_kind: bool = False
) -> list[Hit]:
    """The best rows for `terms` in `scopes` (one company): `limit` of them after
    `offset`, or with `per_kind` the best `limit` of each kind."""
    # Each word a prefix in title or body (weights A, B), stemmed by to_tsquery; only
    # stop words make an empty query, which matches nothing.
    words = " & ".join(f"{term}:*AB" for term in terms)
    rows = _ranked(words, scopes, limit=limit, offset=offset, per_kind=per_kind)
    if not rows and offset == 0:
        rows = _similar_titles(" ".join(terms), scopes, limit)
    return [Hit(*row) for row in rows]


def _ranked(
    words: str, scopes: list[Scope], *, limit: int, offset: int, per_kind: bool
) -> list[tuple[str, ...]]:
    bound = PER_KIND_CANDIDATES if per_kind else PAGE_CANDIDATES
    parts, params = [], []
    for scope in scopes:
        sql, scope_params = _candidates(words, scope, bound)
        parts.append(sql)
        params += scope_params
    candidates = " UNION ALL ".join(parts)
    if per_kind:
        sql = PER_KIND_SQL.replace("{candidates}", candidates)
        params = [words, *params, limit]  # the rank comes first in the text
    else:
        sql = PAGE_SQL.replace("{candidates}", candidates)
        params += [words, limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


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
