"""The Partner Support page for a company with 20,000 cases, against the minimal
signed-in view (/ping/session). Goal: within 3x.

Run on its own: `python -m bench.support_cases` (BENCH_CASES, default 20000;
BENCH_REQUESTS per page, default 200; DATABASE_URL, default a fresh SQLite file in
ALLYPORT_VAR_DIR or var/bench); scripts/bench.sh runs it on SQLite. Migrates, seeds
the company's cases with bulk_create (their alliance lead sees all of them; half
resolved) and analyzes, then times both pages in this process with Django's test
client, alternating the two so machine load falls on both alike.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allyport.settings")
os.environ.setdefault("ALLYPORT_ENV", "test")
os.environ.setdefault("ALLYPORT_CAPTCHA", "off")
if "DATABASE_URL" not in os.environ:
    folder = Path(os.environ.get("ALLYPORT_VAR_DIR") or "var/bench")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "support_cases.sqlite3"
    target.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{target.resolve()}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from allyport.accounts import backends  # noqa: E402
from allyport.accounts.services.operators import create_company  # noqa: E402
from allyport.support.models import SupportCase  # noqa: E402

CASES = int(os.environ.get("BENCH_CASES", "20000"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
GOAL = 3.0


def seed() -> Client:
    call_command("migrate", verbosity=0)
    domain = "bench-support.example"
    company, lead = create_company(domain, "Bench Support", f"lead@{domain}", "Bench!Pass1")
    batch = [
        SupportCase(
            company=company,
            subject=f"Question number {n}",
            category="other",
            status=SupportCase.RESOLVED if n % 2 else SupportCase.OPEN,
            opened_by=lead,
            case_id=str(1_000_000_000 + n),
        )  # fmt: skip
        for n in range(CASES)
    ]
    SupportCase.objects.bulk_create(batch, batch_size=2000)
    # Planner statistics, as autovacuum (PostgreSQL) or `ANALYZE` keep them in service;
    # without them PostgreSQL guesses a handful of rows and sorts them all.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    client = Client()
    client.force_login(lead, backend=backends.PATH)
    return client


def timed(client: Client, url: str, expect: bytes) -> float:
    start = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - start
    assert response.status_code == 200 and expect in response.content, url
    return elapsed


def main() -> int:

    client = seed()
    ping, page = reverse("ping_session"), reverse("support:home")
    for _ in range(10):  # warm up
        timed(client, ping, b""), timed(client, page, b"Open cases")
    base, cases = [], []
    for _ in range(REQUESTS):
        base.append(timed(client, ping, b""))
        cases.append(timed(client, page, b"Question number"))
    base_ms, page_ms = statistics.median(base) * 1000, statistics.median(cases) * 1000
    p95 = sorted(cases)[int(len(cases) * 0.95) - 1] * 1000
    ratio = page_ms / base_ms
    vendor = django.db.connection.vendor
    print(f"support cases ({vendor}, {CASES} cases, {REQUESTS} requests each, in process)")
    print(f"  /ping/session median {base_ms:.2f} ms")
    print(f"  /support/     median {page_ms:.2f} ms (p95 {p95:.2f} ms), ratio {ratio:.2f}x")
    print(f"  goal {GOAL}x: {'met' if ratio <= GOAL else 'GOAL MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
