"""Global search at scale: p50 of a search over a large index against the minimal
signed-in view (`/ping/session`), both served in this process through the whole
middleware stack by Django's test client, alternating, so both see the same machine.

    python -m bench.search [--rows 1000000] [--requests 200]

Uses DATABASE_URL when set (a PostgreSQL database of its own: it is emptied first),
else a SQLite file under var/bench. The
index is seeded directly (the documents' words from a fixed vocabulary, 1% of the
rows the measured company's, the rest spread over 1,000 other companies), then the
measured member searches for a common word, a rare word, two words, and pages one
kind with View all.
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
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from allyport.accounts.models import Company  # noqa: E402, F401
from allyport.search.models import SearchEntry, scope_tokens  # noqa: E402
from allyport.testing import make_company  # noqa: E402

BATCH = 5000
OTHER_COMPANIES = 1000
KINDS = ("opportunity", "offering", "customer_account")


def vocabulary(size: int = 20000) -> list[str]:
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(4, 10))) for _ in range(size)]


def seed(company: Company, others: list[int], rows: int) -> None:
    words = vocabulary()
    rng = random.Random(11)
    # Zipf-like: the first words are common, the tail rare.
    weights = [1 / (rank + 1) for rank in range(len(words))]
    batch: list[SearchEntry] = []
    for n in range(rows):
        owner_company = company.pk if n % 100 == 0 else others[n % len(others)]
        kind = KINDS[n % len(KINDS)]
        title = " ".join(rng.choices(words, weights, k=4))
        body = " ".join(rng.choices(words, weights, k=20))
        batch.append(
            SearchEntry(
                kind=kind, key=f"bench-{n}", company_id=owner_company, title=title,
                detail="bench", body=body, url=f"/bench/{n}/",
                tokens=scope_tokens(kind, owner_company, None),
            )
        )  # fmt: skip
        if len(batch) == BATCH:
            _flush(batch)
    _flush(batch)


def _flush(batch: list[SearchEntry]) -> None:
    with transaction.atomic():
        SearchEntry.objects.bulk_create(batch)
    batch.clear()


def prepare(rows: int) -> tuple[Client, list[str]]:
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)  # a bench database only
    company, lead = make_company("Bench search measured", paths=["Software"])
    others = [make_company(f"Bench search {n}")[0].pk for n in range(OTHER_COMPANIES // 100)]
    started = time.perf_counter()
    seed(company, others, rows)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")
    print(f"seeded {rows:,} entries in {time.perf_counter() - started:.0f} s")
    client = Client()
    client.force_login(lead)
    words = vocabulary()
    return client, [words[3], words[900], f"{words[5]} {words[40]}", words[3][:3]]


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
