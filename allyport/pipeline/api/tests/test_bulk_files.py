"""Files for the API on the Bulk page (the trio: sign-in, another company's file is
404, a role without the bulk right is 403), the signed report link, old job links,
and the API services' rules (report status, IAM checks per row)."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from allyport.access import actor as actors
from allyport.access.actor import Actor
from allyport.accounts.models import Company, User
from allyport.audit.models import AuditEvent
from allyport.awsapi.tests.conftest import SANDBOX_ACCESS, make_credentials
from allyport.bulk import api_jobs, files
from allyport.bulk.kinds import OPPORTUNITY_JOBS
from allyport.bulk.tests.conftest import body, csv_bytes, good_row, read_csv, upload
from allyport.cloud.principals import IamPrincipal
from allyport.jobs import reports
from allyport.jobs.models import BulkFile, BulkJob, BulkRecord
from allyport.testing import make_user


@pytest.fixture
def stored(company: Company, manager_user: User) -> BulkFile:
    return files.upload(actors.for_user(manager_user), "a.csv", io.BytesIO(b"Id\r\nO1\r\n"))


def _pages(found: BulkFile) -> list[tuple[str, str]]:
    """(method, url) of every file page."""
    return [
        ("post", reverse("bulk:upload_file")),
        ("get", reverse("bulk:file", args=[found.public_id, found.name])),
        ("post", reverse("bulk:delete_file", args=[found.public_id])),
    ]


def test_file_pages_require_sign_in(stored: BulkFile) -> None:
    for method, url in _pages(stored):
        response = getattr(Client(), method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", ["standard_user", "marketing_staff"])
def test_file_pages_refuse_a_role_without_the_bulk_right(
    company: Company, stored: BulkFile, client_for: Callable[[User], Client], role: str
) -> None:
    client = client_for(make_user(company, role))
    for method, url in _pages(stored):
        assert getattr(client, method)(url).status_code == 403, url
    assert BulkFile.objects.filter(pk=stored.pk).exists()


def test_another_companys_file_is_not_found(
    stored: BulkFile, outsider: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(make_user(outsider.company, "ace_manager"))  # type: ignore[arg-type]
    for method, url in _pages(stored)[1:]:
        assert getattr(client, method)(url).status_code == 404, url
    assert stored.public_id not in client.get(reverse("bulk:jobs")).content.decode()
    assert BulkFile.objects.filter(pk=stored.pk).exists()


def test_a_member_uploads_sees_the_uri_downloads_and_deletes(
    ace_user: User, client_for: Callable[[User], Client]
) -> None:
    client = client_for(ace_user)
    content = csv_bytes([good_row(1)])
    response = client.post(reverse("bulk:upload_file"), {"file": upload("new.csv", content)})
    assert response.status_code == 302
    found = BulkFile.objects.get()
    page = client.get(reverse("bulk:jobs")).content.decode()
    assert "Files for the API" in page and files.uri(found) in page
    download = client.get(reverse("bulk:file", args=[found.public_id, found.name]))
    assert body(download) == content
    assert AuditEvent.objects.filter(event_name="UploadBulkFile").count() == 1
    client.post(reverse("bulk:delete_file", args=[found.public_id]))
    assert not BulkFile.objects.exists()
    assert AuditEvent.objects.filter(event_name="DeleteBulkFile").count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.xlsx", b"PK\x03\x04", "Upload a .csv file."),
        ("a.csv", b"", "empty"),
        ("a.csv", b"PK\x03\x04zip", "not a CSV text file"),
    ],
)
def test_an_upload_that_cannot_be_a_bulk_file_is_refused_by_its_field(
    manager_client: Client, name: str, content: bytes, message: str
) -> None:
    response = manager_client.post(reverse("bulk:upload_file"), {"file": upload(name, content)})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not BulkFile.objects.exists()


def _iam(policy: str | None = None) -> Actor:
    creds = make_credentials(*([policy] if policy else []))
    principal = IamPrincipal.for_user(creds.user, access_key_id=creds.key_id)
    return Actor.for_iam(principal, creds.company, source_ip="192.0.2.1")


def _api_job(actor: Actor, content: bytes, catalog: str = "AWS") -> BulkJob:
    assert actor.company is not None
    member = actors.for_user(make_user(actor.company, "ace_manager"))
    found = files.upload(member, "f.csv", io.BytesIO(content))
    job = api_jobs.start(actor, catalog, files.uri(found))
    job.refresh_from_db()
    return job


def test_the_report_link_needs_no_session_but_a_good_fresh_signature(
    db: None, client_for: Callable[[User], Client]
) -> None:
    job = _api_job(_iam(), csv_bytes([good_row(1), good_row(2, **{"LifeCycle.Stage": "Bogus"})]))
    manager = client_for(make_user(job.company, "ace_manager"))
    page = manager.get(reverse("bulk:job", args=[job.public_id]))
    assert page.status_code == 200 and "Import" in page.content.decode()
    expires = timezone.now() + timedelta(minutes=15)
    url = reports.url(OPPORTUNITY_JOBS, job, "FAILED_RECORDS", expires).removeprefix(
        "http://127.0.0.1:8000"
    )
    rows = read_csv(body(Client().get(url)))
    assert [row[:2] for row in rows[1:]] == [["3", "FAILED"]]
    tampered = url.replace("/reports/", "/reports/x")
    assert Client().get(tampered).status_code == 403
    stale = reports.url(
        OPPORTUNITY_JOBS, job, "FAILED_RECORDS", timezone.now() - timedelta(seconds=1)
    )
    answer = Client().get(stale.removeprefix("http://127.0.0.1:8000"))
    assert answer.status_code == 403 and b"expired" in answer.content
    other = make_credentials().company
    assert other is not None
    forged = {
        "c": other.public_id,
        "j": job.public_id,
        "t": "ALL_RECORDS",
        "e": int(expires.timestamp()),
    }
    token = signing.dumps(forged, salt=OPPORTUNITY_JOBS.salt, compress=True)
    assert Client().get(reverse("bulk:report", args=[token])).status_code == 404


def test_a_report_is_offered_once_the_job_is_finished(db: None) -> None:
    actor = _iam()
    assert actor.company is not None
    queued = BulkJob.objects.create(company=actor.company, catalog="AWS", kind="opportunity")
    answer = api_jobs.report(actor, "AWS", queued.public_id, "FAILED_RECORDS")
    assert answer == {"ReportStatus": "NOT_STARTED", "ReportType": "FAILED_RECORDS",
                      "ReportFormat": "CSV"}  # fmt: skip
    BulkJob.objects.filter(pk=queued.pk).update(status="running")
    running = api_jobs.report(actor, "AWS", queued.public_id, "FAILED_RECORDS")
    assert running["ReportStatus"] == "IN_PROGRESS" and "Url" not in running


def test_update_rows_are_asked_of_the_policy_like_single_calls(db: None) -> None:
    """A Sandbox-only key cannot update AWS opportunities: its AWS job is refused by
    the handler, and a row is checked on its opportunity's ARN."""
    actor = _iam(SANDBOX_ACCESS)
    assert actor.company is not None
    row = {"Id": "O1234567890", "LastModifiedDate": "2030-01-01T00:00:00Z", "Project.Title": "x"}
    job = _api_job(actor, csv_bytes([row]), catalog="AWS")  # the handler would refuse it
    assert (job.kind, job.succeeded, job.failed) == ("update", 0, 1)
    record = BulkRecord.objects.get(job=job)
    assert record.error_code == "ACCESS_DENIED" and "not authorized" in record.error_message


def test_an_old_job_link_leads_to_the_job(
    company: Company, manager_user: User, manager_client: Client
) -> None:
    job = BulkJob.objects.create(
        company=company, catalog="AWS", kind="export", created_by=manager_user,
        legacy_id="bulk-0123456789abcdef",
    )  # fmt: skip
    response = manager_client.get("/sell/bulk/bulk-0123456789abcdef/errors.csv")
    assert response.status_code == 301
    assert response["Location"] == reverse("bulk:job_errors", args=[job.public_id])
    assert manager_client.get("/sell/bulk/bulk-fedcba9876543210/").status_code == 404


def test_portal_jobs_show_in_the_api_list_and_exports_do_not(
    company: Company, manager_user: User, settings: Any
) -> None:
    member = actors.for_user(manager_user)
    BulkJob.objects.create(company=company, catalog="AWS", kind="export", created_by=manager_user)
    imported = BulkJob.objects.create(
        company=company, catalog="AWS", kind="import", created_by=manager_user
    )
    page = api_jobs.list_jobs(member, "AWS", {})
    assert [job.public_id for job in page.items] == [imported.public_id]
    assert api_jobs.summary(imported)["OperationType"] == "BULK_CREATE"


def test_a_portal_import_reads_the_same_through_the_api(
    db: None, client_for: Callable[[User], Client]
) -> None:
    from allyport.awsapi.tests.contract.conftest import call

    creds = make_credentials()
    assert creds.company is not None
    portal = client_for(make_user(creds.company, "ace_manager"))
    content = csv_bytes([good_row(1), good_row(2, **{"LifeCycle.Stage": "Bogus"})])
    portal.post(reverse("bulk:import"), {"catalog": "AWS", "file": upload("p.csv", content)})
    job = BulkJob.objects.get()
    listed = call(Client(), creds, "ListOpportunityBulkJobs", {"Catalog": "AWS"}).body
    (summary,) = listed["OpportunityBulkJobSummaries"]
    assert (summary["JobId"], summary["OperationType"]) == (job.public_id, "BULK_CREATE")
    assert (summary["Status"], summary["SuccessCount"], summary["FailureCount"]) == (
        "COMPLETED", 1, 1)  # fmt: skip
    results = call(Client(), creds, "ListOpportunityBulkJobResults",
                   {"Catalog": "AWS", "JobId": job.public_id}).body["Results"]  # fmt: skip
    assert [(r["RequestId"], r["Status"]) for r in results] == [("2", "SUCCEEDED"), ("3", "FAILED")]
