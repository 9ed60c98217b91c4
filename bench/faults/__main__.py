"""`python -m bench.faults [--budget small|full] [--only NAME ...] [--keep]`

Starts its own PostgreSQL cluster and Redis (free ports, a temporary folder), two
gunicorn app servers and two `db_worker` task workers, all on 127.0.0.1, and runs
the scenarios: `bulk` (a worker killed mid import), `database` (PostgreSQL restarted
under load), `redis` (Redis down) and `smtp` (the mail server down). Each prints
what it tried and PASS/FAIL per property; the exit status is 1 when one failed.
Everything is stopped and removed at the end, on failure and on Ctrl-C too
(--keep keeps the folder with the logs). The small budget (CI) takes about two minutes.
"""

from __future__ import annotations

import argparse
import os
import platform
import signal
import sys
import time
import traceback
from datetime import UTC, datetime
from typing import Any

from bench.faults.report import Report
from bench.faults.stack import Stack

BUDGETS = {
    "small": {"rows": 4000, "seconds": 10.0, "threads": 4},
    "full": {"rows": 20000, "seconds": 30.0, "threads": 8},
}
SCENARIOS = ("bulk", "database", "redis", "smtp")


def _interrupted(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt  # the finally below stops everything


def _setup_django(stack: Stack) -> None:
    os.environ.update(stack.env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "allyport.settings"
    import django

    django.setup()


def run(args: argparse.Namespace) -> int:
    from bench.faults.bulk_scenario import worker_killed_mid_import
    from bench.faults.database_scenario import database_restarted_under_load
    from bench.faults.redis_scenario import redis_down
    from bench.faults.seed import seed
    from bench.faults.smtp_scenario import smtp_down

    budget = BUDGETS[args.budget]
    rep = Report()
    stack = Stack()
    started = time.monotonic()
    try:
        print(
            f"== setup in {stack.tmp}: PostgreSQL :{stack.pg_port}, Redis :{stack.redis_port}, "
            f"app servers :{stack.server_ports[0]} :{stack.server_ports[1]}, "
            f"SMTP :{stack.smtp_port}",
            flush=True,
        )
        stack.start_postgres()
        stack.redis_up()
        _setup_django(stack)
        seeded = seed()
        stack.start_servers()
        stack.start_worker("faults-w1")
        stack.start_worker("faults-w2")
        scenarios = {
            "bulk": lambda: worker_killed_mid_import(stack, rep, seeded, budget["rows"]),
            "database": lambda: database_restarted_under_load(
                stack, rep, seeded, budget["seconds"], budget["threads"]
            ),
            "redis": lambda: redis_down(stack, rep, seeded),
            "smtp": lambda: smtp_down(stack, rep, seeded),
        }
        for name in args.only or SCENARIOS:
            try:
                scenarios[name]()
            except Exception as error:  # a scenario that breaks is a failure, the rest still run
                traceback.print_exc()
                rep.check(
                    False, f"the {name} scenario ran to its end", f"{type(error).__name__}: {error}"
                )
    except KeyboardInterrupt:
        print("\nfaults: interrupted, stopping everything", file=sys.stderr)
        rep.check(False, "the run was not interrupted")
    finally:
        stack.close(keep=args.keep)
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(
        f"\n== Faults ({when}, {platform.node()}, {os.cpu_count()} CPUs, budget {args.budget}, "
        f"{time.monotonic() - started:.0f} s): {rep.summary()}"
    )
    for scenario, held, what in rep.lines:
        if not held:
            print(f"   FAIL [{scenario}] {what}")
    return 1 if rep.failed else 0


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.faults", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--budget", choices=sorted(BUDGETS), default=os.environ.get("FAULTS_BUDGET", "full")
    )
    parser.add_argument("--only", nargs="+", choices=SCENARIOS)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _interrupted)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started in the background
    sys.exit(run(args))


if __name__ == "__main__":
    main()
