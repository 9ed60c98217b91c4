"""Bulk import and export against a throwaway database.

`python -m bench.bulk [--rows 10000 100000] [--xlsx] [--breakdown] [--keep DIR]
[--database-url postgres://…/allyport_bulk_scratch]` migrates a fresh database
(SQLite in a temporary folder by default; a PostgreSQL database whose name ends in
"_scratch" is created and dropped), then, for each size, each step in a new
process (so peak memory is that step's): writes a CSV of that many opportunities
(1 in 100 with an invalid country code, which must fail alone), stores it as an
import job and runs the job as the task worker would; with --xlsx, the same rows
as an Excel workbook; then exports everything as CSV and as XLSX. Prints rows/s
per step (by the wall clock, and per CPU-second of the process, which other work
on a busy machine changes less) and peak RSS (`resource.getrusage`); --breakdown
adds where an import's time goes per row (receivers and audit records included).
Goals (issue 5): import at 1,000 rows/s or more with peak memory under 300 MB at
100,000 rows; export with flat memory.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

GOAL_RATE = 1000
GOAL_RSS_MB = 300
BAD_EVERY = 100


def _setup(var_dir: str, database_url: str | None) -> None:
    os.environ.update(
        ALLYPORT_ENV="development",
        DEBUG="false",
        LOG_LEVEL="WARNING",
        ALLYPORT_VAR_DIR=var_dir,
        DATABASE_URL=database_url or f"sqlite:///{var_dir}/bench.sqlite3",
        # The bench runs each job itself, in this process, as the worker would.
        ALLYPORT_TASK_BACKEND="django_tasks.backends.dummy.DummyBackend",
        DJANGO_SETTINGS_MODULE="allyport.settings",
    )
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_rows(rows: int) -> Iterator[list[str]]:
    """The header, then `rows` opportunities (one in BAD_EVERY refused)."""
    from allyport.bulk.exports import template_header

    header = template_header()
    close = (time.strftime("%Y") + "-12-31") if time.localtime().tm_mon < 12 else "2099-12-31"
    base = {
        "Customer.Account.CompanyName": "Example Corp {n}",
        "Customer.Account.Industry": "Software and Internet",
        "Customer.Account.WebsiteUrl": "https://example{n}.com",
        "Customer.Account.Address.CountryCode": "US",
        "Customer.Account.Address.City": "Seattle",
        "Customer.Contacts[0].Email": "buyer{n}@example.com",
        "Customer.Contacts[0].FirstName": "Ana",
        "Customer.Contacts[0].LastName": "Lee",
        "Customer.Contacts[0].Phone": "+12065550100",
        "Project.Title": "Data lake migration {n}",
        "Project.CustomerBusinessProblem": "The customer needs to move analytics off premises.",
        "Project.DeliveryModels": "SaaS or PaaS;Managed Services",
        "Project.ExpectedCustomerSpend[0].Amount": "2000",
        "Project.ExpectedCustomerSpend[0].CurrencyCode": "USD",
        "Project.ExpectedCustomerSpend[0].Frequency": "Monthly",
        "Project.ExpectedCustomerSpend[0].TargetCompany": "AWS",
        "Project.SalesActivities": "Conducted POC / Demo",
        "LifeCycle.Stage": "Qualified",
        "LifeCycle.NextSteps": "Call the buyer",
        "LifeCycle.TargetCloseDate": close,
        "OpportunityType": "Net New Business",
        "PrimaryNeedsFromAws": "Co-Sell - Technical Consultation",
        "PartnerOpportunityIdentifier": "crm-{n}",
    }
    yield header
    for n in range(rows):
        values = {key: value.format(n=n) for key, value in base.items()}
        if n % BAD_EVERY == BAD_EVERY - 1:
            values["Customer.Account.Address.CountryCode"] = "XX"
        yield [values.get(name, "") for name in header]


def write_file(path: Path, rows: int) -> None:
    if path.suffix == ".xlsx":
        from allyport.bulk.exports import write_xlsx

        with write_xlsx([("Opportunities", bench_rows(rows))]) as source:
            path.write_bytes(source.read())
        return
    with path.open("w", newline="", encoding="utf-8") as target:
        csv.writer(target).writerows(bench_rows(rows))


def _member() -> Any:
    from allyport.access import actor as actors
    from allyport.accounts.models import User

    user = User.objects.get(email="manager@bench-bulk.example")
    return actors.for_user(user, "127.0.0.1", "bench")


def step_setup() -> dict[str, Any]:
    from django.core.management import call_command

    from allyport.accounts.services.operators import create_company, create_member

    call_command("migrate", verbosity=0)
    company, _lead = create_company(
        "bench-bulk.example", "Bench Bulk", "lead@bench-bulk.example", "Bench!Pass1"
    )
    create_member(company, "manager@bench-bulk.example", "Bench!Pass1", ["ace_manager"])
    return {}


def _breakdown() -> Counter[str]:
    """Time spent per function of an import, by wrapping them (adds a little)."""
    from allyport.bulk import creation, rows
    from allyport.pipeline import signals

    spent: Counter[str] = Counter()

    def wrap(owner: Any, name: str, label: str) -> None:
        original = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spent[label] += time.perf_counter() - started

        setattr(owner, name, timed)

    wrap(rows, "check_request", "validation against the model")
    wrap(creation, "prepare", "service rules and the row's opportunity")
    wrap(creation.Opportunity.objects, "bulk_create", "batch insert")
    wrap(creation, "record_console", "audit record (one insert per row)")
    wrap(signals.opportunity_changed, "send", "opportunity_changed receivers (after commit)")
    return spent


def step_import(var_dir: str, rows: int, fmt: str, breakdown: bool) -> dict[str, Any]:
    from allyport.bulk import services, tasks
    from allyport.bulk.kinds import Kind

    path = Path(var_dir) / f"import-{rows}.{fmt}"
    write_file(path, rows)
    spent = _breakdown() if breakdown else Counter()
    before = _peak_mb()
    started = time.perf_counter()
    with path.open("rb") as source:
        job = services.start_job(
            _member(), Kind.IMPORT, "AWS", source=source,
            file_name=path.name, file_format=fmt, rows_expected=rows,
        )  # fmt: skip
    stored, cpu = time.perf_counter(), _cpu_s()
    tasks.run_bulk_job.call(job.public_id)
    done, cpu = time.perf_counter(), _cpu_s() - cpu
    job.refresh_from_db()
    expected_bad = rows // BAD_EVERY
    assert job.status == "done", job.message
    assert (job.rows, job.failed) == (rows, expected_bad), (job.rows, job.failed)
    return {
        "step": f"import {rows:,} rows ({fmt.upper()}, {path.stat().st_size / 1e6:.1f} MB)",
        "rows": rows,
        "store_s": round(stored - started, 2),
        "run_s": round(done - stored, 2),
        "rows_per_s": round(rows / (done - stored)),
        "rows_per_cpu_s": round(rows / cpu),
        "succeeded": job.succeeded,
        "failed": job.failed,
        "peak_rss_mb_before": round(before, 1),
        "peak_rss_mb": round(_peak_mb(), 1),
        "ms_per_row": {label: round(total * 1000 / rows, 3) for label, total in spent.items()},
    }


def step_export(fmt: str) -> dict[str, Any]:
    from allyport.bulk import services, tasks
    from allyport.bulk.kinds import Kind

    started, cpu = time.perf_counter(), _cpu_s()
    job = services.start_job(
        _member(), Kind.EXPORT, "AWS", result_format=fmt,
        options={"request": {"Sort": {"SortBy": "LastModifiedDate", "SortOrder": "DESCENDING"}}},
    )  # fmt: skip
    tasks.run_bulk_job.call(job.public_id)
    elapsed, cpu = time.perf_counter() - started, _cpu_s() - cpu
    job.refresh_from_db()
    assert job.status == "done", job.message
    return {
        "step": f"export {job.rows:,} rows ({fmt.upper()}, {job.result_size / 1e6:.1f} MB)",
        "rows": job.rows,
        "run_s": round(elapsed, 2),
        "rows_per_s": round(job.rows / elapsed),
        "rows_per_cpu_s": round(job.rows / cpu),
        "peak_rss_mb": round(_peak_mb(), 1),
    }


def child(args: argparse.Namespace) -> None:
    _setup(args.var_dir, args.database_url)
    kind, _dash, fmt = args.step.partition("-")
    if kind == "setup":
        result = step_setup()
    elif kind == "import":
        result = step_import(args.var_dir, args.rows[0], fmt, args.breakdown)
    else:
        result = step_export(fmt)
    print(json.dumps(result))


def _run_child(args: argparse.Namespace, var_dir: str, step: str, rows: int = 0) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.bulk", "--child", step, "--var-dir", var_dir]
    command += ["--rows", str(rows)]
    if args.database_url:
        command += ["--database-url", args.database_url]
    if args.breakdown:
        command.append("--breakdown")
    output = subprocess.run(command, capture_output=True, text=True)  # noqa: S603
    if output.returncode:
        sys.exit(f"bench.bulk {step} failed:\n{output.stderr[-3000:]}")
    return dict(json.loads(output.stdout.strip().splitlines()[-1]))


def _scratch_database(url: str, action: str) -> None:
    """Create (after dropping) or drop a PostgreSQL scratch database."""
    import urllib.parse

    import psycopg
    from psycopg import sql

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.endswith("_scratch"):
        sys.exit(f"refusing to {action} {name!r}: its name must end in '_scratch'")
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
        drop = "DROP DATABASE IF EXISTS {} WITH (FORCE)"
        conn.execute(sql.SQL(drop).format(sql.Identifier(name)))
        if action == "create":
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _report(result: dict[str, Any], step: str) -> None:
    missed = step.startswith("import") and (
        result["rows_per_s"] < GOAL_RATE or result["peak_rss_mb"] >= GOAL_RSS_MB
    )
    print(
        f"{result['step']:<40} {result['rows_per_s']:>6,} rows/s "
        f"({result['rows_per_cpu_s']:>6,} per CPU-second)  "
        f"peak RSS {result['peak_rss_mb']:>6.1f} MB{'  GOAL MISSED' if missed else ''}",
        flush=True,
    )
    for label, ms in result.get("ms_per_row", {}).items():
        print(f"    {label:<50} {ms:6.3f} ms/row")


def _size(args: argparse.Namespace, rows: int, var_dir: str) -> None:
    if args.database_url:
        _scratch_database(args.database_url, "create")
    try:
        _run_child(args, var_dir, "setup")
        steps = ["import-csv", *(["import-xlsx"] if args.xlsx else []), "export-csv", "export-xlsx"]
        for step in steps:
            _report(_run_child(args, var_dir, step, rows), step)
    finally:
        if args.database_url:
            _scratch_database(args.database_url, "drop")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--xlsx", action="store_true", help="import an Excel workbook too")
    parser.add_argument("--breakdown", action="store_true", help="time per row by function")
    parser.add_argument("--keep", help="folder for the files (default: a temporary one)")
    parser.add_argument("--database-url", help="a PostgreSQL database named *_scratch")
    parser.add_argument("--child", dest="step", help=argparse.SUPPRESS)
    parser.add_argument("--var-dir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        child(args)
        return
    database = "PostgreSQL" if args.database_url else "SQLite"
    print(f"bench.bulk on {database}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}")
    for rows in args.rows:
        with tempfile.TemporaryDirectory(prefix="allyport-bulk-") as scratch:
            var_dir = str(Path(args.keep) / str(rows)) if args.keep else scratch
            os.makedirs(var_dir, exist_ok=True)
            _size(args, rows, var_dir)


if __name__ == "__main__":
    main()
