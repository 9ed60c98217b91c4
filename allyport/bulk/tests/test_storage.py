"""Files in database parts, read and written one part at a time; cells and paths."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from allyport.accounts.models import Company
from allyport.bulk.columns import by_path, cell_text, get_value, set_value, value_of
from allyport.jobs import storage
from allyport.jobs.models import BulkFilePart, BulkJob


@pytest.fixture
def job(company: Company) -> BulkJob:
    return BulkJob.objects.create(company=company, catalog="AWS", kind="import")


def test_a_file_is_stored_in_parts_and_read_back_in_order(
    job: BulkJob, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "PART_SIZE", 10)
    content = "Project.Title\r\n" + "".join(f"Title é {n}\r\n" for n in range(20))
    size = storage.store_file(job, "upload", io.BytesIO(content.encode()))
    assert size == len(content.encode())
    parts = BulkFilePart.objects.filter(job=job).order_by("number")
    assert all(len(part.data) <= 10 for part in parts)
    assert parts.count() == -(-size // 10)
    with CaptureQueriesContext(connection) as queries, storage.open_text(job, "upload") as text:
        rows = list(csv.reader(text))
    assert rows[0] == ["Project.Title"] and rows[-1] == ["Title é 19"]
    assert len(queries.captured_queries) == parts.count() + 1  # one part per query


def test_a_writer_stores_a_short_part_on_flush(job: BulkJob) -> None:
    writer = storage.PartWriter(job, "errors")
    writer.write(b"a,b\r\n")
    assert not BulkFilePart.objects.exists()
    writer.flush()
    writer.write(b"c,d\r\n")
    writer.flush()
    assert b"".join(storage.iter_parts(job, "errors")) == b"a,b\r\nc,d\r\n"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (2500, "2500"),
        (2500.0, "2500"),
        (12.5, "12.5"),
        (True, "true"),
        ("  padded ", "padded"),
        ("'+12065550100", "+12065550100"),
        ("'=SUM(A1)", "=SUM(A1)"),
        ("'quoted", "'quoted"),
    ],
)
def test_cells_become_request_text(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_paths_fill_and_read_nested_members() -> None:
    columns = by_path()
    data: dict[str, object] = {}
    email = columns["Customer.Contacts[0].Email"]
    models = columns["Project.DeliveryModels"]
    close = columns["LifeCycle.TargetCloseDate"]
    set_value(data, email, value_of(email, "a@example.com"))
    set_value(data, models, value_of(models, "SaaS or PaaS; Managed Services;"))
    set_value(data, close, value_of(close, "3/7/2031"))
    assert data == {
        "Customer": {"Contacts": [{"Email": "a@example.com"}]},
        "Project": {"DeliveryModels": ["SaaS or PaaS", "Managed Services"]},
        "LifeCycle": {"TargetCloseDate": "2031-03-07"},
    }
    assert get_value(data, models) == "SaaS or PaaS;Managed Services"
    assert get_value(data, columns["Customer.Account.CompanyName"]) == ""
    set_value(data, email, None)
    set_value(data, columns["Marketing.Source"], None)  # absent: nothing to remove
    assert data["Customer"] == {"Contacts": [{}]}
    assert "Marketing" not in data
