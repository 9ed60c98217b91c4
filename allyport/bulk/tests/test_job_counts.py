"""A job's summary counts its rows in the right number: "1 row", "2 rows"."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from allyport.bulk.tests.conftest import csv_bytes, good_row, upload
from allyport.jobs.models import BulkJob

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("count", "summary"),
    [(1, "1 row: 1 succeeded, 0 failed."), (2, "2 rows: 2 succeeded, 0 failed.")],
)
def test_the_summary_says_row_or_rows(manager_client: Client, count: int, summary: str) -> None:
    rows = [good_row(n) for n in range(1, count + 1)]
    manager_client.post(
        reverse("bulk:import"), {"catalog": "AWS", "file": upload("p.csv", csv_bytes(rows))}
    )
    job = BulkJob.objects.get()
    text = manager_client.get(reverse("bulk:job", args=[job.public_id])).content.decode()
    assert summary in text
