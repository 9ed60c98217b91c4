"""Customer-account bulk jobs through boto3 against live_server: start from an
uploaded file, read the job, list jobs and results, download the report; the
DeletedCount, the IMPORT_ID filter, unusable files and running jobs."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlsplit

import pytest
from botocore.exceptions import ClientError
from django.test import Client

from allyport.accounts.models import Company
from allyport.bulk import files
from allyport.customers.services.bulk_kind import KIND
from allyport.customers.tests.conftest import directory_entry
from allyport.jobs.models import BulkJob
from allyport.pipeline.tests.conftest import iam_actor
from allyport.pipeline.tests.test_api import Caller, error_of

pytestmark = pytest.mark.django_db(transaction=True)
GOOD = (
    "RequestId,CompanyName,Duns,Domain,City,CountryCode,PartnerAccountIdentifier\r\n"
    "r-1,Example Corp,123456789,,Seattle,US,crm-1\r\n"
    ",Nobody Inc,,nobody.example,,,\r\n"
    "r-3,Bad Country,,,,XX,\r\n"
    "r-4,  ,,,,,\r\n"
)


def upload(company: Company, content: str, name: str = "accounts.csv") -> str:
    found = files.upload(iam_actor(company), name, io.BytesIO(content.encode()))
    return files.uri(found)


def start(crm: Caller, content: str, token: str = "t-1") -> str:
    answer = crm.client.start_customer_account_bulk_job(
        Catalog="AWS", ClientToken=token, FileUri=upload(crm.company, content)
    )
    assert answer["Status"] == "SUBMITTED" and answer["Arn"].endswith(answer["Id"])
    return str(answer["Id"])


def test_a_job_creates_accounts_and_reports_each_row(crm: Caller) -> None:
    directory_entry()
    job_id = start(crm, GOOD)
    job = crm.client.get_customer_account_bulk_job(Catalog="AWS", Identifier=job_id)
    assert job["Status"] == "COMPLETED" and job["FileName"] == "accounts.csv"
    counts = [job[k] for k in ("TotalRecords", "ProcessedRecords", "SuccessCount", "FailureCount")]
    assert counts == [4, 4, 2, 2] and job["DeletedCount"] == 0 and "CompletedAt" in job
    results = crm.client.list_customer_account_bulk_job_results(Catalog="AWS", Identifier=job_id)
    rows = [(r["RequestId"], r["Status"], r.get("ErrorCode")) for r in results["Results"]]
    assert rows == [
        ("r-1", "SUCCEEDED", None),
        ("2", "SUCCEEDED", None),
        ("r-3", "FAILED", "INVALID_ENUM_VALUE"),
        ("r-4", "FAILED", "REQUIRED_FIELD_MISSING"),
    ]
    failed = crm.client.list_customer_account_bulk_job_results(
        Catalog="AWS", Identifier=job_id, Status="FAILED", MaxResults=1
    )
    assert [r["RequestId"] for r in failed["Results"]] == ["r-3"] and failed["NextToken"]
    made = results["Results"][0]["ResourceIdentifier"]
    view = crm.client.get_customer_account(Catalog="AWS", Identifier=made)
    assert view["EnrichmentStatus"] == "ENRICHED" and view["PartnerAccountIdentifier"] == "crm-1"
    assert view["Account"]["Address"] == {"City": "Seattle", "CountryCode": "US"}
    imported = crm.client.search_customer_accounts(
        Catalog="AWS", Filter={"EqualsTo": {"Key": "IMPORT_ID", "Value": {"StringValue": job_id}}}
    )["CustomerAccountSummaries"]
    assert len(imported) == 2
    crm.client.delete_customer_account(Catalog="AWS", Identifier=made)
    again = crm.client.get_customer_account_bulk_job(Catalog="AWS", Identifier=job["Arn"])
    assert again["DeletedCount"] == 1


def test_the_report_link_downloads_the_failed_or_all_records(crm: Caller) -> None:
    job_id = start(crm, GOOD)
    answer = crm.client.get_customer_account_bulk_job_report_url(Catalog="AWS", Identifier=job_id)
    assert answer["ReportStatus"] == "AVAILABLE" and answer["ReportType"] == "FAILED_RECORDS"
    downloaded = Client().get(urlsplit(answer["Url"]).path)
    table = list(csv.reader(io.StringIO(b"".join(downloaded.streaming_content).decode())))
    assert [row[0] for row in table] == ["RequestId", "r-3", "r-4"]
    every = crm.client.get_customer_account_bulk_job_report_url(
        Catalog="AWS", Identifier=job_id, ReportType="ALL_RECORDS"
    )
    all_rows = b"".join(Client().get(urlsplit(every["Url"]).path).streaming_content)
    assert all_rows.count(b"\r\n") == 5
    tampered = urlsplit(answer["Url"]).path.rstrip("/") + "x/"
    assert Client().get(tampered).status_code == 403


def test_jobs_are_listed_newest_first_and_filtered(crm: Caller) -> None:
    first = start(crm, GOOD, "t-1")
    second = start(crm, "Unknown,CompanyName\r\nx,y\r\n", "t-2")
    broken = crm.client.get_customer_account_bulk_job(Catalog="AWS", Identifier=second)
    assert broken["Status"] == "FAILED" and "Unknown" in broken["FailureReason"]
    listed = crm.client.list_customer_account_bulk_jobs(Catalog="AWS")["items"]
    assert [job["Id"] for job in listed] == [second, first]
    only = crm.client.list_customer_account_bulk_jobs(Catalog="AWS", Filter={"Status": "FAILED"})
    assert [job["Id"] for job in only["items"]] == [second]
    assert crm.client.list_customer_account_bulk_jobs(Catalog="Sandbox")["items"] == []


def test_what_cannot_start_or_be_found(crm: Caller) -> None:
    with pytest.raises(ClientError) as s3:
        crm.client.start_customer_account_bulk_job(
            Catalog="AWS", ClientToken="t", FileUri="s3://bucket/accounts.csv"
        )
    assert error_of(s3)["body"]["ErrorList"][0]["FieldName"] == "FileUri"
    with pytest.raises(ClientError) as missing:
        crm.client.get_customer_account_bulk_job(Catalog="AWS", Identifier="bulkjob-0000000000000")
    assert error_of(missing)["Code"] == "ResourceNotFoundException"


def test_a_running_jobs_report_is_a_conflict(crm: Caller) -> None:
    job = BulkJob.objects.create(
        company=crm.company, catalog="AWS", kind=KIND, source="https://x.example/a.csv",
        status=BulkJob.Status.RUNNING,
    )  # fmt: skip
    with pytest.raises(ClientError) as running:
        crm.client.get_customer_account_bulk_job_report_url(Catalog="AWS", Identifier=job.public_id)
    assert error_of(running)["Code"] == "ConflictException"
