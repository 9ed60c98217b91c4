"""Lead import: good rows become leads (engagements with a Lead context) on the Your
leads tab, bad rows are reported by column and write nothing, a wrong header is
refused next to the file field — and the trio for the import page and its template."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from allyport.bulk.kinds import Kind
from allyport.bulk.lead_import import HEADERS
from allyport.bulk.tests.conftest import body, csv_bytes, read_csv, upload, xlsx_bytes
from allyport.jobs.models import BulkJob
from allyport.pipeline.models import Engagement
from allyport.testing import make_user

pytestmark = pytest.mark.django_db
IMPORT = reverse("bulk:import_leads")
TEMPLATE = reverse("bulk:lead_template")


def lead_row(n: int, **changes: str) -> dict[str, str]:
    row = {
        "Company Name": f"Tailspin {n}",
        "Country": "US",
        "Contact Business Title": "CIO",
        "Contact First Name": "Ana",
        "Contact Last Name": "Diaz",
        "Contact Email": f"ana{n}@tailspin.example",
        "Use Case": "Migration",
    }
    row.update(changes)
    return row


def _import(client: Client, name: str, content: bytes, catalog: str = "AWS") -> BulkJob:
    response = client.post(IMPORT, {"catalog": catalog, "file": upload(name, content)})
    assert response.status_code == 302, response.content.decode()[:2000]
    job = BulkJob.objects.get(kind=Kind.LEAD_IMPORT)
    assert response["Location"] == reverse("bulk:job", args=[job.public_id])
    job.refresh_from_db()
    return job


def test_the_template_names_every_column(manager_client: Client) -> None:
    response = manager_client.get(TEMPLATE)
    assert response.status_code == 200
    assert "lead-import-template.csv" in response["Content-Disposition"]
    assert read_csv(body(response))[0] == list(HEADERS)


def test_good_rows_become_leads_and_bad_rows_are_reported_by_column(
    manager_client: Client,
) -> None:
    rows = [lead_row(1), lead_row(2, **{"Contact Email": ""}), lead_row(3)]
    job = _import(manager_client, "leads.csv", csv_bytes(rows))
    assert (job.status, job.rows, job.succeeded, job.failed) == ("done", 3, 2, 1)
    names = sorted(e.title for e in Engagement.objects.all())
    assert names == ["Tailspin 1", "Tailspin 3"]
    errors = read_csv(body(manager_client.get(reverse("bulk:job_errors", args=[job.public_id]))))
    assert errors[1][0] == "3" and errors[1][2] == "Contact Email"
    leads_page = manager_client.get(reverse("leads:own")).content.decode()
    assert "Tailspin 1" in leads_page and "ana3@tailspin.example" in leads_page
    assert "Tailspin 2" not in leads_page
    job_page = manager_client.get(reverse("bulk:job", args=[job.public_id])).content.decode()
    assert "See your leads" in job_page


def test_it_imports_excel_into_the_chosen_catalog(manager_client: Client) -> None:
    job = _import(manager_client, "leads.xlsx", xlsx_bytes([lead_row(1)]), catalog="Sandbox")
    assert (job.status, job.succeeded) == ("done", 1)
    assert Engagement.objects.get().catalog == "Sandbox"


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ([*HEADERS, "Favourite colour"], "Unknown columns: Favourite colour."),
        ([h for h in HEADERS if h != "Contact Email"], "Missing columns: Contact Email."),
    ],
)
def test_a_wrong_header_is_refused_next_to_the_file(
    manager_client: Client, header: list[str], message: str
) -> None:
    content = csv_bytes([lead_row(1)], header=header)
    response = manager_client.post(IMPORT, {"catalog": "AWS", "file": upload("l.csv", content)})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not BulkJob.objects.exists() and not Engagement.objects.exists()


def test_every_page_requires_sign_in(client: Client) -> None:
    for url in (IMPORT, TEMPLATE):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response["Location"], url


@pytest.mark.parametrize("role", ["ace_user", "marketing_staff"])
def test_members_who_do_not_manage_all_leads_may_not_import(
    company: Any, client_for: Callable[..., Client], role: str
) -> None:
    member = client_for(make_user(company, role))
    assert member.get(IMPORT).status_code == 403
    content = csv_bytes([lead_row(1)])
    response = member.post(IMPORT, {"catalog": "AWS", "file": upload("l.csv", content)})
    assert response.status_code == 403
    assert not BulkJob.objects.exists() and not Engagement.objects.exists()


def test_another_companys_import_and_its_leads_are_not_found(
    manager_client: Client, outsider: Any, client_for: Callable[..., Client]
) -> None:
    job = _import(manager_client, "leads.csv", csv_bytes([lead_row(1)]))
    theirs = client_for(outsider)
    assert theirs.get(reverse("bulk:job", args=[job.public_id])).status_code == 404
    assert theirs.get(reverse("bulk:job_errors", args=[job.public_id])).status_code == 404
    assert "Tailspin" not in theirs.get(reverse("leads:own")).content.decode()


def test_a_row_the_api_would_refuse_is_reported_with_every_error(
    manager_client: Client,
) -> None:
    """Country `USA` and a malformed email: the opportunity the lead would become
    takes neither, so the row is refused, naming both columns (and the missing one)."""
    bad = lead_row(2, **{"Country": "USA", "Contact Email": "not-an-email", "Company Name": ""})
    job = _import(manager_client, "leads.csv", csv_bytes([lead_row(1), bad]))
    assert (job.status, job.succeeded, job.failed) == ("done", 1, 1)
    assert [e.title for e in Engagement.objects.all()] == ["Tailspin 1"]
    errors = read_csv(body(manager_client.get(reverse("bulk:job_errors", args=[job.public_id]))))
    reported = {(row[0], row[2]) for row in errors[1:]}
    assert reported == {("3", "Company Name"), ("3", "Country"), ("3", "Contact Email")}
    messages = " ".join(row[3] for row in errors[1:])
    assert "USA is not a country code" in messages
    assert "valid email address" in messages
