"""Funding benchmark, runnable on its own: `python -m bench.funding`.

Seeds a database (SQLite in BENCH_OUT, default var/bench-funding; PostgreSQL when
BENCH_PG_URL names a server: database allyport_funding_bench there) with one company
of BENCH_FUNDING_APPLICATIONS (20,000) benefit applications (bench/funding_seed.py),
starts gunicorn (BENCH_WORKERS, 2) and measures, interleaved in rounds with the
minimal view of the same kind (bench.load's timing: BENCH_ROUNDS, BENCH_REQUESTS,
BENCH_SECONDS, BENCH_CONCURRENCY, BENCH_WARMUP):

- Funding > Funding Portal (/funding/portal/: 50 applications and the allocations)
  against the minimal signed-in view /ping/session;
- ListBenefitApplications (AWS, MaxResults 100) against POST /api/aws/_ping;
- ListBenefitApplications with Status (one status per request, at random).

Goal: within 3x of the baseline (req/s and p50).
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
from typing import Any

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from bench import api_load
from bench.load import (
    Phase,
    Samples,
    Scenario,
    Settings,
    check,
    print_result,
    result,
    throughput_ratio,
)

ROOT = Path(__file__).resolve().parents[1]
STATUSES = (
    "PENDING_SUBMISSION",
    "IN_REVIEW",
    "ACTION_REQUIRED",
    "APPROVED",
    "REJECTED",
    "CANCELED",
)


class BenefitsTarget(api_load.Target):
    """api_load's target, signing for the Benefits service."""

    def __init__(self, label: str, base: str, seed_path: str) -> None:
        super().__init__(label, base, seed_path)
        credentials = Credentials(self.seeded["access_key_id"], self.seeded["secret_access_key"])
        self.auth = SigV4Auth(credentials, "partnercentral-benefits", "us-east-1")

    def signed(self, call: api_load.Call, body: bytes) -> dict[str, str]:
        headers = {
            "Content-Type": "application/x-amz-json-1.0",
            "Host": self.host_header,
            "User-Agent": "allyport-bench",
        }
        if call.operation:
            headers["X-Amz-Target"] = f"PartnerCentralBenefitsService.{call.operation}"
        request = AWSRequest(method="POST", url=self.base + call.path, data=body, headers=headers)
        self.auth.add_auth(request)
        return dict(request.headers.items())


def api_scenario(target: BenefitsTarget, call: api_load.Call, cfg: Settings) -> dict[str, Any]:
    """The call against the signed baseline, interleaved in rounds."""
    ping = api_load.Call("ping", "baseline", None, lambda rng: {})
    status, answer = target.send(call, call.body(random.Random()))
    if status != 200:
        sys.exit(f"{call.label} answered {status}: {answer}")
    for each in (call, ping):
        api_load.run_phase(target, each, cfg.warmup, cfg.seconds, cfg.concurrency)
    load_before = os.getloadavg()[0]
    page, base, per_round = Samples(), Samples(), []
    for n in range(cfg.rounds):
        phases = {}
        for each in (call, ping)[:: 1 if n % 2 == 0 else -1]:
            phases[each.name] = api_load.run_phase(
                target, each, cfg.requests, cfg.seconds, cfg.concurrency
            )
        page.add(phases[call.name])
        base.add(phases["ping"])
        per_round.append(throughput_ratio(phases["ping"], phases[call.name]))
    scenario = Scenario(key=call.name, path=call.label, title=call.title)
    res = result(scenario, page.summary(), base.summary())
    res["round_ratios"], res["load_average"] = per_round, [load_before, os.getloadavg()[0]]
    return res


SESSION_BASELINE = "/ping/session"


def page_scenario(base: str, scenario: Scenario, cookie: str, cfg: Settings) -> dict[str, Any]:
    """The page against the minimal signed-in view, same session, interleaved in rounds
    (bench.load's measure compares with the anonymous /ping)."""
    check(base, scenario.path, cookie)
    for path in (scenario.path, SESSION_BASELINE):
        Phase(base, path, cookie, cfg.warmup, cfg.seconds).run(cfg.concurrency)
    load_before = os.getloadavg()[0]
    page, ping, per_round = Samples(), Samples(), []
    for n in range(cfg.rounds):
        phases = {}
        for path in (scenario.path, SESSION_BASELINE)[:: 1 if n % 2 == 0 else -1]:
            phases[path] = Phase(base, path, cookie, cfg.requests, cfg.seconds).run(cfg.concurrency)
        page.add(phases[scenario.path])
        ping.add(phases[SESSION_BASELINE])
        per_round.append(throughput_ratio(phases[SESSION_BASELINE], phases[scenario.path]))
    res = result(scenario, page.summary(), ping.summary())
    res["round_ratios"], res["load_average"] = per_round, [load_before, os.getloadavg()[0]]
    res["baseline"] = SESSION_BASELINE
    return res


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(base: str, server: subprocess.Popen[bytes]) -> None:
    for _ in range(150):
        try:
            urllib.request.urlopen(f"{base}/ping", timeout=2)  # noqa: S310
            return
        except OSError:
            if server.poll() is not None:
                sys.exit("gunicorn did not start")
            time.sleep(0.2)
    sys.exit("gunicorn did not answer in 30 s")


def environment(out: Path) -> tuple[dict[str, str], str | None]:
    """The bench environment and the PostgreSQL database made for it (None: SQLite)."""
    env = {
        **os.environ,
        "ALLYPORT_ENV": "development",
        "DEBUG": "false",
        "ALLYPORT_CAPTCHA": "off",
        "LOG_LEVEL": "WARNING",
        "ALLYPORT_VAR_DIR": str(out),
        "ALLYPORT_API_THROTTLING": "off",
        "ALLYPORT_TASK_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
    }
    env.pop("REDIS_URL", None)
    pg = os.environ.get("BENCH_PG_URL", "")
    if pg:
        url = pg.rsplit("/", 1)[0] + "/allyport_funding_bench"
        subprocess.run([sys.executable, "-m", "bench.pgdb", "create", url], check=True, cwd=ROOT)
        env["DATABASE_URL"] = url
        return env, url
    db = out / "funding.sqlite3"
    db.unlink(missing_ok=True)
    env["DATABASE_URL"] = f"sqlite:///{db}"
    return env, None


def main() -> None:
    out = Path(os.environ.get("BENCH_OUT", ROOT / "var" / "bench-funding")).resolve()
    out.mkdir(parents=True, exist_ok=True)
    env, pg_url = environment(out)
    seed = out / "seed.json"
    server = None
    try:
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
            env=env,
            check=True,
            cwd=ROOT,
        )
        subprocess.run(
            [sys.executable, "-m", "bench.funding_seed", str(seed)], env=env, check=True, cwd=ROOT
        )
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        server = subprocess.Popen(
            [
                gunicorn,
                "allyport.wsgi",
                "-w",
                os.environ.get("BENCH_WORKERS", "2"),
                "-b",
                f"127.0.0.1:{port}",
                "--timeout",
                "120",
                "--error-logfile",
                str(out / "gunicorn.log"),
            ],
            env=env,
            cwd=ROOT,
        )
        wait_ready(base, server)
        run(base, seed, "PostgreSQL" if pg_url else "SQLite")
    finally:
        if server is not None:
            server.terminate()
            server.wait()
        if pg_url:
            subprocess.run([sys.executable, "-m", "bench.pgdb", "drop", pg_url], cwd=ROOT)


def run(base: str, seed: Path, label: str) -> None:
    seeded = json.loads(seed.read_text())
    count = seeded["applications"]
    cfg = Settings()
    results = []
    portal = Scenario("portal", "/funding/portal/", f"Funding Portal, {count:,} applications")
    results.append(page_scenario(base, portal, seeded["sessions"]["portal"], cfg))
    print_result(label, results[-1])
    print(f"  (baseline of this scenario: {SESSION_BASELINE}, the same signed-in session)")
    target = BenefitsTarget(label, base, str(seed))
    calls = [
        api_load.Call(
            "list",
            f"ListBenefitApplications, {count:,} applications",
            "ListBenefitApplications",
            lambda rng: {"Catalog": "AWS", "MaxResults": 100},
        ),
        api_load.Call(
            "status",
            f"ListBenefitApplications by Status, {count:,} applications",
            "ListBenefitApplications",
            lambda rng: {"Catalog": "AWS", "MaxResults": 100, "Status": [rng.choice(STATUSES)]},
        ),
    ]
    for call in calls:
        results.append(api_scenario(target, call, cfg))
        print_result(label, results[-1])
        print("  (baseline of this scenario: POST /api/aws/_ping, signed)")
    (seed.parent / f"result-{label.lower()}.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
