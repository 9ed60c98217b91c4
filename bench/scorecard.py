"""The Partner Scorecard of a large company against the minimal signed-in view.

`python -m bench.scorecard [--people 5000] [--records 50000] [--database-url URL]`
migrates a throwaway database (SQLite in a temporary folder by default; a
PostgreSQL database whose name ends in "_bench"), seeds one company of
`--people` registered people (a fifth with a consented certifications email) and
`--records` AWS Certification records spread over their addresses and over
addresses of nobody (which must not count), 100 launched opportunities and the
demo's tier thresholds; times the counts computed from the records (what a miss
of the scorecard's five-minute cache costs), then starts gunicorn (`BENCH_WORKERS`,
default 2) and measures /company/scorecard/ against /ping/session with the same
signed-in session, in alternating rounds (bench/load.py's client and its BENCH_*
settings). Goal: the scorecard within 3x the minimal view (throughput and p50).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

GOAL = 3.0
PAGE = "/company/scorecard/"
BASELINE = "/ping/session"
LEVELS = ("foundational", "associate", "professional", "specialty")
BATCH = 2000


def _environment(var_dir: str, database_url: str | None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        ALLYPORT_ENV="development", DEBUG="false", LOG_LEVEL="WARNING", ALLYPORT_CAPTCHA="off",
        ALLYPORT_VAR_DIR=var_dir, DJANGO_SETTINGS_MODULE="allyport.settings",
        DATABASE_URL=database_url or f"sqlite:///{var_dir}/bench.sqlite3",
        ALLYPORT_TASK_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
    )  # fmt: skip
    env.pop("REDIS_URL", None)
    return env


def _seed(people: int, records: int) -> str:
    """Seed in this process (Django set up from the environment); the lead's session key."""
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from allyport.accounts.models import User
    from allyport.accounts.services.operators import create_company
    from allyport.home.demo.programs import _thresholds
    from allyport.pipeline.models import Opportunity
    from allyport.programs.models import CertificationRecord
    from bench.seed import signed_in_session

    call_command("migrate", verbosity=0)
    company, lead = create_company(
        "bigcorp.example", "Bigcorp", "lead@bigcorp.example", "Bench!Pass1",
        stage="Validated", paths=["Software", "Services"],
    )  # fmt: skip
    hashed = make_password("Bench!Pass1")
    now = timezone.now()
    with transaction.atomic():
        User.objects.bulk_create(
            [
                User(email=f"p{n:05d}@bigcorp.example", company=company, password=hashed,
                     first_name=f"P{n}", certification_consent=n % 5 == 0,
                     certification_email=f"p{n}@personal.example" if n % 5 == 0 else "")
                for n in range(people - 1)
            ],
            batch_size=BATCH,
        )  # fmt: skip
        earned = date.today() - timedelta(days=200)
        rows = []
        for n in range(records):
            person = n % (people + people // 4)  # a fifth of the addresses belong to nobody
            email = (
                f"p{person:05d}@bigcorp.example" if person % 7 else f"p{person}@personal.example"
            )
            rows.append(CertificationRecord(
                email=email, name=f"AWS Certification {n % 12}", level=LEVELS[n % 4],
                earned_on=earned - timedelta(days=n // 1000), recorded_at=now - timedelta(days=30),
            ))  # fmt: skip
        CertificationRecord.objects.bulk_create(rows, batch_size=BATCH)
        monthly = {"Amount": "900", "CurrencyCode": "USD", "Frequency": "Monthly"}
        spend = {"Project": {"ExpectedCustomerSpend": [{**monthly, "TargetCompany": "AWS"}]}}
        Opportunity.objects.bulk_create([
            Opportunity(company=company, catalog="AWS", data=spend, stage="Launched",
                        review_status="Approved", origin="Partner Referral",
                        created_date=now, last_modified_date=now - timedelta(seconds=n))
            for n in range(100)
        ])  # fmt: skip
        _thresholds()
    return signed_in_session(lead)


def _cold_ms() -> float:
    """What a cache miss costs: the counts computed from the records, in this process."""
    from allyport.accounts.models import Company
    from allyport.programs.selectors.scorecard import metrics

    company = Company.objects.get(legal_name="Bigcorp")
    took = []
    for _ in range(5):
        started = time.perf_counter()
        metrics(company)
        took.append((time.perf_counter() - started) * 1000)
    return sorted(took)[2]


def _serve(env: dict[str, str], var_dir: str) -> tuple[subprocess.Popen[bytes], str]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    workers = os.environ.get("BENCH_WORKERS", "2")
    server = subprocess.Popen(
        [gunicorn, "allyport.wsgi", "-w", workers, "-b", f"127.0.0.1:{port}", "--timeout", "120",
         "--error-logfile", f"{var_dir}/gunicorn.log"],
        env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    import urllib.request

    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/ping", timeout=2)  # noqa: S310 - our own server
            return server, base
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("gunicorn did not start")


def _measure(base: str, cookie: str) -> dict[str, float]:
    from bench.load import Phase, Samples, Settings, check, throughput_ratio

    cfg = Settings()
    for path in (PAGE, BASELINE):
        check(base, path, cookie)
        Phase(base, path, cookie, cfg.warmup, cfg.seconds).run(cfg.concurrency)
    page, ping, rounds = Samples(), Samples(), []
    for n in range(cfg.rounds):
        phases = {}
        for path in (PAGE, BASELINE)[:: 1 if n % 2 == 0 else -1]:
            phases[path] = Phase(base, path, cookie, cfg.requests, cfg.seconds).run(cfg.concurrency)
        page.add(phases[PAGE])
        ping.add(phases[BASELINE])
        rounds.append(throughput_ratio(phases[BASELINE], phases[PAGE]))
    p, b = page.summary(), ping.summary()
    if p["errors"] or b["errors"]:
        sys.exit("some requests failed: these figures are not valid")
    return {
        "page_rps": p["rps"], "page_p50": p["p50_ms"], "page_p95": p["p95_ms"],
        "ping_rps": b["rps"], "ping_p50": b["p50_ms"], "ping_p95": b["p95_ms"],
        "throughput": b["rps"] / p["rps"], "p50": p["p50_ms"] / b["p50_ms"],
        "median_round": sorted(rounds)[len(rounds) // 2],
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--records", type=int, default=50000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    if args.database_url and not args.database_url.rstrip("/").endswith("_bench"):
        sys.exit("a PostgreSQL database for this bench must be named *_bench (it is dropped)")
    with tempfile.TemporaryDirectory(prefix="allyport-scorecard-") as var_dir:
        env = _environment(var_dir, args.database_url)
        os.environ.update(env)
        if args.database_url:
            subprocess.run(
                [sys.executable, "-m", "bench.pgdb", "create", args.database_url], check=True
            )
        try:
            started = time.perf_counter()
            cookie = _seed(args.people, args.records)
            print(f"seeded {args.people:,} people and {args.records:,} certification records "
                  f"in {time.perf_counter() - started:.1f}s")  # fmt: skip
            cold = _cold_ms()
            print(f"counting from the records (the cache's miss): median {cold:.1f} ms")
            server, base = _serve(env, var_dir)
            try:
                r = _measure(base, cookie)
            finally:
                server.terminate()
                server.wait()
        finally:
            if args.database_url:
                subprocess.run(
                    [sys.executable, "-m", "bench.pgdb", "drop", args.database_url], check=False
                )
    for name, key in ((PAGE, "page"), (BASELINE, "ping")):
        rps, p50, p95 = r[f"{key}_rps"], r[f"{key}_p50"], r[f"{key}_p95"]
        print(f"{name}: {rps:.1f} req/s, p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    met = r["throughput"] <= GOAL and r["p50"] <= GOAL
    print(f"ratio page/baseline: throughput {r['throughput']:.2f}x (median round "
          f"{r['median_round']:.2f}x), p50 {r['p50']:.2f}x (goal <= {GOAL:.0f}x): "
          f"{'goal met' if met else 'GOAL MISSED'}")  # fmt: skip


if __name__ == "__main__":
    main()
