"""The Tasks page of a large company against the minimal signed-in view.

`python -m bench.worklist [--offerings 500] [--tasks 20000] [--database-url URL]
[--workers 2]` migrates a fresh database (SQLite in a temporary folder by default; a
PostgreSQL database whose name ends in "bench" is created and dropped, by bench.pgdb), seeds one
company with that many offerings (software, service and managed service) and tasks
(the recommended ones, topped up with tasks of extra catalogue entries), serves it
with gunicorn, and measures, as bench.load does (rounds alternating page and
baseline), the alliance lead's Tasks page (the Solution tasks tab of the whole
company, the largest), My tasks, and the home page with its Tasks section against
`/ping/session`. Goal (issue 14): within 3x the minimal signed-in view.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench.load import GOAL, Phase, Samples, Settings, percentile, throughput_ratio

BASELINE = "/ping/session"
PAGES = (
    ("/tasks/?type=solution&scope=all", "Tasks page, Solution tasks tab (whole company)"),
    ("/tasks/?type=account&scope=mine", "My tasks > Account tasks"),
    ("/", "Home page with the Tasks section"),
)
CATEGORIES = ("Software Product", "Consulting Service", "Managed Service")


def _environment(var_dir: str, database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        ALLYPORT_ENV="development",
        DEBUG="false",
        LOG_LEVEL="WARNING",
        ALLYPORT_CAPTCHA="off",
        ALLYPORT_VAR_DIR=var_dir,
        DATABASE_URL=database_url,
        ALLYPORT_TASK_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        DJANGO_SETTINGS_MODULE="allyport.settings",
    )
    env.pop("REDIS_URL", None)
    return env


def seed(offerings: int, tasks: int) -> dict[str, Any]:
    """Runs in a child process with the bench environment: returns the lead's session."""
    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.core.management import call_command
    from django.db import connection

    from allyport.access.actor import Actor
    from allyport.accounts.services.operators import create_company
    from allyport.accounts.sessions import SessionStore
    from allyport.pipeline.models import Solution
    from allyport.pipeline.shared.clock import now_ms
    from allyport.worklist.models import Task, TaskDefinition
    from allyport.worklist.services.recommend import refresh_company

    call_command("migrate", verbosity=0)
    company, lead = create_company(
        "bench.example",
        "Bench Corp",
        "lead@bench.example",
        "Bench!Pass1",
        stage="Validated",
        paths=["Software"],
    )
    Solution.objects.bulk_create(
        Solution(
            company=company,
            catalog="AWS",
            name=f"Offering {n}",
            created_date=now_ms(),
            category=CATEGORIES[n % 3],
            status="Active" if n % 2 else "Draft",
        )
        for n in range(offerings)
    )
    started = time.perf_counter()
    refresh_company(Actor.system(), company, force=True)
    refresh_s = time.perf_counter() - started
    solutions = list(Solution.objects.filter(company=company).values_list("pk", flat=True))
    extra, n = [], 0
    while Task.objects.filter(company=company).count() + len(extra) < tasks:
        definition = TaskDefinition.objects.create(
            key=f"bench-{n}", type="solution", stage="Grow", title=f"Bench task {n}", active=False
        )
        extra += [
            Task(
                company=company,
                definition=definition,
                type="solution",
                solution_id=pk,
                assignee=lead,
            )
            for pk in solutions
        ]
        n += 1
    missing = tasks - Task.objects.filter(company=company).count()
    Task.objects.bulk_create(extra[:missing], batch_size=2000)
    refresh_company(Actor.system(), company)  # the catalogue changed: settle the fingerprint
    if connection.vendor == "postgresql":  # planner statistics, as autovacuum would gather
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    session = SessionStore()
    session[SESSION_KEY] = str(lead.pk)
    session[BACKEND_SESSION_KEY] = "allyport.accounts.backends.MemberBackend"
    session[HASH_SESSION_KEY] = lead.get_session_auth_hash()
    session.create()
    return {
        "session": session.session_key,
        "tasks": Task.objects.filter(company=company).count(),
        "offerings": offerings,
        "first_refresh_s": round(refresh_s, 2),
    }


def _summary(samples: Samples) -> dict[str, float]:
    ordered = sorted(samples.latencies)
    return {
        "requests": len(ordered),
        "errors": samples.errors,
        "rps": len(ordered) / samples.elapsed if samples.elapsed else 0.0,
        "p50_ms": percentile(ordered, 50) * 1000,
        "p95_ms": percentile(ordered, 95) * 1000,
    }


def measure(base: str, path: str, cookie: str, cfg: Settings) -> dict[str, Any]:
    for warm in (path, BASELINE):
        Phase(base, warm, cookie, cfg.warmup, cfg.seconds).run(cfg.concurrency)
    page, ping, rounds = Samples(), Samples(), []
    for n in range(cfg.rounds):
        phases = {}
        for target in (path, BASELINE)[:: 1 if n % 2 == 0 else -1]:
            phases[target] = Phase(base, target, cookie, cfg.requests, cfg.seconds).run(
                cfg.concurrency
            )
        page.add(phases[path])
        ping.add(phases[BASELINE])
        rounds.append(throughput_ratio(phases[BASELINE], phases[path]))
    page_s, ping_s = _summary(page), _summary(ping)
    ratios = {
        "throughput": ping_s["rps"] / page_s["rps"] if page_s["rps"] else float("inf"),
        "p50": page_s["p50_ms"] / ping_s["p50_ms"],
    }
    met = ratios["throughput"] <= GOAL and ratios["p50"] <= GOAL
    return {
        "path": path,
        "page": page_s,
        "baseline": ping_s,
        "ratios": ratios,
        "met": met,
        "round_ratios": sorted(rounds),
    }


def _wait(base: str, server: subprocess.Popen[bytes]) -> None:
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/ping", timeout=2)
            return
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.2)
    sys.exit("gunicorn did not start")


def _scratch(url: str, action: str) -> None:
    if url.startswith("postgres"):
        subprocess.run([sys.executable, "-m", "bench.pgdb", action, url], check=True)


def run(args: argparse.Namespace, var_dir: str) -> None:
    url = args.database_url or f"sqlite:///{var_dir}/bench.sqlite3"
    env = _environment(var_dir, url)
    _scratch(url, "create")
    try:
        code = (
            "import json, bench.worklist as b; "
            f"print(json.dumps(b.seed({args.offerings}, {args.tasks})))"
        )
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        if done.returncode:
            sys.exit(f"seeding failed:\n{done.stderr}")
        seeded = json.loads(done.stdout.splitlines()[-1])
        port = 8700 + os.getpid() % 200
        base = f"http://127.0.0.1:{port}"
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        server = subprocess.Popen(
            [
                gunicorn,
                "allyport.wsgi",
                "-w",
                str(args.workers),
                "-b",
                f"127.0.0.1:{port}",
                "--timeout",
                "120",
                "--log-level",
                "warning",
            ],
            env=env,
        )
        try:
            _wait(base, server)
            _report(
                seeded, [measure(base, path, seeded["session"], Settings()) for path, _t in PAGES]
            )
        finally:
            server.terminate()
            server.wait()
    finally:
        _scratch(url, "drop")


def _report(seeded: dict[str, Any], results: list[dict[str, Any]]) -> None:
    print(
        f"{seeded['offerings']} offerings, {seeded['tasks']:,} tasks "
        f"(first recommendation: {seeded['first_refresh_s']} s)"
    )
    for (path, title), res in zip(PAGES, results, strict=True):
        page, ping, r = res["page"], res["baseline"], res["ratios"]
        print(f"\n{title} ({path}) against {BASELINE}")
        for name, row in (("page", page), ("baseline", ping)):
            print(
                f"  {name:<9}{row['rps']:7.1f} req/s  p50 {row['p50_ms']:6.1f} ms"
                f"  p95 {row['p95_ms']:6.1f} ms"
            )
        print(
            f"  ratio: throughput {r['throughput']:.2f}x, p50 {r['p50']:.2f}x"
            f" (goal <= {GOAL:.0f}x): {'goal met' if res['met'] else 'GOAL MISSED'}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--offerings", type=int, default=500)
    parser.add_argument("--tasks", type=int, default=20000)
    parser.add_argument("--database-url")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="allyport-bench-worklist-") as var_dir:
        run(args, var_dir)


if __name__ == "__main__":
    main()
