"""Exports: the list's filters, every column, formula-safe cells, keyset pages with a
fixed number of queries each, and the template."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from allyport.access.actor import Actor
from allyport.accounts.models import User
from allyport.bulk import exports
from allyport.bulk.columns import export_header, opportunity_columns
from allyport.bulk.tests.conftest import body, future, read_csv
from allyport.core.listing import MAX_PAGE
from allyport.jobs.models import BulkJob
from allyport.pipeline import services
from allyport.pipeline.models import Opportunity
from allyport.pipeline.tests.conftest import complete


def _create(actor: Actor, **changes: object) -> Opportunity:
    return services.create_opportunity(actor, "AWS", complete(**changes))


def _export(client: Client, file_format: str = "csv", **filters: str) -> BulkJob:
    data = {"catalog": "AWS", "file_format": file_format, **filters}
    response = client.post(reverse("bulk:export"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return BulkJob.objects.get(kind="export")


def test_it_exports_every_column_with_the_id_and_last_modified_date(
    manager_client: Client, manager: Actor, manager_user: User
) -> None:
    opportunity = _create(manager)
    job = _export(manager_client)
    assert (job.status, job.rows) == ("done", 1)
    page = manager_client.get(reverse("bulk:job", args=[job.public_id])).content.decode()
    assert "1 opportunity exported." in page
    rows = read_csv(body(manager_client.get(reverse("bulk:job_result", args=[job.public_id]))))
    assert rows[0] == export_header()
    cells = dict(zip(rows[0], rows[1], strict=True))
    assert cells["Id"] == opportunity.public_id
    assert cells["LastModifiedDate"].endswith("Z")
    assert cells["Customer.Account.CompanyName"] == "Example Corp"
    assert cells["Project.DeliveryModels"] == "SaaS or PaaS"
    assert cells["Project.ExpectedCustomerSpend[0].Amount"] == "2000"
    assert cells["LifeCycle.TargetCloseDate"] == future()
    assert cells["LifeCycle.ReviewStatus"] == "Pending Submission"
    assert cells["Owner"] == manager_user.email


def test_it_exports_only_what_the_filters_select(manager_client: Client, manager: Actor) -> None:
    _create(manager, PartnerOpportunityIdentifier="kept")
    other = complete(PartnerOpportunityIdentifier="dropped")
    other["LifeCycle"]["Stage"] = "Prospect"
    services.create_opportunity(manager, "AWS", other)
    job = _export(manager_client, stage="Qualified")
    rows = read_csv(body(manager_client.get(reverse("bulk:job_result", args=[job.public_id]))))
    column = rows[0].index("PartnerOpportunityIdentifier")
    assert [row[column] for row in rows[1:]] == ["kept"]
    assert job.options["request"]["LifeCycleStage"] == ["Qualified"]


def test_it_guards_formula_like_cells_in_csv_and_xlsx(
    manager_client: Client, manager: Actor
) -> None:
    payload = complete()
    payload["Customer"]["Account"]["CompanyName"] = '=HYPERLINK("http://evil")'
    payload["Customer"]["Contacts"][0]["Phone"] = "+12065550100"
    services.create_opportunity(manager, "AWS", payload)
    csv_job = _export(manager_client)
    rows = read_csv(body(manager_client.get(reverse("bulk:job_result", args=[csv_job.public_id]))))
    cells = dict(zip(rows[0], rows[1], strict=True))
    assert cells["Customer.Account.CompanyName"] == '\'=HYPERLINK("http://evil")'
    assert cells["Customer.Contacts[0].Phone"] == "'+12065550100"

    BulkJob.objects.all().delete()
    xlsx_job = _export(manager_client, "xlsx")
    content = body(manager_client.get(reverse("bulk:job_result", args=[xlsx_job.public_id])))
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    name = sheet.cell(row=2, column=header.index("Customer.Account.CompanyName") + 1)
    assert name.value == '\'=HYPERLINK("http://evil")'
    assert name.data_type == "s"  # text, not a formula


def test_it_reads_a_page_of_100_with_one_query_and_owners_once(
    manager: Actor, ace_user: User
) -> None:
    from allyport.access import actor as actors

    ace = actors.for_user(ace_user)
    for n in range(MAX_PAGE * 2 + 30):  # three pages
        _create(manager if n % 2 else ace, PartnerOpportunityIdentifier=f"crm-{n}")
    with CaptureQueriesContext(connection) as queries:
        pages = exports.pages(manager, "AWS", {})
        rows = list(exports.export_rows(pages))
    assert len(rows) == 1 + MAX_PAGE * 2 + 30
    listing = [q for q in queries.captured_queries if "pipeline_opportunity" in q["sql"]]
    owners = [q for q in queries.captured_queries if "accounts_user" in q["sql"]]
    assert len(listing) == 3  # one per page of 100, whatever the list's size
    assert len(owners) == 1  # two owners, read with the first page
    assert len(queries.captured_queries) == 4


def test_it_streams_a_direct_csv_download(manager_client: Client, manager: Actor) -> None:
    _create(manager, PartnerOpportunityIdentifier="crm-direct")
    response = manager_client.get(reverse("bulk:export_csv") + "?stage=Qualified")
    assert response.streaming
    assert response["Content-Disposition"] == 'attachment; filename="opportunities-AWS.csv"'
    rows = read_csv(body(response))
    assert rows[0] == export_header() and len(rows) == 2
    assert "crm-direct" in rows[1]


def test_an_ace_user_exports_only_their_own(
    ace_user: User, manager: Actor, client_for: pytest.FixtureRequest
) -> None:
    from allyport.access import actor as actors

    _create(manager, PartnerOpportunityIdentifier="managers")
    _create(actors.for_user(ace_user), PartnerOpportunityIdentifier="mine")
    response = client_for(ace_user).get(reverse("bulk:export_csv"))  # type: ignore[operator]
    rows = read_csv(body(response))
    column = rows[0].index("PartnerOpportunityIdentifier")
    assert [row[column] for row in rows[1:]] == ["mine"]


def test_the_template_has_the_fields_a_person_fills(manager_client: Client) -> None:
    response = manager_client.get(reverse("bulk:template", args=["csv"]))
    header = read_csv(body(response))[0]
    assert header == [column.path for column in opportunity_columns()]
    for path in (
        "Customer.Account.CompanyName",
        "Customer.Account.Address.CountryCode",
        "Customer.Contacts[0].Email",
        "Project.DeliveryModels",
        "Project.ExpectedCustomerSpend[0].Amount",
        "LifeCycle.TargetCloseDate",
        "SoftwareRevenue.Value.Amount",
    ):
        assert path in header
    for left_out in ("Catalog", "ClientToken", "Origin", "LifeCycle.ReviewStatus", "Id"):
        assert left_out not in header
    assert not any(path.startswith(("OpportunityTeam", "Tags")) for path in header)


def test_the_xlsx_template_explains_each_column(manager_client: Client) -> None:
    response = manager_client.get(reverse("bulk:template", args=["xlsx"]))
    assert response["Content-Disposition"].endswith('filename="opportunity-import-template.xlsx"')
    workbook = openpyxl.load_workbook(io.BytesIO(body(response)))
    assert workbook.sheetnames == ["Opportunities", "Fields"]
    header = [cell.value for cell in workbook["Opportunities"][1]]
    assert header == [column.path for column in opportunity_columns()]
    fields = {row[0]: row[1:] for row in workbook["Fields"].iter_rows(values_only=True)}
    assert "US" in fields["Customer.Account.Address.CountryCode"][1]
    assert fields["LifeCycle.TargetCloseDate"][0] == "Date, YYYY-MM-DD"
    assert "separated by ;" in fields["Project.DeliveryModels"][0]
    assert fields["Customer.Account.CompanyName"][0] == "Text, up to 120 characters"


def test_the_export_page_takes_the_lists_filters(manager_client: Client) -> None:
    response = manager_client.get(reverse("bulk:export") + "?stage=Prospect&catalog=Sandbox")
    text = response.content.decode()
    assert '<option value="Prospect" selected>' in text
    assert '<option value="Sandbox" selected>' in text
    assert reverse("bulk:export_csv") + "?stage=Prospect&amp;catalog=Sandbox" in text
