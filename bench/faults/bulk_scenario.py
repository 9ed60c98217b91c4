"""A task worker dies (SIGKILL) in the middle of a bulk import."""

from __future__ import annotations

import time

from bench.faults.report import Report
from bench.faults.seed import Seed
from bench.faults.stack import Stack, wait_until


def worker_killed_mid_import(stack: Stack, rep: Report, seed: Seed, rows: int) -> None:
    rep.start(
        "worker killed mid bulk import",
        f"import {rows} opportunities (CSV), SIGKILL the worker running it after its first "
        "batches, wait past ALLYPORT_JOB_STALLED_SECONDS, run `manage.py sweep`",
    )
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    from allyport.access import actor as actors
    from allyport.accounts.models import User
    from allyport.bulk import services
    from allyport.bulk.kinds import Kind
    from allyport.jobs.models import BulkJob
    from allyport.pipeline.models import Opportunity
    from bench.bulk import BAD_EVERY, write_file

    path = stack.tmp / "import.csv"
    write_file(path, rows)
    actor = actors.for_user(User.objects.get(email=seed.member_email), "127.0.0.1", "faults")
    with path.open("rb") as source:
        job = services.start_job(
            actor,
            Kind.IMPORT,
            "AWS",
            source=source,
            file_name=path.name,
            file_format="csv",
            rows_expected=rows,
        )

    def under_way() -> bool:
        job.refresh_from_db()
        return job.status != BulkJob.Status.QUEUED and job.rows > 0

    if not rep.check(
        wait_until(under_way, 90, 0.05), "a worker took the job and committed a batch"
    ):
        return
    task = (
        DBTaskResult.objects.filter(task_path="allyport.bulk.tasks.run_bulk_job", status="RUNNING")
        .order_by("-started_at")
        .first()
    )
    runner = task.worker_ids[-1] if task and task.worker_ids else ""
    if not rep.check(
        job.status == BulkJob.Status.RUNNING and runner in stack.workers,
        "the job was running on one of the two workers when it was killed",
        f"{job.status}, {job.rows} of {rows} rows, worker {runner or '?'}",
    ):
        return
    stack.kill_worker(runner)
    rep.note(f"killed {runner} at {job.rows} of {rows} rows")
    time.sleep(1)

    mine = Opportunity.objects.filter(partner_opportunity_identifier__startswith="crm-")
    doubled = mine.values("partner_opportunity_identifier").annotate(n=Count("id")).filter(n__gt=1)
    rep.check(not doubled.exists(), "no row was written twice", f"{mine.count()} stored")

    job.refresh_from_db()
    rep.check(job.status == BulkJob.Status.RUNNING, "before the sweep the job still shows running")
    time.sleep(int(stack.env["ALLYPORT_JOB_STALLED_SECONDS"]) + 1)
    swept = stack.manage("sweep")
    rep.note("sweep: " + "; ".join(line for line in swept.splitlines() if "repaired" in line))
    job.refresh_from_db()
    stored = mine.count()
    rep.check(
        job.status == BulkJob.Status.FAILED and bool(job.message),
        "the sweep failed the job cleanly, with a message for people",
        job.message[:100],
    )
    rep.check(
        job.succeeded == stored and job.succeeded + job.failed == job.rows,
        "its counters match what is stored (the killed batch rolled back whole)",
        f"rows {job.rows}, succeeded {job.succeeded}, failed {job.failed}, stored {stored}",
    )
    expected_failed = job.rows // BAD_EVERY
    rep.check(job.failed == expected_failed, "only the invalid rows were counted as failed")
    time.sleep(2)
    rep.check(mine.count() == stored, "nothing is written after the job failed (no second runner)")
    running = BulkJob.objects.filter(status=BulkJob.Status.RUNNING).count()
    rep.check(running == 0, "no job is left running", f"{running} running")
    stack.start_worker("faults-w3")  # two workers again for what follows
