"""The opportunity bulk-job API with the real boto3 client against live_server: a
job started from a file uploaded on the Bulk page, followed to COMPLETED, its
per-record results, and its report fetched through the signed URL."""

from __future__ import annotations

import io
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError
from django.test import Client
from django.urls import reverse

from allyport.access import actor as actors
from allyport.accounts.models import User
from allyport.audit.models import AuditEvent
from allyport.bulk import files
from allyport.bulk.tests.conftest import csv_bytes, good_row, read_csv, upload
from allyport.jobs.models import BulkFile
from allyport.pipeline.models import Opportunity
from allyport.pipeline.tests.test_api import Caller, connect, crm  # noqa: F401 - fixtures
from allyport.testing import make_user

pytestmark = pytest.mark.django_db(transaction=True)
JOB_ID = re.compile(r"bulkjob-[0-9a-z]{13}")


def _file(caller: Caller, content: bytes, name: str = "opportunities.csv") -> BulkFile:
    member = make_user(caller.company, "ace_manager")
    return files.upload(actors.for_user(member), name, io.BytesIO(content))


def _finished(client: Any, job_id: str) -> dict[str, Any]:
    """Poll as a client would (the tests' task backend runs the job at once)."""
    for _attempt in range(50):
        answer = client.list_opportunity_bulk_jobs(Catalog="AWS", JobId=job_id)
        (summary,) = answer["OpportunityBulkJobSummaries"]
        if summary["Status"] in ("COMPLETED", "FAILED"):
            return dict(summary)
        time.sleep(0.1)
    raise AssertionError("the job did not finish")


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - test server
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_a_job_from_an_uploaded_file_runs_and_reports(
    crm: Caller,  # noqa: F811
    live_server: Any,
    settings: Any,
    client_for: Callable[[User], Client],
) -> None:
    settings.ALLYPORT_PUBLIC_URL = live_server.url
    bad = good_row(2, **{"LifeCycle.Stage": "Bogus"})
    uploaded = _file(crm, csv_bytes([good_row(1), bad]))
    uri = files.uri(uploaded)
    assert uri.startswith("https://") and uploaded.public_id in uri

    started = crm.client.start_opportunity_bulk_job(
        Catalog="AWS", ClientToken="bulk-1", FileURI=uri, FileFormat="CSV"
    )
    job_id = started["JobId"]
    assert JOB_ID.fullmatch(job_id)
    again = crm.client.start_opportunity_bulk_job(
        Catalog="AWS", ClientToken="bulk-1", FileURI=uri, FileFormat="CSV"
    )
    assert again["JobId"] == job_id  # the token's replay starts nothing

    summary = _finished(crm.client, job_id)
    assert summary["Status"] == "COMPLETED"
    assert summary["OperationType"] == "BULK_CREATE"
    assert summary["FileName"] == "opportunities.csv"
    assert (summary["TotalRecords"], summary["SuccessCount"], summary["FailureCount"]) == (2, 1, 1)
    listed = crm.client.list_opportunity_bulk_jobs(Catalog="AWS")["OpportunityBulkJobSummaries"]
    assert [s["JobId"] for s in listed] == [job_id]
    assert (
        crm.client.list_opportunity_bulk_jobs(Catalog="Sandbox")["OpportunityBulkJobSummaries"]
        == []
    )

    failed = crm.client.list_opportunity_bulk_job_results(
        Catalog="AWS", JobId=job_id, Status="FAILED"
    )["Results"]
    assert len(failed) == 1 and failed[0]["RequestId"] == "3"  # the header is row 1
    assert failed[0]["ErrorCode"] == "VALIDATION_ERROR"
    assert "LifeCycle.Stage" in failed[0]["ErrorMessage"]
    pages = crm.client.get_paginator("list_opportunity_bulk_job_results").paginate(
        Catalog="AWS", JobId=job_id, PaginationConfig={"PageSize": 1}
    )
    results = [r for page in pages for r in page["Results"]]
    assert [r["Status"] for r in results] == ["SUCCEEDED", "FAILED"]
    created = Opportunity.objects.get(company=crm.company)
    assert results[0]["ResourceIdentifier"] == created.public_id

    report = crm.client.get_opportunity_bulk_job_report_url(
        Catalog="AWS", JobId=job_id, ReportFormat="CSV"
    )
    assert report["ReportStatus"] == "AVAILABLE" and report["ReportType"] == "FAILED_RECORDS"
    assert report["ExpiresAt"].timestamp() > time.time()
    status, body = _get(report["Url"])
    assert status == 200
    rows = read_csv(body)
    assert rows[0] == ["RequestId", "Status", "ResourceIdentifier", "ErrorCode", "ErrorMessage"]
    assert [row[:2] for row in rows[1:]] == [["3", "FAILED"]]
    every = crm.client.get_opportunity_bulk_job_report_url(
        Catalog="AWS", JobId=job_id, ReportFormat="CSV", ReportType="ALL_RECORDS"
    )
    assert len(read_csv(_get(every["Url"])[1])) == 3
    assert _get(report["Url"][:-3] + "x" + report["Url"][-2:])[0] == 403  # tampered

    # Each call is recorded, and the job's start once (the replay started nothing).
    names = list(
        AuditEvent.objects.filter(company=crm.company).values_list("event_name", flat=True)
    )
    assert names.count("StartOpportunityBulkJob") == 2 and names.count("StartBulkJob") == 1
    assert "ListOpportunityBulkJobResults" in names and "GetOpportunityBulkJobReportUrl" in names

    # The job is the portal's too: on the Bulk page of a manager of the company.
    manager = make_user(crm.company, "ace_manager")
    page = client_for(manager).get(reverse("bulk:jobs")).content.decode()
    assert job_id in page and "API (IAM user)" in page


def test_an_update_file_updates_and_a_bad_uri_names_the_field(
    crm: Caller,  # noqa: F811
) -> None:
    opportunity = crm.client.create_opportunity(Catalog="AWS", ClientToken="c-1", **_complete())
    view = crm.client.get_opportunity(Catalog="AWS", Identifier=opportunity["Id"])
    stamp = view["LastModifiedDate"].isoformat().replace("+00:00", "Z")
    row = {"Id": opportunity["Id"], "LastModifiedDate": stamp, "Project.Title": "Renamed"}
    uploaded = _file(crm, csv_bytes([row]), "update.csv")
    job_id = crm.client.start_opportunity_bulk_job(
        Catalog="AWS", ClientToken="u-1", FileURI=files.uri(uploaded), FileFormat="CSV"
    )["JobId"]
    summary = _finished(crm.client, job_id)
    assert (summary["OperationType"], summary["SuccessCount"]) == ("BULK_UPDATE", 1), summary
    renamed = crm.client.get_opportunity(Catalog="AWS", Identifier=opportunity["Id"])
    assert renamed["Project"]["Title"] == "Renamed"

    for uri in ("s3://bucket/file.csv", "https://files.example.com/a.csv"):
        with pytest.raises(ClientError) as caught:
            crm.client.start_opportunity_bulk_job(
                Catalog="AWS", ClientToken=uri, FileURI=uri, FileFormat="CSV"
            )
        error = caught.value.response
        assert error["Error"]["Code"] == "ValidationException"
        assert [e["FieldName"] for e in error["ErrorList"]] == ["FileURI"]
        assert "ALLYPORT_BULK_FETCH_HOSTS" in error["Error"]["Message"]
    with pytest.raises(ClientError) as caught:
        crm.client.list_opportunity_bulk_job_results(Catalog="AWS", JobId="bulkjob-0000000000000")
    assert caught.value.response["Error"]["Code"] == "ResourceNotFoundException"


def _complete() -> dict[str, Any]:
    from allyport.pipeline.tests.conftest import complete

    return complete()


def test_an_import_through_the_api_records_each_opportunity_as_the_portal_does(
    crm: Caller,  # noqa: F811
    live_server: Any,
    settings: Any,
    client_for: Callable[[User], Client],
) -> None:
    """Audit whatever the caller: the same file writes one CreateOpportunity record
    per created opportunity, started by an IAM user's key or by a member's upload."""
    settings.ALLYPORT_PUBLIC_URL = live_server.url
    content = csv_bytes([good_row(1), good_row(2)])
    started = crm.client.start_opportunity_bulk_job(
        Catalog="AWS", ClientToken="bulk-audit", FileURI=files.uri(_file(crm, content)),
        FileFormat="CSV",
    )  # fmt: skip
    assert _finished(crm.client, started["JobId"])["SuccessCount"] == 2
    by_api = AuditEvent.objects.filter(company=crm.company, event_name="CreateOpportunity")
    created = set(
        Opportunity.objects.filter(company=crm.company).values_list("public_id", flat=True)
    )
    assert by_api.count() == 2 == len(created)
    assert {event.record["userIdentity"]["type"] for event in by_api} == {"IAMUser"}
    assert {event.record["resources"][0]["ARN"].rsplit("/", 1)[1] for event in by_api} == created

    manager = make_user(crm.company, "ace_manager")
    client_for(manager).post(
        reverse("bulk:import"), {"catalog": "AWS", "file": upload("same.csv", content)}
    )
    by_portal = AuditEvent.objects.filter(
        company=crm.company, event_name="CreateOpportunity", event_type="AwsConsoleAction"
    )
    assert by_portal.count() == 2 == by_api.filter(event_type="AwsApiCall").count()
