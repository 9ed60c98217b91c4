"""The portal and the API act on the same customer accounts."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from allyport.awsapi.tests.conftest import make_credentials
from allyport.awsapi.tests.contract.conftest import call
from allyport.customers.tests.test_portal import LIST
from allyport.pipeline.tests.test_portal_support import member, signed_in, text

pytestmark = pytest.mark.django_db


def test_the_portal_and_the_api_act_on_the_same_accounts(settings: Any) -> None:
    settings.ALLYPORT_API_THROTTLING = False
    creds = make_credentials()
    made = call(Client(), creds, "CreateCustomerAccount",
                {"Catalog": "AWS", "Account": {"CompanyName": "From the API"}})  # fmt: skip
    assert made.status == 200, made.body
    portal = signed_in(member(creds.company, "ace_manager"))
    assert "From the API" in text(portal.get(LIST))
    page = portal.get(reverse("customers:edit", args=[made.body["Id"]]))
    portal.post(
        reverse("customers:edit", args=[made.body["Id"]]),
        {"company_name": "Renamed in the portal", "last_modified": page.context["last_modified"]},
    )
    got = call(
        Client(), creds, "GetCustomerAccount", {"Catalog": "AWS", "Identifier": made.body["Id"]}
    )
    assert got.body["Account"] == {"CompanyName": "Renamed in the portal"}
