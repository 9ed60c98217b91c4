"""The assistant's answers against its evaluation set, without a generator.

    python -m bench.assistant [--failures] [--json FILE]

Migrates a fresh database (a SQLite file under var/bench unless DATABASE_URL names
one of its own), registers one company with its alliance lead and a standard user,
loads the help centre (`load_helpcentre`), then asks every question of
`allyport/helpcentre/evaluation/questions.yaml` as its persona and reports:
retrieval hit rate (an expected source among the five best passages), answer
accuracy (right kind, every required fact, a correct source cited, the English-only
note when due), the share of requests to act declined, and p50/p95 latency of
`answer()`, with the minimal signed-in view (`/ping/session`, Django's test client)
measured in the same run as the baseline. Goals: accuracy >= 90 %, p95 < 300 ms.
"""

from __future__ import annotations

import argparse
import json
import os
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
os.environ.pop("ALLYPORT_ASSISTANT_GENERATOR_URL", None)  # extractive answers only
if not os.environ.get("DATABASE_URL"):
    (ROOT / "var/bench").mkdir(parents=True, exist_ok=True)
    db = ROOT / "var/bench/assistant.sqlite3"
    db.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from allyport.access.actor import Actor  # noqa: E402
from allyport.accounts.backends import PATH  # noqa: E402
from allyport.helpcentre import retrieval  # noqa: E402
from allyport.helpcentre.evaluation.runner import failures, load_cases, run, summary  # noqa: E402
from allyport.helpcentre.loading import load  # noqa: E402
from allyport.testing import make_company, make_user  # noqa: E402

ACCURACY_GOAL = 0.90
P95_GOAL_MS = 300.0


def baseline_ms(user: object, requests: int = 50) -> float:
    client = Client()
    client.force_login(user, backend=PATH)  # type: ignore[arg-type]
    client.get("/ping/session")
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get("/ping/session")
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--failures", action="store_true", help="list the cases answered wrongly")
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    company, lead = make_company("Bench Assistant Corp", domain="assistant-bench.example")
    member = make_user(company, "standard_user")
    report = load()
    started = time.perf_counter()
    retrieval.reset()
    retrieval.index()
    build_ms = (time.perf_counter() - started) * 1000
    actors = {"lead": Actor.for_member(lead), "member": Actor.for_member(member)}
    outcomes = run(load_cases(), actors)
    figures = summary(outcomes)
    figures["index_build_ms"] = build_ms
    figures["passages"] = report.passages.created
    figures["baseline_p50_ms"] = baseline_ms(lead)
    figures["p95_vs_baseline"] = figures["p95_ms"] / max(figures["baseline_p50_ms"], 1e-6)
    print(f"cases {figures['cases']:.0f}, passages {figures['passages']:.0f}")
    print(f"retrieval hit rate   {figures['retrieval_hit_rate']:.1%}")
    met = figures["answer_accuracy"] >= ACCURACY_GOAL
    print(
        f"answer accuracy      {figures['answer_accuracy']:.1%} (goal >= {ACCURACY_GOAL:.0%}): "
        f"{'goal met' if met else 'GOAL MISSED'}"
    )
    print(f"declined correctly   {figures['declined_correctly']:.1%}")
    met = figures["p95_ms"] < P95_GOAL_MS
    print(
        f"latency p50 {figures['p50_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms "
        f"(goal < {P95_GOAL_MS:.0f} ms): {'goal met' if met else 'GOAL MISSED'}"
    )
    print(
        f"baseline /ping/session p50 {figures['baseline_p50_ms']:.1f} ms; "
        f"answer p95 = {figures['p95_vs_baseline']:.1f}x baseline; index build {build_ms:.0f} ms"
    )
    if args.failures:
        print("\n".join(failures(outcomes)))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
