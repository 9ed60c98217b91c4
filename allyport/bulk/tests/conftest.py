"""Bulk personas and files: an ACE manager and an ACE user of Octank, rows of a
complete opportunity, and CSV/XLSX builders."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping
from datetime import timedelta
from typing import Any

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from allyport.access import actor as actors
from allyport.access.actor import Actor
from allyport.accounts.models import Company, User
from allyport.testing import make_user


def future(days: int = 60) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def good_row(n: int = 1, **changes: str) -> dict[str, str]:
    """The cells of a complete opportunity (paths as the template names them)."""
    row = {
        "Customer.Account.CompanyName": f"Example Corp {n}",
        "Customer.Account.Industry": "Software and Internet",
        "Customer.Account.WebsiteUrl": f"https://example{n}.com",
        "Customer.Account.Address.CountryCode": "US",
        "Customer.Account.Address.City": "Seattle",
        "Customer.Contacts[0].Email": f"buyer{n}@example.com",
        "Customer.Contacts[0].FirstName": "Ana",
        "Customer.Contacts[0].LastName": "Lee",
        "Project.Title": f"Data lake migration {n}",
        "Project.CustomerBusinessProblem": "The customer needs to move analytics off premises.",
        "Project.DeliveryModels": "SaaS or PaaS;Managed Services",
        "Project.ExpectedCustomerSpend[0].Amount": "2000",
        "Project.ExpectedCustomerSpend[0].CurrencyCode": "USD",
        "Project.ExpectedCustomerSpend[0].Frequency": "Monthly",
        "Project.ExpectedCustomerSpend[0].TargetCompany": "AWS",
        "LifeCycle.Stage": "Qualified",
        "LifeCycle.TargetCloseDate": future(),
        "OpportunityType": "Net New Business",
        "PartnerOpportunityIdentifier": f"crm-{n}",
    }
    row.update(changes)
    return row


def csv_bytes(rows: Iterable[Mapping[str, Any]], header: list[str] | None = None) -> bytes:
    rows = list(rows)
    header = header or list(dict.fromkeys(key for row in rows for key in row))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(name, "") for name in header])
    return out.getvalue().encode()


def xlsx_bytes(rows: Iterable[Mapping[str, Any]], header: list[str] | None = None) -> bytes:
    rows = list(rows)
    header = header or list(dict.fromkeys(key for row in rows for key in row))
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(name) for name in header])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def read_csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def body(response: Any) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return bytes(response.content)


@pytest.fixture
def manager_user(company: Company) -> User:
    return make_user(company, "ace_manager", email="manager@octank.example")


@pytest.fixture
def manager(manager_user: User) -> Actor:
    return actors.for_user(manager_user)


@pytest.fixture
def ace_user(company: Company) -> User:
    return make_user(company, "ace_user", email="ace@octank.example")


@pytest.fixture
def manager_client(manager_user: User, client_for: Callable[[User], Client]) -> Client:
    return client_for(manager_user)


def api_bulk_ids(creds: Any) -> list[str]:
    """A finished API bulk job of the credentials' company and the URI of its file
    (for the contract tests' identifiers): [job id, file URI]."""
    from allyport.bulk import api_jobs, files
    from allyport.cloud.principals import IamPrincipal

    company = creds.company
    member = actors.for_user(make_user(company, "ace_manager"))
    found = files.upload(member, "fuzz.csv", io.BytesIO(csv_bytes([good_row(1)])))
    principal = IamPrincipal.for_user(creds.user, access_key_id=creds.key_id)
    caller = Actor.for_iam(principal, company, source_ip="192.0.2.1")
    return [api_jobs.start(caller, "AWS", files.uri(found)).public_id, files.uri(found)]
