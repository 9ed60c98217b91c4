"""Global search at scale: p50 of a search over a large index against the minimal
signed-in view (`/ping/session`), both served in this process through the whole
middleware stack by Django's test client, alternating, so both see the same machine.

    python -m bench.search [--rows 1000000] [--requests 200]

Uses DATABASE_URL when set (a PostgreSQL database of its own: it is emptied before
seeding), else a SQLite file under var/bench. The index is seeded directly (the
documents' words from a fixed vocabulary, 1% of the rows the measured company's, the
rest spread over other companies; on PostgreSQL in one INSERT … SELECT), and kept:
a marker table records the rows and seed version, and a later run with the same
--rows reuses them. The measured member then searches for a common word, a rare
word, two words, a prefix, and pages one kind with View all.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allyport.settings")
os.environ.setdefault("ALLYPORT_ENV", "development")
os.environ.setdefault("ALLYPORT_CAPTCHA", "off")
os.environ.setdefault("LOG_LEVEL", "WARNING")
if not os.environ.get("DATABASE_URL"):
    (ROOT / "var/bench").mkdir(parents=True, exist_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var/bench/search.sqlite3'}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import DatabaseError, connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from allyport.accounts.models import Company, User  # noqa: E402
from allyport.search import present  # noqa: E402
from allyport.search.models import SearchEntry, scope_tokens  # noqa: E402
from allyport.testing import make_company  # noqa: E402

MEASURED = "Bench search measured"
OTHER_COMPANIES = 1000
KINDS = ("opportunity", "offering", "customer_account")


def vocabulary(size: int = 20000) -> list[str]:
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(4, 10))) for _ in range(size)]


SEED_VERSION = 2  # bump when the seeded rows change shape


def seed(company: Company, others: list[int], rows: int) -> None:
    """The rows in a few SQL statements: each word drawn Zipf-like (rank r about as
    often as 1/(r+1)) as `floor(N^random())`, the tsvector computed by the column's
    own expression. The table's secondary indexes are dropped during the load and
    built again after it (faster than keeping them up to date row by row)."""
    if connection.vendor != "postgresql":
        seed_rows(company, others, rows)
        return
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMP TABLE bench_vocab (rank int PRIMARY KEY, word text)")
        cursor.executemany("INSERT INTO bench_vocab VALUES (%s, %s)", list(enumerate(vocabulary())))
        indexes = _drop_indexes(cursor)
        cursor.execute(SEED_SQL, [rows - 1, company.pk, others, len(others)])
        for statement in indexes:
            cursor.execute(statement)
        cursor.execute("DROP TABLE bench_vocab")


def seed_rows(company: Company, others: list[int], rows: int) -> None:
    """The same rows made one by one in Python (SQLite, at the smaller sizes it runs)."""
    words = vocabulary()
    rng = random.Random(11)
    weights = [1 / (rank + 1) for rank in range(len(words))]
    batch: list[SearchEntry] = []
    for n in range(rows):
        owner_company = company.pk if n % 100 == 0 else others[n % len(others)]
        kind = KINDS[n % len(KINDS)]
        batch.append(
            SearchEntry(
                kind=kind, key=f"bench-{n}", company_id=owner_company,
                title=" ".join(rng.choices(words, weights, k=4)), detail="bench",
                body=" ".join(rng.choices(words, weights, k=20)), url=f"/bench/{n}/",
                tokens=scope_tokens(kind, owner_company, None),
            )
        )  # fmt: skip
        if len(batch) == 5000:
            SearchEntry.objects.bulk_create(batch)
            batch.clear()
    SearchEntry.objects.bulk_create(batch)


# Each word's rank drawn in its own row (OFFSET 0 keeps random() there); `n` in it so
# that it is drawn again for every document.
_WORDS = """(SELECT string_agg(v.word, ' ') FROM (
    SELECT floor(power(20000, random()))::int - 1 + 0 * n AS rank
    FROM generate_series(1, {count}) OFFSET 0) drawn JOIN bench_vocab v USING (rank))"""
SEED_SQL = f"""
    INSERT INTO search_searchentry
        (kind, key, company_id, owner_id, title, detail, body, url, tokens, updated_at)
    SELECT kind, 'bench-' || n, owner, NULL, {_WORDS.format(count=4)}, 'bench',
        {_WORDS.format(count=20)}, '/bench/' || n || '/',
        's' || owner || ' k' || replace(kind, '_', ''), now() - n * interval '1 second'
    FROM generate_series(0, %s) n,
        LATERAL (SELECT (ARRAY['opportunity', 'offering', 'customer_account'])[n %% 3 + 1] AS kind,
            CASE WHEN n %% 100 = 0 THEN %s ELSE (%s::bigint[])[n %% %s + 1] END AS owner) row_of
"""  # noqa: S608 (constant text)


def _drop_indexes(cursor) -> list[str]:  # type: ignore[no-untyped-def]
    """Drop the search table's plain secondary indexes; the statements that make them."""
    if connection.vendor != "postgresql":
        return []
    cursor.execute(
        """SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.tablename = 'search_searchentry' AND NOT EXISTS (
            SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"""
    )
    found = cursor.fetchall()
    for name, _definition in found:
        cursor.execute(f'DROP INDEX "{name}"')
    cursor.execute("SET maintenance_work_mem = '1GB'")
    return [definition for _name, definition in found]


def prepare(rows: int) -> tuple[Client, list[str]]:
    call_command("migrate", verbosity=0)
    company = Company.objects.filter(legal_name=MEASURED).first()
    if company is None or _seeded() != (rows, SEED_VERSION):
        call_command("flush", interactive=False, verbosity=0)  # a bench database only
        company, _lead = make_company(MEASURED, paths=["Software"])
        others = [make_company(f"Bench search {n}")[0].pk for n in range(OTHER_COMPANIES // 100)]
        started = time.perf_counter()
        seed(company, others, rows)
        with connection.cursor() as cursor:
            cursor.execute(
                "ANALYZE search_searchentry" if connection.vendor == "postgresql" else "ANALYZE"
            )
            cursor.execute("CREATE TABLE IF NOT EXISTS bench_search_seeded (rows int, version int)")
            cursor.execute("DELETE FROM bench_search_seeded")
            cursor.execute("INSERT INTO bench_search_seeded VALUES (%s, %s)", [rows, SEED_VERSION])
        print(f"seeded {rows:,} entries in {time.perf_counter() - started:.0f} s")
    else:
        print(f"reusing the {rows:,} entries seeded before")
    present.forget([company.pk, None])  # rows written in SQL: the kind lists start afresh
    lead = User.objects.get(email=f"lead@{company.domains.first().domain}")
    client = Client()
    client.force_login(lead)
    words = vocabulary()
    return client, [words[3], words[900], f"{words[5]} {words[40]}", words[3][:3]]


def _seeded() -> tuple[int, int] | None:
    with connection.cursor() as cursor:
        try:
            with transaction.atomic():
                cursor.execute("SELECT rows, version FROM bench_search_seeded")
                row = cursor.fetchone()
        except DatabaseError:
            return None
    return (row[0], row[1]) if row else None


def timed(client: Client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


def measure(client: Client, queries: list[str], requests: int) -> None:
    cases = {"/ping/session": "/ping/session"}
    for query in queries:
        cases[f"search '{query}'"] = f"/search/?q={query.replace(' ', '+')}"
    cases["View all, page 2"] = f"/search/?q={queries[0]}&all=opportunity&page=2"
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for url in cases.values():  # warm up
        timed(client, url)
    for _ in range(requests):
        for name, url in cases.items():
            samples[name].append(timed(client, url))
    base = statistics.median(samples["/ping/session"])
    print(f"{'case':32} {'p50 ms':>8} {'p95 ms':>8} {'x ping':>7}")
    for name, values in samples.items():
        ordered = sorted(values)
        p50 = statistics.median(ordered)
        p95 = ordered[int(len(ordered) * 0.95) - 1]
        print(f"{name:32} {p50 * 1000:8.2f} {p95 * 1000:8.2f} {p50 / base:7.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    client, queries = prepare(args.rows)
    print(f"database: {connection.vendor}; index rows: {SearchEntry.objects.count():,}")
    measure(client, queries, args.requests)


if __name__ == "__main__":
    main()
