"""Load client: a page against the minimal view (/ping) in the same server.

`python -m bench.load --base http://127.0.0.1:PORT --seed SEED.json --label NAME
--out RESULT.json`. For each scenario it warms up, then runs rounds that
alternate the page and /ping (page first in even rounds, /ping first in odd
ones), so drift on a shared, noisy machine hits both alike. Phases are driven
by wrk when it is installed (bench/wrk.py: BENCH_CONCURRENCY connections for
BENCH_WRK_SECONDS); otherwise, or with BENCH_CLIENT=python, by the project's own
client: each phase sends at most BENCH_REQUESTS requests and stops issuing after
BENCH_SECONDS, and worker threads keep one http.client connection each (reopened
when the server closes it, as gunicorn's sync workers do after every response).
Signed-in requests carry the session and a CSRF cookie, as a browser's do.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

from bench import wrk

GOAL = 3.0
BASELINE = "/ping"


@dataclass(frozen=True)
class Scenario:
    key: str  # which seeded session opens it
    path: str
    title: str
    judged: bool = True  # False for the signed-in baseline: it has no goal of its own
    expect: str = ""  # text the page must hold: real content, not an empty shell


def scenarios(seeded: dict) -> list[Scenario]:
    users = seeded["large_company_users"]
    found = [
        Scenario("home", "/ping/session", "Minimal signed-in view (baseline)", judged=False),
        Scenario("home", "/", "Home page, signed in"),
        Scenario("users", "/company/users/", f"Users tab, {users:,} users"),
    ]
    if seeded.get("events"):  # BENCH_EVENTS=0 seeds none and skips these
        found += event_history_scenarios(seeded)
    if seeded.get("wave_two"):  # BENCH_WAVE_TWO=0 seeds none and skips these
        found += wave_two_scenarios(seeded["wave_two"])
    return found


def wave_two_scenarios(w: dict) -> list[Scenario]:
    """The pages of wave two (bench/seed_wave_two.py), each opened by the large
    company's alliance lead except the public finder, which goes without a session."""
    return [
        Scenario("wave_two", "/tasks/?type=solution&scope=all",
                 f"Tasks page, Solution tasks tab ({w['tasks']:,} tasks)", expect="Bench task"),
        Scenario("wave_two", "/company/profile/", "Company Profile", expect=w["profile_name"]),
        Scenario("public", f"/partners/?q={w['finder_word']}",
                 f"Partner Solutions Finder search, public ({w['listings']:,} listings)",
                 expect=w["finder_word"].title()),
        Scenario("wave_two", f"/search/?q={w['search_word']}",
                 f"Global search ({w['search_entries']:,} entries)",
                 expect=f"{w['search_word']} offering"),
        Scenario("wave_two", "/support/", f"Partner Support, case list ({w['cases']:,} cases)",
                 expect="Question number"),
        Scenario("wave_two", "/company/scorecard/",
                 f"Partner Scorecard ({w['certifications']:,} certification records)",
                 expect="AWS Certification"),
    ]  # fmt: skip


def event_history_scenarios(seeded: dict) -> list[Scenario]:
    """The large company's lead opens Event history: the first page of the default
    filter, and a lookup by EventName that hits."""
    events = f"{seeded['events']:,} events, {seeded['large_company_events']:,} the company's"
    name = seeded["lookup_event_name"]
    return [
        Scenario("events", "/company/event-history/", f"Event history, {events}"),
        Scenario(
            "events",
            f"/company/event-history/?attribute=EventName&value={name}",
            f"Event history, lookup by EventName ({events})",
        ),
    ]


@dataclass(frozen=True)
class Settings:
    rounds: int = int(os.environ.get("BENCH_ROUNDS", "6"))
    requests: int = int(os.environ.get("BENCH_REQUESTS", "300"))
    seconds: float = float(os.environ.get("BENCH_SECONDS", "3"))
    concurrency: int = int(os.environ.get("BENCH_CONCURRENCY", "2"))
    warmup: int = int(os.environ.get("BENCH_WARMUP", "20"))


@dataclass
class Samples:
    """Latencies in seconds (each request's, or wrk's quantiles of a phase), the
    wall time, and the successful requests when the latencies are quantiles."""

    latencies: list[float] = field(default_factory=list)
    elapsed: float = 0.0
    errors: int = 0
    size: int = 0
    counted: int | None = None  # wrk: how many requests the quantiles stand for

    @property
    def count(self) -> int:
        return self.counted if self.counted is not None else len(self.latencies)

    def add(self, other: Samples) -> None:
        if other.counted is not None or self.counted is not None:
            self.counted = self.count + other.count
        self.latencies += other.latencies
        self.elapsed += other.elapsed
        self.errors += other.errors
        self.size = other.size or self.size

    def summary(self) -> dict[str, float]:
        n = self.count
        ordered = sorted(self.latencies)
        return {
            "requests": n,
            "errors": self.errors,
            "rps": n / self.elapsed if self.elapsed else 0.0,
            "p50_ms": percentile(ordered, 50) * 1000,
            "p95_ms": percentile(ordered, 95) * 1000,
            "bytes": self.size,
        }


def percentile(ordered: list[float], p: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not ordered:
        return math.nan
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


# A browser sends the CSRF cookie it was given with its first page; without it each
# page would make a new CSRF secret. Any 32 letters and digits are a valid secret.
BROWSER_CSRF = "benchbrowsercsrfsecret0123456789"
# And the language cookie its first page set to the member's language (the seeded
# members' is English); without it every page would set it again.
BROWSER_LANGUAGE = "en"


def cookie_header(session: str) -> str:
    if not session:
        return ""
    return f"sessionid={session}; csrftoken={BROWSER_CSRF}; django_language={BROWSER_LANGUAGE}"


class Phase:
    """Up to `limit` GETs of one path from `threads` workers, until `deadline`."""

    # wrk sends the GETs of a page; a subclass that sends other requests (signed
    # POSTs) sets this False, or wrk would measure GETs of its path instead.
    wrk_drives = True

    def __init__(self, base: str, path: str, cookie: str, limit: int, seconds: float) -> None:
        url = urllib.parse.urlsplit(base)
        self.base = base
        self.host, self.port = url.hostname or "127.0.0.1", url.port or 80
        self.path, self.limit, self.seconds, self.cookie = path, limit, seconds, cookie
        self.headers = {"User-Agent": "allyport-bench"}
        if cookie:
            self.headers["Cookie"] = cookie_header(cookie)
        self.issued = 0
        self.lock = threading.Lock()
        self.samples = Samples()

    def _take(self) -> bool:
        with self.lock:
            if self.issued >= self.limit or time.perf_counter() >= self.deadline:
                return False
            self.issued += 1
            return True

    def _worker(self) -> None:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        while self._take():
            started = time.perf_counter()
            try:
                conn.request("GET", self.path, headers=self.headers)
                response = conn.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException):
                conn.close()
                with self.lock:
                    self.samples.errors += 1
                continue
            took = time.perf_counter() - started
            with self.lock:
                if response.status == 200:
                    self.samples.latencies.append(took)
                    self.samples.size = len(body)
                else:
                    self.samples.errors += 1
        conn.close()

    def run(self, threads: int) -> Samples:
        client = wrk.available() if self.wrk_drives else None
        if client:  # a phase then lasts BENCH_WRK_SECONDS (or less), whatever `limit` says
            seconds = min(self.seconds, wrk.SECONDS)
            found = wrk.run(client, self.base, self.path, cookie_header(self.cookie),
                            seconds, threads)  # fmt: skip
            return Samples(found["quantiles"], found["seconds"], found["errors"],
                           found["size"], counted=found["requests"])  # fmt: skip
        started = time.perf_counter()
        self.deadline = started + self.seconds
        workers = [threading.Thread(target=self._worker) for _ in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        self.samples.elapsed = time.perf_counter() - started
        return self.samples


SIGN_IN = b'action="/accounts/login/'  # the sign-in form (templates/account/login.html)


def check(base: str, path: str, cookie: str, expect: str = "") -> None:
    """Refuse to measure a redirect to sign-in, the sign-in page itself, an error page,
    or a page without the content it is measured for."""
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port or 80, timeout=60)
    headers = {
        "User-Agent": "allyport-bench",
        **({"Cookie": cookie_header(cookie)} if cookie else {}),
    }
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        status, body = response.status, response.read()
    finally:
        conn.close()
    if status != 200:
        sys.exit(f"{path} answered {status}, not 200, for its session: nothing to measure")
    if SIGN_IN in body:
        sys.exit(f"{path} answered with the sign-in page: nothing to measure")
    if expect and expect.encode() not in body:
        sys.exit(f"{path} does not show {expect!r}: nothing to measure")


def measure(base: str, scenario: Scenario, cookie: str, cfg: Settings) -> dict[str, object]:
    check(base, scenario.path, cookie, scenario.expect)
    # /ping goes without the cookie: a signed-in member's language is read on every
    # request that carries a session (PreferredLanguageMiddleware), which would make
    # the baseline pay for the session and the member.
    cookies = {scenario.path: cookie, BASELINE: ""}
    for path in (scenario.path, BASELINE):
        Phase(base, path, cookies[path], cfg.warmup, min(1.0, cfg.seconds)).run(cfg.concurrency)
    load_before = os.getloadavg()[0]
    page, ping, per_round = Samples(), Samples(), []
    for n in range(cfg.rounds):
        phases: dict[str, Samples] = {}
        for path in (scenario.path, BASELINE)[:: 1 if n % 2 == 0 else -1]:
            phase = Phase(base, path, cookies[path], cfg.requests, cfg.seconds)
            phases[path] = phase.run(cfg.concurrency)
        page.add(phases[scenario.path])
        ping.add(phases[BASELINE])
        per_round.append(throughput_ratio(phases[BASELINE], phases[scenario.path]))
    res = result(scenario, page.summary(), ping.summary())
    res["round_ratios"] = per_round
    res["load_average"] = [load_before, os.getloadavg()[0]]
    return res


def throughput_ratio(ping: Samples, page: Samples) -> float:
    """How many times more /ping requests per second than page requests."""
    if not page.count or not ping.elapsed:
        return math.inf
    return (ping.count / ping.elapsed) / (page.count / page.elapsed)


def result(scenario: Scenario, page: dict[str, float], ping: dict[str, float]) -> dict:
    ratios = {
        "throughput": ping["rps"] / page["rps"] if page["rps"] else math.inf,
        "p50": page["p50_ms"] / ping["p50_ms"],
        "p95": page["p95_ms"] / ping["p95_ms"],
    }
    met = ratios["throughput"] <= GOAL and ratios["p50"] <= GOAL if scenario.judged else None
    return {"scenario": scenario.__dict__, "page": page, "ping": ping, "ratios": ratios,
            "goal": GOAL, "met": met}  # fmt: skip


def verdict_of(res: dict) -> str:
    if res["met"] is None:
        return "a baseline, no goal"
    return "goal met" if res["met"] else "GOAL MISSED"


def print_result(label: str, res: dict) -> None:
    scenario = res["scenario"]
    print(f"\n{label}: {scenario['title']} ({scenario['path']}) against {BASELINE}")
    width = max(18, len(scenario["path"]) + 1)
    print(f"  {'endpoint':<{width}}{'requests':>9}{'errors':>8}{'req/s':>9}"
          f"{'p50 ms':>9}{'p95 ms':>9}{'bytes':>9}")  # fmt: skip
    for name, row in ((scenario["path"], res["page"]), (BASELINE, res["ping"])):
        print(f"  {name:<{width}}{row['requests']:>9}{row['errors']:>8}{row['rps']:>9.1f}"
              f"{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}{row['bytes']:>9}")  # fmt: skip
    r = res["ratios"]
    verdict = verdict_of(res)
    print(f"  ratio page/ping: throughput {r['throughput']:.1f}x, p50 {r['p50']:.1f}x, "
          f"p95 {r['p95']:.1f}x (goal <= {GOAL:.0f}x): {verdict}")  # fmt: skip
    rounds = sorted(res["round_ratios"])
    print(f"  throughput ratio per round: median {rounds[len(rounds) // 2]:.1f}x, "
          f"range {rounds[0]:.1f}x-{rounds[-1]:.1f}x; load average "
          f"{res['load_average'][0]:.1f} -> {res['load_average'][1]:.1f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    for name in ("--base", "--seed", "--label", "--out"):
        parser.add_argument(name, required=True)
    args = parser.parse_args()
    with open(args.seed, encoding="utf-8") as seed:
        seeded = json.load(seed)
    sessions = seeded["sessions"]
    cfg = Settings()
    results = []
    for scenario in scenarios(seeded):
        res = measure(args.base, scenario, sessions[scenario.key], cfg)
        print_result(args.label, res)
        failed = res["page"]["errors"] + res["ping"]["errors"]
        if failed:
            sys.exit(f"{failed} requests failed or did not answer 200: these figures are not valid")
        results.append(res)
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump({"label": args.label, "settings": cfg.__dict__, "results": results}, out)


if __name__ == "__main__":
    main()
