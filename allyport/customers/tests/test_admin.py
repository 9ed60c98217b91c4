"""The customer directory in the admin: staff add, change and delete entries, and the
accounts an entry concerns are matched again."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from allyport.accounts.models import User
from allyport.customers.models import CustomerAccount, DirectoryEntry, EnrichmentStatus
from allyport.customers.services import accounts
from allyport.customers.tests.conftest import directory_entry, payload
from allyport.pipeline.tests.conftest import iam_actor
from allyport.testing import make_company

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff() -> Client:
    from allyport.accounts import backends

    client = Client()
    client.force_login(
        User.objects.create_superuser("ops@staff.example", "Ops!Pass12"), backend=backends.PATH
    )
    return client


def status(account: CustomerAccount) -> str:
    return str(CustomerAccount.objects.get(pk=account.pk).enrichment_status)


def test_a_new_entry_matches_accounts_that_found_none(staff: Client) -> None:
    account = accounts.create_customer_account(
        iam_actor(make_company()[0]), "AWS", payload(Domain="later.example")
    )
    assert status(account) == EnrichmentStatus.NO_MATCH_FOUND
    response = staff.post(
        reverse("admin:customers_directoryentry_add"),
        {"name": "Later Inc", "website_domain": "https://www.later.example", "duns": "",
         "eligible_programs": "MAP\nMAP\nISV Accelerate"},
    )  # fmt: skip
    assert response.status_code == 302, response.content[:2000]
    entry = DirectoryEntry.objects.get()
    assert (entry.website_domain, entry.eligible_programs) == (
        "later.example",
        ["MAP", "ISV Accelerate"],
    )
    assert status(account) == EnrichmentStatus.ENRICHED


def test_changing_or_deleting_an_entry_matches_its_accounts_again(staff: Client) -> None:
    entry = directory_entry()
    account = accounts.create_customer_account(
        iam_actor(make_company()[0]), "AWS", payload(Duns="123456789")
    )
    assert status(account) == EnrichmentStatus.ENRICHED
    change = reverse("admin:customers_directoryentry_change", args=[entry.pk])
    staff.post(change, {"name": "Renamed", "website_domain": "example.com", "duns": "123456789",
                        "eligible_programs": ""})  # fmt: skip
    stored = CustomerAccount.objects.get(pk=account.pk)
    assert stored.enrichment["Customer"]["AccountName"] == "Renamed"
    assert not stored.programs.exists()
    staff.post(reverse("admin:customers_directoryentry_delete", args=[entry.pk]), {"post": "yes"})
    assert not DirectoryEntry.objects.exists()
    assert status(account) == EnrichmentStatus.NO_MATCH_FOUND


def test_the_admin_refuses_a_bad_duns(staff: Client) -> None:
    response = staff.post(
        reverse("admin:customers_directoryentry_add"), {"name": "X", "duns": "12ab"}
    )
    assert response.status_code == 200
    assert "duns" in response.context["adminform"].form.errors
