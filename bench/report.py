"""Summarise load results as a Markdown table (for docs/benchmarks.md).

`python -m bench.report RESULT.json...` prints one table and the verdicts, and
`GOAL MISSED` for each goal that was missed.
"""

from __future__ import annotations

import json
import sys

from bench.load import verdict_of

HEADER = (
    "| database | scenario | page req/s | page p50 ms | page p95 ms | ping req/s "
    "| ping p50 ms | ping p95 ms | ratio (req/s) | per-round median | ratio (p50) | ratio (p95) "
    "| goal ≤ 3x |"
)


def row(label: str, res: dict) -> str:
    page, ping, r = res["page"], res["ping"], res["ratios"]
    rounds = sorted(res["round_ratios"])
    cells = [
        label,
        f"{res['scenario']['title']} (`{res['scenario']['path']}`)",
        f"{page['rps']:.1f}", f"{page['p50_ms']:.1f}", f"{page['p95_ms']:.1f}",
        f"{ping['rps']:.1f}", f"{ping['p50_ms']:.1f}", f"{ping['p95_ms']:.1f}",
        f"{r['throughput']:.1f}x", f"{rounds[len(rounds) // 2]:.1f}x",
        f"{r['p50']:.1f}x", f"{r['p95']:.1f}x",
        {None: "—", True: "met", False: "**missed**"}[res["met"]],
    ]  # fmt: skip
    return "| " + " | ".join(cells) + " |"


def main(paths: list[str]) -> None:
    runs = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            runs.append(json.load(handle))
    print(HEADER)
    print("|" + "---|" * HEADER.count(" | ") + "---|")
    for run in runs:
        for res in run["results"]:
            print(row(run["label"], res))
    print()
    for run in runs:
        for res in run["results"]:
            verdict = verdict_of(res)
            page, rounds = res["page"], sorted(res["round_ratios"])
            print(f"{run['label']}, {res['scenario']['title']}: {verdict} "
                  f"({page['requests']} page requests, {page['errors']} errors; "
                  f"req/s ratio per round {rounds[0]:.1f}x-{rounds[-1]:.1f}x; "
                  f"load average {res['load_average'][0]:.1f})")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
