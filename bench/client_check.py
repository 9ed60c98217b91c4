"""Is the load client the limit? `/ping` driven by bench/load.py's client and by wrk.

`python -m bench.client_check --base URL --seed SEED.json --result RESULT.json
[--out CHECK.json]` runs against the server bench.load has just measured
(scripts/bench.sh calls it after the pages). It sends `/ping` (no session) for
BENCH_SECONDS with the project's client and with `wrk` at the same concurrency
(`wrk -t C -c C -d S --latency`, C = BENCH_CONCURRENCY), in ROUNDS rounds that take
turns, and sets both rates against the slowest and the fastest page of RESULT.json
(req/s of the same server, minutes before); wrk then also measures those two pages
with their session, so the ratio can be read with a client written in C on both
sides. If the Python client drives `/ping` several times faster than any page it
measures, the pages' figures are the server's, not the client's; if wrk gets about
as much out of `/ping`, the server, not the client, sets the baseline too. Without
wrk (Debian package `wrk`) the wrk half is skipped.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess

from bench.load import BASELINE, Phase, Samples, Settings

ROUNDS = 2


def python_ping(base: str, cfg: Settings) -> Samples:
    return Phase(base, BASELINE, "", 10**9, cfg.seconds).run(cfg.concurrency)


def wrk_get(wrk: str, url: str, cfg: Settings, cookie: str = "") -> tuple[float, float]:
    """wrk's requests/s and p50 (ms) for one URL; any non-2xx answer or socket error
    makes the figures invalid."""
    threads = str(cfg.concurrency)
    header = ["-H", f"Cookie: sessionid={cookie}"] if cookie else []
    done = subprocess.run(
        [wrk, "-t", threads, "-c", threads, "-d", f"{cfg.seconds:g}s", "--latency", *header,
         url],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    if "Non-2xx" in done.stdout or "Socket errors" in done.stdout:
        raise SystemExit(f"wrk saw errors on {url}:\n{done.stdout}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))  # type: ignore[union-attr]
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)\b", done.stdout)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    return rps, float(p50.group(1)) * scale[p50.group(2)] if p50 else float("nan")


def page_rates(result_path: str) -> list[dict]:
    """The judged pages (not the signed-in baseline), slowest first."""
    with open(result_path, encoding="utf-8") as handle:
        run = json.load(handle)
    pages = [
        {"title": res["scenario"]["title"], "path": res["scenario"]["path"],
         "key": res["scenario"]["key"], "rps": res["page"]["rps"]}
        for res in run["results"]
        if res["met"] is not None
    ]  # fmt: skip
    return sorted(pages, key=lambda page: page["rps"])


def with_wrk(wrk: str, base: str, cfg: Settings, pages: list[dict], sessions: dict) -> dict:
    """/ping and the pages, each by wrk, in ROUNDS rounds that take turns."""
    targets = [("ping", BASELINE, "")] + [(p["path"], p["path"], sessions[p["key"]]) for p in pages]
    rates: dict[str, list[float]] = {name: [] for name, _path, _cookie in targets}
    p50s: list[float] = []
    for n in range(ROUNDS):
        for name, path, cookie in targets[:: 1 if n % 2 == 0 else -1]:
            rps, p50 = wrk_get(wrk, base + path, cfg, cookie)
            rates[name].append(rps)
            if name == "ping":
                p50s.append(p50)
    return {"rps": {name: sum(r) / len(r) for name, r in rates.items()}, "p50": min(p50s)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    for name in ("--base", "--seed", "--result"):
        parser.add_argument(name, required=True)
    parser.add_argument("--label", default="")
    parser.add_argument("--out")
    args = parser.parse_args()
    with open(args.seed, encoding="utf-8") as handle:
        sessions = json.load(handle)["sessions"]
    cfg, wrk = Settings(), shutil.which("wrk")
    python = Samples()
    for _ in range(ROUNDS):
        python.add(python_ping(args.base, cfg))
    pages = page_rates(args.result)
    extremes = [pages[0], pages[-1]] if pages else []
    ping = python.summary()
    found = {
        "label": args.label, "concurrency": cfg.concurrency, "seconds": cfg.seconds,
        "python_ping_rps": ping["rps"], "python_ping_p50_ms": ping["p50_ms"],
        "python_ping_errors": ping["errors"], "pages": extremes,
        "wrk": with_wrk(wrk, args.base, cfg, extremes, sessions) if wrk else None,
    }  # fmt: skip
    report(found)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as handle:
            json.dump(found, handle)


def report(c: dict) -> None:
    print(f"\n== Load client check{', ' + c['label'] if c['label'] else ''}: {BASELINE} at "
          f"concurrency {c['concurrency']}, {c['seconds']:g} s x {ROUNDS} per client")  # fmt: skip
    py, wrk = c["python_ping_rps"], c["wrk"]
    print(f"  python client (bench/load.py): {py:.1f} req/s, "
          f"p50 {c['python_ping_p50_ms']:.1f} ms, {c['python_ping_errors']} errors")  # fmt: skip
    if wrk is None:
        print("  wrk: not installed (Debian package `wrk`): this half of the check was SKIPPED")
    else:
        print(f"  wrk: {wrk['rps']['ping']:.1f} req/s, p50 {wrk['p50']:.1f} ms; "
              f"python client / wrk = {py / wrk['rps']['ping']:.2f}")  # fmt: skip
    for name, page in zip(("slowest", "fastest"), c["pages"], strict=False):
        line = (f"  {name} page: {page['title']}: {page['rps']:.1f} req/s (bench.load); "
                f"python-client {BASELINE} / page = {py / page['rps']:.1f}x")  # fmt: skip
        if wrk is not None:
            by_wrk = wrk["rps"][page["path"]]
            line += (f"; by wrk {by_wrk:.1f} req/s, wrk {BASELINE} / page = "
                     f"{wrk['rps']['ping'] / by_wrk:.1f}x")  # fmt: skip
        print(line)


if __name__ == "__main__":
    main()
