"""The data migration that moves customer-account bulk jobs into the one job table
runs both ways without losing a job, a record or a counter."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.apps.registry import Apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("customers", "0001_initial"), ("jobs", "0002_job_kinds_share_the_table")]
AFTER = [("customers", "0002_customer_jobs_join_the_job_table")]


def _migrate(targets: list[tuple[str, str]]) -> Apps:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets + BEFORE[1:]).apps


@pytest.fixture
def before() -> Iterator[Apps]:
    yield _migrate(BEFORE)
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _old_job(apps: Apps) -> Any:
    company = apps.get_model("accounts", "Company").objects.create(legal_name="Moved Co")
    job = apps.get_model("customers", "CustomerAccountBulkJob").objects.create(
        public_id="bulkjob-moved00000001", company=company, catalog="AWS",
        status="IN_PROGRESS", source_uri="https://files.example/a.csv", file_name="a.csv",
        options={"iam": {"user": 1, "key": "AKIA1"}}, total_records=3, processed_records=2,
        success_count=1, failure_count=1, deleted_count=1, created_at=timezone.now(),
    )  # fmt: skip
    records = apps.get_model("customers", "CustomerAccountBulkRecord").objects
    records.create(job=job, public_id="000000000001", request_id="r-1", status="SUCCEEDED",
                   resource_identifier="ca-1")  # fmt: skip
    records.create(job=job, public_id="000000000002", request_id="2", status="FAILED",
                   error_code="INVALID_VALUE", error_message="bad")  # fmt: skip
    return job


def test_customer_jobs_move_into_the_job_table_and_back(before: Apps) -> None:
    old = _old_job(before)
    after = _migrate(AFTER)
    job = after.get_model("jobs", "BulkJob").objects.get(public_id=old.public_id)
    assert (job.kind, job.status, job.source) == ("customer-account", "running", old.source_uri)
    assert (job.rows_expected, job.rows, job.succeeded, job.failed, job.removed) == (3, 2, 1, 1, 1)
    assert job.created_at == old.created_at and job.options == old.options
    records = after.get_model("jobs", "BulkRecord").objects.filter(job=job).order_by("public_id")
    assert [(r.row, r.request_id, r.status) for r in records] == [
        (1, "r-1", "SUCCEEDED"), (2, "2", "FAILED")]  # fmt: skip

    back = _migrate(BEFORE)
    again = back.get_model("customers", "CustomerAccountBulkJob").objects.get(
        public_id=old.public_id
    )
    assert (again.status, again.total_records, again.processed_records) == ("IN_PROGRESS", 3, 2)
    assert (again.success_count, again.failure_count, again.deleted_count) == (1, 1, 1)
    assert again.source_uri == old.source_uri and again.created_at == old.created_at
    old_records = back.get_model("customers", "CustomerAccountBulkRecord").objects
    assert sorted(old_records.filter(job=again).values_list("request_id", "status")) == [
        ("2", "FAILED"), ("r-1", "SUCCEEDED")]  # fmt: skip
    assert not back.get_model("jobs", "BulkJob").objects.filter(kind="customer-account").exists()
