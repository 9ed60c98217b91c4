"""The public Partner Solutions Finder against the minimal signed-in view.

`python -m bench.finder [OUT.json]`: seeds BENCH_FINDER_COMPANIES listed companies
(default 100,000; each with its profile, listing and search facets, bulk-inserted),
serves them with gunicorn (BENCH_WORKERS, default 2) and measures, alternating with
`/ping/session` as bench.load does, a search by a name word, a search by industry and
location together, the first page of the finder, and one partner's page. Goals: a search
within 3x of the minimal view, a partner page within 2x.

The database is BENCH_FINDER_DB (default a SQLite file under var/bench; give a
PostgreSQL URL whose name ends in "bench" to measure there). A database seeded at the
same size is reused, so a second run measures at once.
"""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = Path(os.environ.get("BENCH_OUT", ROOT / "var" / "bench"))
OUT_DIR.mkdir(parents=True, exist_ok=True)
os.environ.setdefault("ALLYPORT_ENV", "development")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("ALLYPORT_CAPTCHA", "off")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("ALLYPORT_TASK_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
os.environ["DATABASE_URL"] = (
    os.environ.get("BENCH_FINDER_DB") or f"sqlite:///{OUT_DIR / 'finder.sqlite3'}"
)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allyport.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from allyport.accounts.models import Company  # noqa: E402
from allyport.accounts.services.operators import create_company  # noqa: E402
from allyport.profiles.models import FinderFacet, FinderListing  # noqa: E402
from bench.finder_rows import BATCH, seed_batch  # noqa: E402
from bench.load import Phase, Samples, Settings, percentile  # noqa: E402
from bench.seed import signed_in_session  # noqa: E402

BASELINE = "/ping/session"


def seed(total: int) -> None:
    have = FinderListing.objects.count()
    if have >= total:
        print(f"reusing {have:,} listings")
        return
    started, rng = time.monotonic(), random.Random(12)
    for start in range(have, total, BATCH):
        with transaction.atomic():
            seed_batch(rng, start, min(BATCH, total - start))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    facets = FinderFacet.objects.count()
    print(
        f"seeded {total - have:,} listings ({facets:,} facets) in {time.monotonic() - started:.0f}s"
    )


def _session() -> str:
    company = Company.objects.filter(domains__domain="finder.bench.example").first()
    if company is None:
        company, lead = create_company(
            "finder.bench.example", "Finder Bench", "lead@finder.bench.example", "Bench!Pass1"
        )
    else:
        lead = company.users.get(email="lead@finder.bench.example")
    return signed_in_session(lead)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(port: int) -> subprocess.Popen[bytes]:
    gunicorn = Path(sys.executable).parent / "gunicorn"
    workers = os.environ.get("BENCH_WORKERS", "2")
    log = open(OUT_DIR / "gunicorn-finder.log", "ab")  # noqa: SIM115  (closed with the process)
    server = subprocess.Popen(
        [str(gunicorn), "allyport.wsgi", "-w", workers, "-b", f"127.0.0.1:{port}",
         "--timeout", "120"],
        cwd=ROOT, env=os.environ.copy(), stdout=log, stderr=log,
    )  # fmt: skip
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/ping", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("gunicorn did not start: see var/bench/gunicorn-finder.log")


def _measure(base: str, path: str, cookie: str, cfg: Settings) -> dict:
    for warm in (path, BASELINE):
        Phase(base, warm, cookie, cfg.warmup, cfg.seconds).run(cfg.concurrency)
    page, ping = Samples(), Samples()
    for n in range(cfg.rounds):
        for each in (path, BASELINE)[:: 1 if n % 2 == 0 else -1]:
            got = Phase(base, each, cookie, cfg.requests, cfg.seconds).run(cfg.concurrency)
            (page if each == path else ping).add(got)
    if page.errors or ping.errors or not page.latencies:
        sys.exit(f"{path}: {page.errors + ping.errors} requests failed: the figures are not valid")
    p, b = sorted(page.latencies), sorted(ping.latencies)
    page_rps, ping_rps = len(p) / page.elapsed, len(b) / ping.elapsed
    return {
        "path": path, "page_rps": page_rps, "ping_rps": ping_rps,
        "page_p50_ms": percentile(p, 50) * 1000, "ping_p50_ms": percentile(b, 50) * 1000,
        "page_p95_ms": percentile(p, 95) * 1000,
        "throughput_ratio": ping_rps / page_rps, "p50_ratio": percentile(p, 50) / percentile(b, 50),
    }  # fmt: skip


def main() -> None:
    total = int(os.environ.get("BENCH_FINDER_COMPANIES", "100000"))
    call_command("migrate", verbosity=0)
    seed(total)
    cookie = _session()
    partner = FinderListing.objects.order_by("company_id")[total // 2]
    partner_path = f"/partners/{partner.public_id}/{partner.slug}/"
    scenarios = [
        ("Finder search by a name word", "/partners/?q=harbor", 3.0),
        ("Finder search by industry and location", "/partners/?industry=RETAIL&country=DE", 3.0),
        ("Finder, first page", "/partners/", 3.0),
        ("Partner page", partner_path, 2.0),
    ]
    port = _free_port()
    server = _serve(port)
    results = []
    try:
        for title, path, goal in scenarios:
            res = _measure(f"http://127.0.0.1:{port}", path, cookie, Settings())
            res.update(
                title=title,
                goal=goal,
                met=res["throughput_ratio"] <= goal and res["p50_ratio"] <= goal,
            )
            results.append(res)
            print(
                f"{title} ({path}): {res['page_rps']:.0f} req/s, p50 {res['page_p50_ms']:.1f} ms "
                f"vs {BASELINE} {res['ping_rps']:.0f} req/s, p50 {res['ping_p50_ms']:.1f} ms: "
                f"throughput {res['throughput_ratio']:.2f}x, p50 {res['p50_ratio']:.2f}x "
                f"(goal <= {goal:.0f}x): {'goal met' if res['met'] else 'GOAL MISSED'}"
            )
    finally:
        server.terminate()
        server.wait()
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT_DIR / "result-finder.json"
    out.write_text(
        json.dumps({"companies": total, "database": connection.vendor, "results": results})
    )


if __name__ == "__main__":
    main()
