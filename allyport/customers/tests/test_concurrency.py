"""Simultaneous work on PostgreSQL: accounts of one customer matched at once leave one
ENRICHED and the rest ACTION_REQUIRED; one LastModifiedDate admits one update."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from allyport.core.errors import Conflict
from allyport.customers.models import CustomerAccount, EnrichmentStatus
from allyport.customers.services import accounts, enrichment
from allyport.customers.tests.conftest import directory_entry, payload
from allyport.pipeline.tests.conftest import iam_actor
from allyport.testing import make_company, run_at_once

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")


def test_one_of_several_accounts_of_a_customer_is_enriched() -> None:
    directory_entry()
    actor = iam_actor(make_company()[0])
    made = [
        accounts.create_customer_account(actor, "AWS", payload(f"Copy {n}", Duns="123456789"))
        for n in range(6)
    ]
    ids = [account.public_id for account in made]
    # As if the worker had not run yet: all PENDING, then matched at once.
    CustomerAccount.objects.update(enrichment_status=EnrichmentStatus.PENDING, directory_entry=None)
    outcomes = run_at_once([lambda i=i: enrichment.enrich(i) for i in ids])
    assert sorted(outcomes) == ["ACTION_REQUIRED"] * 5 + ["ENRICHED"]
    holder = CustomerAccount.objects.get(enrichment_status=EnrichmentStatus.ENRICHED)
    held = CustomerAccount.objects.exclude(pk=holder.pk)
    assert set(held.values_list("existing_account_id", flat=True)) == {holder.public_id}


def test_one_last_modified_date_admits_one_update() -> None:
    actor = iam_actor(make_company()[0])
    account = accounts.create_customer_account(actor, "AWS", payload())
    read = CustomerAccount.objects.get(pk=account.pk).last_modified_date

    def update(name: str) -> Any:
        return accounts.update_customer_account(
            actor, "AWS", account.public_id, payload(name), last_modified_date=read
        )

    outcomes = run_at_once([lambda n=n: update(f"Name {n}") for n in range(8)])
    assert sum(isinstance(o, CustomerAccount) for o in outcomes) == 1
    assert sum(isinstance(o, Conflict) for o in outcomes) == 7
