"""The trio for every bulk page (sign-in, another company's job is 404, a role
without the bulk right is 403), who sees which jobs, and the progress page."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from allyport.accounts.models import Company, User
from allyport.bulk.tests.conftest import csv_bytes, good_row, upload
from allyport.jobs.models import BulkJob
from allyport.testing import make_user

PAGES = [
    ("bulk:jobs", []),
    ("bulk:import", []),
    ("bulk:update", []),
    ("bulk:transfer", []),
    ("bulk:export", []),
    ("bulk:export_csv", []),
    ("bulk:template", ["csv"]),
    ("bulk:template", ["xlsx"]),
]
JOB_PAGES = ["bulk:job", "bulk:job_errors", "bulk:job_result"]


def _job(company: Company, user: User | None, **fields: object) -> BulkJob:
    values: dict[str, object] = {"catalog": "AWS", "kind": "export", "status": "done"}
    values.update(fields)
    return BulkJob.objects.create(company=company, created_by=user, **values)


@pytest.mark.parametrize(
    ("name", "args"), [*PAGES, *((n, ["bulkjob-0123456789abc"]) for n in JOB_PAGES)]
)
def test_it_requires_sign_in(db: None, name: str, args: list[str]) -> None:
    response = Client().get(reverse(name, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", ["standard_user", "marketing_staff", "technical_staff"])
@pytest.mark.parametrize(("name", "args"), [*PAGES, *((n, None) for n in JOB_PAGES)])
def test_it_refuses_a_role_without_the_bulk_right(
    company: Company,
    lead: User,
    client_for: Callable[[User], Client],
    role: str,
    name: str,
    args: list[str] | None,
) -> None:
    job = _job(company, lead)
    response = client_for(make_user(company, role)).get(
        reverse(name, args=[job.public_id] if args is None else args)
    )
    assert response.status_code == 403
    assert "needs the" in response.content.decode()


def test_it_refuses_a_post_without_the_right(
    company: Company, client_for: Callable[[User], Client]
) -> None:
    client = client_for(make_user(company, "marketing_staff"))
    content = csv_bytes([good_row(1)])
    response = client.post(
        reverse("bulk:import"), {"catalog": "AWS", "file": upload("a.csv", content)}
    )
    assert response.status_code == 403
    assert not BulkJob.objects.exists()


@pytest.mark.parametrize("name", JOB_PAGES)
def test_it_answers_404_for_another_companys_job_and_a_missing_one(
    company: Company, lead: User, outsider: User, client_for: Callable[[User], Client], name: str
) -> None:
    theirs = _job(company, lead)
    client = client_for(make_user(outsider.company, "ace_manager"))  # type: ignore[arg-type]
    for job_id in (theirs.public_id, "bulkjob-0123456789abc"):
        assert client.get(reverse(name, args=[job_id])).status_code == 404


def test_a_member_who_manages_only_their_own_sees_only_their_jobs(
    company: Company, manager_user: User, ace_user: User, client_for: Callable[[User], Client]
) -> None:
    managers = _job(company, manager_user)
    mine = _job(company, ace_user)
    ace = client_for(ace_user)
    assert ace.get(reverse("bulk:job", args=[managers.public_id])).status_code == 404
    assert ace.get(reverse("bulk:job", args=[mine.public_id])).status_code == 200
    listing = ace.get(reverse("bulk:jobs")).content.decode()
    assert mine.public_id in listing and managers.public_id not in listing
    # A manager sees every job of the company, and nothing of another company's.
    manager = client_for(manager_user).get(reverse("bulk:jobs")).content.decode()
    assert mine.public_id in manager and managers.public_id in manager


@pytest.mark.parametrize("status", ["queued", "running"])
def test_the_job_page_reloads_itself_while_the_job_runs(
    company: Company, manager_user: User, client_for: Callable[[User], Client], status: str
) -> None:
    job = _job(company, manager_user, kind="import", status=status, rows=250, rows_expected=1000)
    response = client_for(manager_user).get(reverse("bulk:job", args=[job.public_id]))
    assert response["Refresh"] == "2"
    text = response.content.decode()
    assert "This page reloads itself" in text
    if status == "running":
        assert '<progress max="100" value="25">' in text
        assert "250 rows done so far." in text
    # Its result is not offered yet.
    assert reverse("bulk:job_result", args=[job.public_id]) not in text
    assert (
        client_for(manager_user).get(reverse("bulk:job_result", args=[job.public_id])).status_code
        == 404
    )


def test_a_failed_job_says_why(
    company: Company, manager_user: User, client_for: Callable[[User], Client]
) -> None:
    job = _job(company, manager_user, kind="import", status="failed", message="The file is empty.")
    response = client_for(manager_user).get(reverse("bulk:job", args=[job.public_id]))
    assert "Refresh" not in response.headers
    assert "The job stopped: The file is empty." in response.content.decode()


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_an_ace_user_reaches_every_page(
    ace_user: User, client_for: Callable[[User], Client], name: str, args: list[str]
) -> None:
    assert client_for(ace_user).get(reverse(name, args=args)).status_code == 200


def test_other_apps_jobs_stay_off_the_bulk_page(
    company: Company, lead: User, client_for: Callable[[User], Client]
) -> None:
    """The job table holds every kind of job; the Bulk page shows only its own kinds."""
    ours = _job(company, lead)
    theirs = _job(company, lead, kind="customer-account")
    client = client_for(make_user(company, "ace_manager"))
    page = client.get(reverse("bulk:jobs")).content.decode()
    assert ours.public_id in page and theirs.public_id not in page
    assert client.get(reverse("bulk:job", args=[theirs.public_id])).status_code == 404
