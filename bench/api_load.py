"""Load client for the Selling API: operations against the minimal signed endpoint.

`python -m bench.api_load run --target LABEL BASE SEED.json [--target ...] --out R.json`
measures every target (a server on a database seeded by `bench.api_seed`), and
`python -m bench.api_load report R.json` prints the tables and verdicts again.

Each request is signed with botocore's SigV4Auth (service partnercentral-selling,
the seed's region) just before it is sent, and sent with http.client keep-alive
connections, one per worker thread (reopened when gunicorn's sync workers close
them). The baseline is `POST /api/aws/_ping`: the signature verified and the
caller found, then `{}`. Scenarios, each interleaved with the baseline of the same
server in rounds, with all targets in the same rounds (the order reverses every
round), so drift on a shared machine hits every endpoint alike:

- GetOpportunity of a random id of the largest company (AWS catalog);
- ListOpportunities, AWS catalog, MaxResults 100, LifeCycle.Stage = one stage
  picked at random per request, sorted by LastModifiedDate descending;
- the same request for the second page, with the NextToken the first page
  returned for that stage (fetched once per stage before measuring);
- SearchOpportunities, MaxResults 100, Filter EqualsTo Stage (a random stage),
  sorted by LastModifiedDate descending.

Then each read (and the baseline) is run alone for BENCH_API_SUSTAINED_SECONDS (10)
per target with BENCH_API_SUSTAINED_CONCURRENCY (4) connections, in two slices that
take turns with the other endpoints and targets: sustained reads/s against 50x the
real service's per-partner read quota (10/s), and each read's rate against the
baseline's, with the same 3x goal as the rounds. Timing, rounds and percentiles
come from `bench.load` (BENCH_ROUNDS, BENCH_REQUESTS, BENCH_SECONDS,
BENCH_CONCURRENCY, BENCH_WARMUP).

Goals: each operation within 3x of `_ping` (req/s and p50); at the largest size,
p50 within 1.5x of the smallest size's (flat with scale); sustained reads >= 500/s
and within 3x of the sustained `_ping` of the same server (two gunicorn workers).
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from bench.load import GOAL, Phase, Samples, Scenario, Settings, result, throughput_ratio
from bench.report import HEADER, row

SERVICE = "partnercentral-selling"
TARGET_PREFIX = "AWSPartnerCentralSelling"
API_PATH = "/api/aws"
PING_PATH = "/api/aws/_ping"
CATALOG = "AWS"
PAGE = 100
QUOTA = 10.0  # the real service's read quota per partner, requests per second
SUSTAINED_GOAL = 50 * QUOTA
FLAT_GOAL = 1.5
SUSTAINED_SECONDS = float(os.environ.get("BENCH_API_SUSTAINED_SECONDS", "10"))
SUSTAINED_CONCURRENCY = int(os.environ.get("BENCH_API_SUSTAINED_CONCURRENCY", "4"))
SUSTAINED_ROUNDS = 2


@dataclass(frozen=True)
class Call:
    """One kind of request: the operation (None: the baseline) and its bodies."""

    name: str
    title: str
    operation: str | None
    body: Callable[[random.Random], dict[str, Any]]

    @property
    def path(self) -> str:
        return API_PATH if self.operation else PING_PATH

    @property
    def label(self) -> str:
        return f"{API_PATH} {self.operation}" if self.operation else PING_PATH


class Target:
    """A server and the seed of its database."""

    def __init__(self, label: str, base: str, seed_path: str) -> None:
        with open(seed_path, encoding="utf-8") as handle:
            self.seeded: dict[str, Any] = json.load(handle)
        self.label, self.base = label, base
        host = base.split("://", 1)[-1].rstrip("/")
        self.host_header = host
        credentials = Credentials(self.seeded["access_key_id"], self.seeded["secret_access_key"])
        self.auth = SigV4Auth(credentials, SERVICE, self.seeded.get("region", "us-east-1"))
        self.stages: list[str] = []  # the stages measured (the same on every target)
        self.tokens: dict[str, str] = {}  # stage -> NextToken of its first page

    def signed(self, call: Call, body: bytes) -> dict[str, str]:
        headers = {"Content-Type": "application/x-amz-json-1.0", "Host": self.host_header,
                   "User-Agent": "allyport-bench"}  # fmt: skip
        if call.operation:
            headers["X-Amz-Target"] = f"{TARGET_PREFIX}.{call.operation}"
        request = AWSRequest(method="POST", url=self.base + call.path, data=body, headers=headers)
        self.auth.add_auth(request)
        return dict(request.headers.items())

    def send(self, call: Call, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """One request outside any measurement (checks and NextTokens)."""
        raw = json.dumps(body).encode()
        host, _sep, port = self.host_header.partition(":")
        conn = http.client.HTTPConnection(host, int(port or 80), timeout=60)
        try:
            conn.request("POST", call.path, body=raw, headers=self.signed(call, raw))
            response = conn.getresponse()
            return response.status, json.loads(response.read() or b"{}")
        finally:
            conn.close()


class ApiPhase(Phase):
    """bench.load's Phase, sending signed POSTs: up to `limit` requests until `seconds`."""

    wrk_drives = False  # each request is signed afresh; wrk would send unsigned GETs

    def __init__(self, target: Target, call: Call, limit: int, seconds: float) -> None:
        super().__init__(target.base, call.path, "", limit, seconds)
        self.target, self.call = target, call
        self.failures: list[str] = []

    def _worker(self) -> None:
        rng = random.Random()
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        while self._take():
            raw = json.dumps(self.call.body(rng)).encode()
            headers = self.target.signed(self.call, raw)  # the client's work: not timed
            started = time.perf_counter()
            try:
                conn.request("POST", self.path, body=raw, headers=headers)
                response = conn.getresponse()
                answer = response.read()
            except (OSError, http.client.HTTPException) as error:
                conn.close()
                with self.lock:
                    self.samples.errors += 1
                    self.failures.append(repr(error))
                continue
            took = time.perf_counter() - started
            with self.lock:
                if response.status == 200:
                    self.samples.latencies.append(took)
                    self.samples.size = len(answer)
                else:
                    self.samples.errors += 1
                    self.failures.append(f"{response.status} {answer[:300]!r}")
        conn.close()


def stage_names(seeded: dict[str, Any]) -> set[str]:
    """Stages with two full pages of the largest company's AWS rows."""
    return {s for s, n in seeded["large_company_aws_by_stage"].items() if n > 2 * PAGE}


def list_body(stage: str, token: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "Catalog": CATALOG,
        "MaxResults": PAGE,
        "LifeCycleStage": [stage],
        "Sort": {"SortBy": "LastModifiedDate", "SortOrder": "DESCENDING"},
    }
    if token:
        body["NextToken"] = token
    return body


def search_body(stage: str) -> dict[str, Any]:
    return {
        "Catalog": CATALOG,
        "MaxResults": PAGE,
        "Filter": {"EqualsTo": {"Key": "Stage", "Value": {"StringValue": stage}}},
        "Sort": {"SortBy": "LastModifiedDate", "SortOrder": "DESCENDING"},
    }


def target_calls(target: Target) -> dict[str, Call]:
    """The calls for one target: its ids, its stages and its NextTokens."""
    ids, stages, tokens = target.seeded["sample_ids"], target.stages, target.tokens
    with_token = sorted(tokens)
    return {
        "ping": Call("ping", "Minimal signed endpoint (baseline)", None, lambda _r: {}),
        "get": Call(
            "get", "GetOpportunity (random id of the largest company)", "GetOpportunity",
            lambda r: {"Catalog": CATALOG, "Identifier": r.choice(ids)},
        ),
        "list": Call(
            "list", "ListOpportunities (100, one stage, LastModifiedDate desc)",
            "ListOpportunities", lambda r: list_body(r.choice(stages)),
        ),
        "next": Call(
            "next", "ListOpportunities, second page (NextToken)", "ListOpportunities",
            lambda r: list_body(stage := r.choice(with_token), tokens[stage]),
        ),
        "search": Call(
            "search", "SearchOpportunities (100, Stage filter, LastModifiedDate desc)",
            "SearchOpportunities", lambda r: search_body(r.choice(stages)),
        ),
    }  # fmt: skip


def prepare(target: Target) -> None:
    """Check each call once and fetch each stage's first NextToken."""
    seeded = target.seeded
    if not seeded["sample_ids"]:
        sys.exit(f"{target.label}: the largest company has no opportunities to measure")
    ping = target_calls(target)["ping"]
    status, answer = target.send(ping, {})
    if status != 200:
        sys.exit(f"{target.label}: {PING_PATH} answered {status}: {answer}")
    get = target_calls(target)["get"]
    status, answer = target.send(get, {"Catalog": CATALOG, "Identifier": seeded["sample_ids"][0]})
    if status != 200 or answer.get("Id") != seeded["sample_ids"][0]:
        sys.exit(f"{target.label}: GetOpportunity answered {status}: {answer}")
    lister = target_calls(target)["list"]
    for stage in target.stages:
        status, answer = target.send(lister, list_body(stage))
        items = answer.get("OpportunitySummaries") or []
        if status != 200 or len(items) != PAGE or not answer.get("NextToken"):
            sys.exit(f"{target.label}: ListOpportunities ({stage}) answered {status}: "
                     f"{str(answer)[:500]}")  # fmt: skip
        if any(item["LifeCycle"]["Stage"] != stage for item in items):
            sys.exit(f"{target.label}: ListOpportunities ({stage}) returned other stages")
        target.tokens[stage] = answer["NextToken"]
        status, answer = target.send(lister, list_body(stage, target.tokens[stage]))
        if status != 200 or len(answer.get("OpportunitySummaries") or []) != PAGE:
            sys.exit(f"{target.label}: the second page ({stage}) answered {status}")


def run_phase(target: Target, call: Call, limit: int, seconds: float, threads: int) -> Samples:
    phase = ApiPhase(target, call, limit, seconds)
    samples = phase.run(threads)
    if phase.failures:
        print(f"  !! {target.label} {call.label}: {len(phase.failures)} failed, first: "
              f"{phase.failures[0]}", file=sys.stderr)  # fmt: skip
    return samples


def measure(targets: list[Target], name: str, cfg: Settings) -> list[dict[str, Any]]:
    """Rounds over every target's call and baseline; one result per target."""
    plan = [(t, target_calls(t)[name], target_calls(t)["ping"]) for t in targets]
    for target, call, ping in plan:
        for each in (call, ping):
            run_phase(target, each, cfg.warmup, cfg.seconds, cfg.concurrency)
    load_before = os.getloadavg()[0]
    pooled = {t.label: (Samples(), Samples(), []) for t in targets}
    order = [(t, c, is_ping) for t, call, ping in plan for c, is_ping in ((call, 0), (ping, 1))]
    for n in range(cfg.rounds):
        phases: dict[tuple[str, int], Samples] = {}
        for target, call, is_ping in order[:: 1 if n % 2 == 0 else -1]:
            samples = run_phase(target, call, cfg.requests, cfg.seconds, cfg.concurrency)
            phases[target.label, is_ping] = samples
        for target in targets:
            page, base, per_round = pooled[target.label]
            page.add(phases[target.label, 0])
            base.add(phases[target.label, 1])
            per_round.append(throughput_ratio(phases[target.label, 1], phases[target.label, 0]))
    results = []
    for target, call, _ping in plan:
        page, base, per_round = pooled[target.label]
        scenario = Scenario(key=name, path=call.label, title=call.title)
        res = result(scenario, page.summary(), base.summary())
        res["round_ratios"] = per_round
        res["load_average"] = [load_before, os.getloadavg()[0]]
        res["target"] = target.label
        res["opportunities"] = target.seeded["opportunities"]
        results.append(res)
    return results


def sustained(targets: list[Target], threads: int, seconds: float) -> list[dict[str, Any]]:
    """Each read alone, as fast as the server answers: `seconds` per endpoint and target,
    in SUSTAINED_ROUNDS slices that take turns (reversed every round), as the rounds do."""
    plan = [(t, name) for t in targets for name in ("ping", "get", "list")]
    pooled = {(t.label, name): Samples() for t, name in plan}
    for n in range(SUSTAINED_ROUNDS):
        for target, name in plan[:: 1 if n % 2 == 0 else -1]:
            call = target_calls(target)[name]
            samples = run_phase(target, call, 10**9, seconds / SUSTAINED_ROUNDS, threads)
            pooled[target.label, name].add(samples)
    found = []
    for target, name in plan:
        summary = pooled[target.label, name].summary()
        ping = pooled[target.label, "ping"].summary()
        ratio = ping["rps"] / summary["rps"] if summary["rps"] else math.inf
        p50_ratio = summary["p50_ms"] / ping["p50_ms"]
        found.append({
            "target": target.label, "opportunities": target.seeded["opportunities"],
            "name": name, "endpoint": target_calls(target)[name].label, "threads": threads,
            "seconds": seconds, **summary,
            "met": None if name == "ping" else summary["rps"] >= SUSTAINED_GOAL,
            # The same 3x goal as the rounds, on the baseline's sustained rate over the
            # read's and on the read's p50 over the baseline's.
            "ratio": ratio, "p50_ratio": p50_ratio,
            "ratio_met": None if name == "ping" else max(ratio, p50_ratio) <= GOAL,
        })  # fmt: skip
    return found


def flatness(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """p50 (and p95) at the largest size over the smallest, per scenario."""
    found = []
    for name in dict.fromkeys(r["scenario"]["key"] for r in results):
        rows = sorted((r for r in results if r["scenario"]["key"] == name),
                      key=lambda r: r["opportunities"])  # fmt: skip
        if len(rows) < 2:
            continue
        small, large = rows[0], rows[-1]
        p50 = large["page"]["p50_ms"] / small["page"]["p50_ms"]
        found.append({
            "name": name, "title": large["scenario"]["title"], "path": large["scenario"]["path"],
            "small": small["opportunities"], "large": large["opportunities"],
            "small_p50_ms": small["page"]["p50_ms"], "large_p50_ms": large["page"]["p50_ms"],
            "p50": p50, "p95": large["page"]["p95_ms"] / small["page"]["p95_ms"],
            "vs_ping": large["ratios"]["p50"] / small["ratios"]["p50"],
            "met": p50 <= FLAT_GOAL,
        })  # fmt: skip
    # The baseline itself, for scale: what the machine alone moved between the servers.
    by_size = sorted(results, key=lambda r: r["opportunities"])
    if len(by_size) > 1 and by_size[0]["opportunities"] != by_size[-1]["opportunities"]:
        small = [r for r in results if r["opportunities"] == by_size[0]["opportunities"]]
        large = [r for r in results if r["opportunities"] == by_size[-1]["opportunities"]]
        s = sorted(r["ping"]["p50_ms"] for r in small)[len(small) // 2]
        big = sorted(r["ping"]["p50_ms"] for r in large)[len(large) // 2]
        found.append({
            "name": "ping", "title": "Minimal signed endpoint (baseline)", "path": PING_PATH,
            "small": by_size[0]["opportunities"], "large": by_size[-1]["opportunities"],
            "small_p50_ms": s, "large_p50_ms": big, "p50": big / s, "p95": math.nan,
            "vs_ping": 1.0, "met": None,
        })  # fmt: skip
    return found


def verdict(met: bool | None) -> str:
    return {None: "a baseline, no goal", True: "goal met", False: "GOAL MISSED"}[met]


def cell(met: bool | None) -> str:
    return {None: "—", True: "met", False: "**missed**"}[met]


def report(run: dict[str, Any]) -> None:
    print(f"API: each operation (`page` columns) against `{PING_PATH}` (`ping` columns)")
    print(HEADER)
    print("|" + "---|" * HEADER.count(" | ") + "---|")
    for res in run["results"]:
        print(row(f"PostgreSQL, {res['opportunities']:,} opportunities", res))
    if run["flatness"]:
        print("\nFlat with scale: p50 at the largest size over p50 at the smallest")
        print("| scenario | size | p50 ms small | p50 ms large | ratio (p50) | ratio (p95) "
              f"| ratio vs ping | goal ≤ {FLAT_GOAL}x |")  # fmt: skip
        print("|---|---|---|---|---|---|---|---|")
        for f in run["flatness"]:
            p95 = "—" if math.isnan(f["p95"]) else f"{f['p95']:.2f}x"
            print(f"| {f['title']} (`{f['path']}`) | {f['small']:,} → {f['large']:,} "
                  f"| {f['small_p50_ms']:.1f} | {f['large_p50_ms']:.1f} | {f['p50']:.2f}x "
                  f"| {p95} | {f['vs_ping']:.2f}x | {cell(f['met'])} |")  # fmt: skip
    print(f"\nSustained reads, each alone (goal ≥ {SUSTAINED_GOAL:.0f}/s = 50x the {QUOTA:.0f}/s "
          "per-partner quota)")  # fmt: skip
    print("| opportunities | endpoint | connections | req/s | p50 ms | p95 ms | x quota | goal "
          f"| ratio vs `_ping` (req/s / p50) | goal ≤ {GOAL:.0f}x |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|")
    for s in run["sustained"]:
        ratio = f"{s['ratio']:.1f}x / {s['p50_ratio']:.1f}x" if "ratio" in s else "—"
        print(f"| {s['opportunities']:,} | `{s['endpoint']}` | {s['threads']} | {s['rps']:.1f} "
              f"| {s['p50_ms']:.1f} | {s['p95_ms']:.1f} | {s['rps'] / QUOTA:.0f}x "
              f"| {cell(s['met'])} | {ratio} | {cell(s.get('ratio_met'))} |")  # fmt: skip
    print()
    for res in run["results"]:
        rounds, r = sorted(res["round_ratios"]), res["ratios"]
        print(f"API {res['opportunities']:,} opportunities, {res['scenario']['title']}: within "
              f"{GOAL:.0f}x of {PING_PATH}: {verdict(res['met'])} (req/s {r['throughput']:.1f}x, "
              f"p50 {r['p50']:.1f}x; {res['page']['requests']} requests, "
              f"{res['page']['errors']} errors; per round {rounds[0]:.1f}x-{rounds[-1]:.1f}x; "
              f"load average {res['load_average'][0]:.1f})")  # fmt: skip
    for f in run["flatness"]:
        if f["met"] is not None:
            print(f"API flat with scale, {f['title']}: p50 at {f['large']:,} is "
                  f"{f['p50']:.2f}x the p50 at {f['small']:,} (goal <= {FLAT_GOAL}x): "
                  f"{verdict(f['met'])}")  # fmt: skip
    for s in run["sustained"]:
        if s["met"] is not None:
            print(f"API sustained, {s['opportunities']:,} opportunities, {s['endpoint']}: "
                  f"{s['rps']:.0f} req/s with {s['threads']} connections (goal >= "
                  f"{SUSTAINED_GOAL:.0f}/s): {verdict(s['met'])}")  # fmt: skip
            if s.get("ratio_met") is not None:
                print(f"API sustained, {s['opportunities']:,} opportunities, {s['endpoint']}: "
                      f"against sustained {PING_PATH}: req/s {s['ratio']:.1f}x, p50 "
                      f"{s['p50_ratio']:.1f}x (goal <= {GOAL:.0f}x): "
                      f"{verdict(s['ratio_met'])}")  # fmt: skip


def run(args: argparse.Namespace) -> None:
    targets = [Target(label, base, seed) for label, base, seed in args.target]
    targets.sort(key=lambda t: t.seeded["opportunities"], reverse=True)
    stages = sorted(set.intersection(*(stage_names(t.seeded) for t in targets)))
    if not stages:
        sys.exit("no stage has two full pages of the largest company's rows on every target")
    for target in targets:
        target.stages = stages
        prepare(target)
    cfg = Settings()
    results = []
    for name in ("get", "list", "next", "search"):
        print(f"== API: {target_calls(targets[0])[name].title}", flush=True)
        found = measure(targets, name, cfg)
        failed = sum(r["page"]["errors"] + r["ping"]["errors"] for r in found)
        if failed:
            sys.exit(f"{failed} requests failed or did not answer 200: these figures are not valid")
        results += found
    print(f"== API: sustained reads ({SUSTAINED_CONCURRENCY} connections, "
          f"{SUSTAINED_SECONDS:.0f} s each)", flush=True)  # fmt: skip
    steady = sustained(targets, SUSTAINED_CONCURRENCY, SUSTAINED_SECONDS)
    if any(s["errors"] for s in steady):
        sys.exit("sustained requests failed: these figures are not valid")
    out = {
        "settings": {**cfg.__dict__, "sustained_seconds": SUSTAINED_SECONDS,
                     "sustained_concurrency": SUSTAINED_CONCURRENCY, "stages": stages},
        "targets": [{"label": t.label, "opportunities": t.seeded["opportunities"],
                     "companies": t.seeded["companies"],
                     "large_company_opportunities": t.seeded["large_company_opportunities"],
                     "seed_seconds": t.seeded["seconds"]} for t in targets],
        "results": results, "flatness": flatness(results), "sustained": steady,
    }  # fmt: skip
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(out, handle)
    print()
    report(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    measure_ = sub.add_parser("run")
    measure_.add_argument("--target", nargs=3, action="append", required=True,
                          metavar=("LABEL", "BASE", "SEED"))  # fmt: skip
    measure_.add_argument("--out", required=True)
    show = sub.add_parser("report")
    show.add_argument("result")
    args = parser.parse_args()
    if args.command == "run":
        run(args)
    else:
        with open(args.result, encoding="utf-8") as handle:
            report(json.load(handle))


if __name__ == "__main__":
    main()
