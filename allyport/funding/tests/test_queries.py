"""Lists cost the same number of queries however many rows the page has: the rows
share their company (and its linked account, which names them in ARNs)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from allyport.awsapi.tests.contract.conftest import call
from allyport.funding.tests.conftest import draft, make_benefit, member_actor
from allyport.pipeline.tests.test_portal_support import signed_in
from allyport.testing import make_credentials, make_user

pytestmark = pytest.mark.django_db


def _counts(rows: int) -> tuple[int, int]:
    creds = make_credentials()
    benefit = make_benefit()
    actor = member_actor(creds.company)
    for _ in range(rows):
        draft(actor, benefit)
    with CaptureQueriesContext(connection) as api:
        answer = call(Client(), creds, "ListBenefitApplications", {"Catalog": "AWS"},
                      service="partnercentral-benefits")  # fmt: skip
    assert len(answer.body["BenefitApplicationSummaries"]) == rows
    web = signed_in(make_user(creds.company, "alliance_team"))
    with CaptureQueriesContext(connection) as page:
        assert web.get("/funding/portal/").status_code == 200
    return len(api.captured_queries), len(page.captured_queries)


def test_a_list_page_costs_the_same_queries_for_2_rows_and_for_20() -> None:
    assert _counts(2) == _counts(20)
