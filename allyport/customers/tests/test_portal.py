"""Sell > Customer accounts: list and search, create, edit, delete with a confirmation;
and the trio (sign-in required, another company's record 404, a role without the
right 403 with the reason)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from allyport.access import actor as actors
from allyport.access.navigation import navigation
from allyport.audit.models import AuditEvent
from allyport.customers.models import CustomerAccount, DeletedCustomerAccount
from allyport.customers.services import accounts
from allyport.customers.tests.conftest import directory_entry, payload
from allyport.pipeline.tests.conftest import iam_actor
from allyport.pipeline.tests.test_portal_access import reason_of
from allyport.pipeline.tests.test_portal_support import field_errors, member, signed_in, text
from allyport.testing import make_company

pytestmark = pytest.mark.django_db
LIST = "/sell/customers/"
NEW = "/sell/customers/new/"


@pytest.fixture
def seller(company: Any) -> Any:
    return signed_in(member(company, "ace_user"))


def make(company: Any, name: str = "Example Corp", catalog: str = "AWS", **account: Any) -> Any:
    return accounts.create_customer_account(iam_actor(company), catalog, payload(name, **account))


def edit_url(account: Any) -> str:
    return reverse("customers:edit", args=[account.public_id])


def delete_url(account: Any) -> str:
    return reverse("customers:delete", args=[account.public_id])


def test_the_list_searches_by_name_and_status(company: Any, seller: Any) -> None:
    directory_entry()
    make(company, "Example Corp", Duns="123456789")
    make(company, "Nobody Inc", Domain="nobody.example")
    make(company, "Sandboxed", catalog="Sandbox")
    page = text(seller.get(LIST))
    assert "Example Corp" in page and "Nobody Inc" in page and "Sandboxed" not in page
    assert "Enriched" in page and "No match found" in page
    found = text(seller.get(LIST, {"q": "nobody"}))
    assert "Nobody Inc" in found and "Example Corp" not in found
    enriched = text(seller.get(LIST, {"status": "ENRICHED"}))
    assert "Example Corp" in enriched and "Nobody Inc" not in enriched
    assert "Sandboxed" in text(seller.get(LIST, {"catalog": "Sandbox"}))


def test_it_creates_an_account_and_shows_errors_next_to_fields(company: Any, seller: Any) -> None:
    refused = seller.post(NEW, {"catalog": "AWS", "company_name": "", "duns": "12"})
    assert set(field_errors(refused)) == {"company_name", "duns"}
    by_service = seller.post(NEW, {"catalog": "AWS", "company_name": "X", "domain": "not a domain"})
    assert list(field_errors(by_service)) == ["domain"]
    assert not CustomerAccount.objects.exists()
    response = seller.post(
        NEW,
        {"catalog": "AWS", "company_name": "Octank Retail", "website_url": "https://octank.example",
         "city": "Seattle", "country_code": "US", "partner_account_identifier": "crm-1"},
    )  # fmt: skip
    assert response["Location"] == LIST
    account = CustomerAccount.objects.get()
    assert account.data == {
        "CompanyName": "Octank Retail",
        "WebsiteUrl": "https://octank.example",
        "Address": {"City": "Seattle", "CountryCode": "US"},
    }
    assert account.partner_account_identifier == "crm-1"
    assert AuditEvent.objects.filter(event_name="CreateCustomerAccount").exists()


def test_it_edits_and_refuses_a_stale_edit(company: Any, seller: Any) -> None:
    account = make(company, "Before")
    page = seller.get(edit_url(account))
    assert page.context["form"]["company_name"].value() == "Before"
    read = page.context["last_modified"]
    saved = seller.post(edit_url(account), {"company_name": "After", "last_modified": read})
    assert saved.status_code == 302
    assert CustomerAccount.objects.get(pk=account.pk).company_name == "After"
    stale = seller.post(edit_url(account), {"company_name": "Again", "last_modified": read})
    assert stale.status_code == 200
    assert "Someone changed this customer account" in text(stale)
    assert CustomerAccount.objects.get(pk=account.pk).company_name == "After"


def test_it_deletes_after_confirmation(company: Any, seller: Any) -> None:
    account = make(company)
    confirm = seller.get(delete_url(account))
    assert "Delete customer account Example Corp" in text(confirm)
    assert CustomerAccount.objects.exists()
    assert seller.post(delete_url(account))["Location"] == LIST
    assert not CustomerAccount.objects.exists()
    assert DeletedCustomerAccount.objects.filter(public_id=account.public_id).exists()


def test_the_sell_menu_links_the_page(company: Any) -> None:
    pages = navigation(actors.for_user(member(company, "ace_manager")))["pages"]
    assert ("Sell", "Customer accounts", LIST) in pages


def every_page(account: Any) -> list[tuple[str, str]]:
    return [("GET", LIST), ("GET", NEW), ("GET", edit_url(account)), ("POST", edit_url(account)),
            ("GET", delete_url(account)), ("POST", delete_url(account))]  # fmt: skip


def call(client: Any, method: str, url: str) -> Any:
    return client.post(url, {"company_name": "Z"}) if method == "POST" else client.get(url)


def test_it_sends_visitors_to_sign_in(client: Any, company: Any) -> None:
    for method, url in every_page(make(company)):
        response = call(client, method, url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login")), url


def test_another_companys_and_missing_accounts_are_404(company: Any) -> None:
    theirs = make(make_company()[0], "Theirs")
    client = signed_in(member(company, "ace_manager"))
    missing = CustomerAccount(public_id="cust-acc-0000000000000")
    for method, url in every_page(theirs)[2:] + every_page(missing)[2:]:
        assert call(client, method, url).status_code == 404, (method, url)
    mine = make(company, catalog="Sandbox")
    assert client.get(edit_url(mine)).status_code == 404  # the other catalog is another world
    assert CustomerAccount.objects.get(pk=theirs.pk).company_name == "Theirs"


@pytest.mark.parametrize("role", ["standard_user", "technical_staff", "channel_user"])
def test_roles_without_the_opportunity_rights_are_refused_with_the_reason(
    company: Any, role: str
) -> None:
    user = member(company, role)
    client = signed_in(user)
    reason = reason_of(user, "menu:Sell/Opportunity Management")
    account = make(company, "Kept")
    for method, url in every_page(account):
        response = call(client, method, url)
        assert response.status_code == 403, url
        assert reason in text(response), url
    assert CustomerAccount.objects.get(pk=account.pk).company_name == "Kept"
