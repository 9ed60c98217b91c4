"""Import from CSV and XLSX: good rows are written, bad rows are listed with their
field and message, and nothing of a bad row is written."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from allyport.accounts.models import User
from allyport.audit.models import AuditEvent
from allyport.bulk.tasks import run_bulk_job
from allyport.bulk.tests.conftest import (
    body,
    csv_bytes,
    future,
    good_row,
    read_csv,
    upload,
    xlsx_bytes,
)
from allyport.jobs.models import BulkJob
from allyport.pipeline.models import Opportunity


def _import(client: Client, name: str, content: bytes, catalog: str = "AWS") -> BulkJob:
    response = client.post(
        reverse("bulk:import"), {"catalog": catalog, "file": upload(name, content)}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    job = BulkJob.objects.get()
    assert response["Location"] == reverse("bulk:job", args=[job.public_id])
    return job


class NotRun:
    """Stands for the task while a test queues a job without running it."""

    def enqueue(self, job_id: str) -> None:
        return None


BAD_ROWS = [
    # (row changes, the field named, a piece of the message)
    ({"Customer.Account.Address.CountryCode": "XX"}, "Customer.Account.Address.CountryCode",
     "enum"),
    ({"LifeCycle.Stage": "Closed Lost"}, "LifeCycle.ClosedLostReason", "reason"),
    ({"Project.CustomerBusinessProblem": "Too short"}, "Project.CustomerBusinessProblem",
     "pattern"),
]  # fmt: skip


def test_it_imports_good_rows_and_lists_bad_ones_from_csv(
    manager_client: Client, manager_user: User
) -> None:
    rows = [good_row(1), *(good_row(10 + i, **bad) for i, (bad, _f, _m) in enumerate(BAD_ROWS))]
    rows.append(good_row(2))
    job = _import(manager_client, "pipeline.csv", csv_bytes(rows))

    job.refresh_from_db()
    assert (job.status, job.rows, job.succeeded, job.failed) == ("done", 5, 2, 3)
    created = Opportunity.objects.order_by("partner_opportunity_identifier")
    assert [o.partner_opportunity_identifier for o in created] == ["crm-1", "crm-2"]
    assert all(o.owner == manager_user and o.review_status == "Pending Submission" for o in created)
    first = created[0]
    assert first.data["Project"]["DeliveryModels"] == ["SaaS or PaaS", "Managed Services"]
    assert first.data["Customer"]["Contacts"] == [
        {"Email": "buyer1@example.com", "FirstName": "Ana", "LastName": "Lee"}
    ]
    # Nothing of a bad row: no opportunity, no audit record, no event.
    creates = AuditEvent.objects.filter(event_name="CreateOpportunity")
    assert creates.count() == 2

    page = manager_client.get(reverse("bulk:job", args=[job.public_id]))
    text = page.content.decode()
    assert "5 rows: 2 succeeded, 3 failed." in text
    assert "Refresh" not in page.headers
    report = read_csv(body(manager_client.get(reverse("bulk:job_errors", args=[job.public_id]))))
    assert report[0] == ["Row", "Id", "Field", "Message"]
    by_row = {int(line[0]): (line[2], line[3]) for line in report[1:]}
    for row_number, (_bad, field, piece) in zip((3, 4, 5), BAD_ROWS, strict=True):
        assert by_row[row_number][0] == field
        assert piece in by_row[row_number][1]
        assert field in text


def test_it_imports_xlsx_with_typed_cells(manager_client: Client) -> None:
    good = good_row(1)
    good["Project.ExpectedCustomerSpend[0].Amount"] = 2500  # type: ignore[assignment]
    good["LifeCycle.TargetCloseDate"] = date.fromisoformat(future())  # type: ignore[assignment]
    bad = good_row(2, **{"Customer.Contacts[0].Email": "not an email"})
    job = _import(manager_client, "pipeline.xlsx", xlsx_bytes([good, bad]))

    job.refresh_from_db()
    assert (job.status, job.succeeded, job.failed, job.file_format) == ("done", 1, 1, "xlsx")
    opportunity = Opportunity.objects.get()
    spend = opportunity.data["Project"]["ExpectedCustomerSpend"][0]
    assert spend["Amount"] == "2500"
    assert opportunity.data["LifeCycle"]["TargetCloseDate"] == future()
    report = read_csv(body(manager_client.get(reverse("bulk:job_errors", args=[job.public_id]))))
    assert report[1][:3] == ["3", "", "Customer.Contacts[0].Email"]


def test_it_accepts_the_aws_templates_dates(manager_client: Client) -> None:
    moment = date.fromisoformat(future())
    row = good_row(1, **{"LifeCycle.TargetCloseDate": moment.strftime("%m/%d/%Y")})
    _import(manager_client, "pipeline.csv", csv_bytes([row]))
    assert Opportunity.objects.get().target_close_date == moment


def test_it_skips_blank_rows_and_keeps_spreadsheet_row_numbers(manager_client: Client) -> None:
    header = list(good_row(1))
    content = csv_bytes([good_row(1)], header) + b",,,\r\n" + csv_bytes([good_row(2, **{
        "Customer.Account.Address.CountryCode": "XX"})], header).split(b"\r\n", 1)[1]  # fmt: skip
    job = _import(manager_client, "pipeline.csv", content)
    job.refresh_from_db()
    assert (job.rows, job.failed) == (2, 1)
    report = read_csv(body(manager_client.get(reverse("bulk:job_errors", args=[job.public_id]))))
    assert report[1][0] == "4"


def test_it_imports_into_the_chosen_catalog(manager_client: Client) -> None:
    _import(manager_client, "pipeline.csv", csv_bytes([good_row(1)]), catalog="Sandbox")
    assert Opportunity.objects.get().catalog == "Sandbox"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("pipeline.txt", b"a,b\n", "Upload a .csv or .xlsx file."),
        ("pipeline.csv", b"", "The submitted file is empty."),
        ("pipeline.csv", b"PK\x03\x04rest", "not a CSV text file"),
        ("pipeline.csv", "Projekt.Titel\nä\n".encode("latin-1"), "not UTF-8"),
        ("pipeline.xlsx", b"Customer.Account.CompanyName\n", "not an Excel workbook"),
        ("pipeline.csv", b"Customer.Account.Name,Project.Title\nx,y\n",
         "Unknown columns: Customer.Account.Name"),
        ("pipeline.csv", b"Id,Project.Title\nO1,y\n", "Bulk update"),
        ("pipeline.csv", b"CreatedDate,Owner\nx,y\n", "no opportunity columns"),
    ],
)  # fmt: skip
def test_it_refuses_a_bad_file_next_to_the_field(
    manager_client: Client, name: str, content: bytes, message: str
) -> None:
    response = manager_client.post(
        reverse("bulk:import"), {"catalog": "AWS", "file": upload(name, content)}
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert 'id="id_file_error"' in text
    assert message in text.replace("&quot;", '"')
    assert not BulkJob.objects.exists()


def test_it_refuses_a_file_over_the_size_limit(
    manager_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("allyport.bulk.forms.MAX_UPLOAD_MB", 0)
    content = csv_bytes([good_row(1)])
    response = manager_client.post(
        reverse("bulk:import"), {"catalog": "AWS", "file": upload("p.csv", content)}
    )
    assert "The file is larger than 0 MB" in response.content.decode()
    assert not BulkJob.objects.exists()


def test_it_fails_the_job_when_the_member_lost_the_right(
    manager_client: Client, manager_user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("allyport.bulk.services.run_bulk_job", NotRun())
    job = _import(manager_client, "pipeline.csv", csv_bytes([good_row(1)]))
    assert job.status == "queued"
    manager_user.role_assignments.all().delete()

    run_bulk_job.call(job.public_id)
    job.refresh_from_db()
    assert job.status == "failed"
    assert "needs the" in job.message
    assert not Opportunity.objects.exists()
    # A second delivery of the task finds the job taken.
    assert run_bulk_job.call(job.public_id) == "already taken"


def test_a_failure_midway_keeps_the_committed_batches(
    manager_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.db import DatabaseError

    from allyport.bulk.creation import BatchCreator

    monkeypatch.setattr("allyport.jobs.runner.BATCH_ROWS", 2)
    real, calls = BatchCreator.flush, []

    def flaky(self: BatchCreator) -> object:
        calls.append(1)
        if len(calls) == 2:
            raise DatabaseError("disk full")
        return real(self)

    monkeypatch.setattr(BatchCreator, "flush", flaky)
    job = _import(manager_client, "p.csv", csv_bytes([good_row(n) for n in range(5)]))
    job.refresh_from_db()
    assert (job.status, job.rows, job.succeeded, job.failed) == ("failed", 2, 2, 0)
    assert job.message == "The job stopped on an unexpected error."
    assert Opportunity.objects.count() == 2
    page = manager_client.get(reverse("bulk:job", args=[job.public_id])).content.decode()
    assert "The rows counted above as succeeded were saved." in page
