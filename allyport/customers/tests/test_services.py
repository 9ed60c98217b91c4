"""Customer-account services: create, read, update with concurrency, delete, the
enrichment outcomes, tenancy and rights."""

from __future__ import annotations

from datetime import timedelta

import pytest

from allyport.access.decisions import PermissionDenied
from allyport.audit.models import AuditEvent
from allyport.core.errors import Conflict, NotFound, RuleViolation
from allyport.customers.models import CustomerAccount, DirectoryEntry, EnrichmentStatus
from allyport.customers.services import accounts
from allyport.customers.services.scope import customer_account_arn
from allyport.customers.tests.conftest import directory_entry, payload
from allyport.pipeline.tests.conftest import iam_actor, member_actor
from allyport.testing import make_company

pytestmark = pytest.mark.django_db


def reread(account: CustomerAccount) -> CustomerAccount:
    return CustomerAccount.objects.get(pk=account.pk)


def test_create_answers_pending_and_the_task_enriches_by_duns(known: DirectoryEntry) -> None:
    company, _lead = make_company()
    account = accounts.create_customer_account(
        iam_actor(company), "AWS", payload(Duns="123456789", WebsiteUrl="https://other.example")
    )
    assert account.enrichment_status == EnrichmentStatus.PENDING  # as the answer shows it
    stored = reread(account)
    assert stored.enrichment_status == EnrichmentStatus.ENRICHED
    assert stored.directory_entry == known
    customer = stored.enrichment["Customer"]
    assert customer["AccountName"] == "Example Corporation"
    assert customer["EligiblePrograms"] == ["MAP", "ISV Accelerate"]
    assert stored.enrichment["Insights"]["SolutionScore"] == "Medium"
    assert (stored.geo, stored.engagement_rank, stored.solution_rank) == ("AMER", 3, 2)
    assert sorted(stored.programs.values_list("program", flat=True)) == ["ISV Accelerate", "MAP"]
    assert AuditEvent.objects.filter(event_name="EnrichCustomerAccount").count() == 1


@pytest.mark.parametrize(
    "account",
    [{"WebsiteUrl": "https://WWW.Example.com/about"}, {"Domain": "example.com"}],
)
def test_without_duns_the_website_or_domain_host_matches(
    known: DirectoryEntry, account: dict[str, str]
) -> None:
    company, _lead = make_company()
    created = accounts.create_customer_account(iam_actor(company), "AWS", payload(**account))
    assert reread(created).directory_entry == known


def test_no_match_found(known: DirectoryEntry) -> None:
    company, _lead = make_company()
    created = accounts.create_customer_account(
        iam_actor(company), "AWS", payload(Duns="999999999", Domain="unknown.example")
    )
    stored = reread(created)
    assert stored.enrichment_status == EnrichmentStatus.NO_MATCH_FOUND
    assert stored.enrichment == {} and stored.directory_entry is None and stored.message


def test_a_second_account_of_the_same_customer_needs_action(known: DirectoryEntry) -> None:
    company, _lead = make_company()
    actor = iam_actor(company)
    first = accounts.create_customer_account(actor, "AWS", payload(Duns="123456789"))
    second = accounts.create_customer_account(actor, "AWS", payload(Domain="example.com"))
    held = reread(second)
    assert held.enrichment_status == EnrichmentStatus.ACTION_REQUIRED
    assert held.reason_code == "DUPLICATE_CUSTOMER_MATCH"
    assert held.existing_account_id == first.public_id
    assert held.enrichment == {}
    # Another catalog and another company each keep their own mapping of the customer.
    sandbox = accounts.create_customer_account(actor, "Sandbox", payload(Duns="123456789"))
    other = accounts.create_customer_account(
        iam_actor(make_company()[0]), "AWS", payload(Duns="123456789")
    )
    assert reread(sandbox).enrichment_status == EnrichmentStatus.ENRICHED
    assert reread(other).enrichment_status == EnrichmentStatus.ENRICHED
    # Deleting the first frees the customer: the held account is matched again.
    accounts.delete_customer_account(actor, "AWS", first.public_id)
    freed = reread(second)
    assert freed.enrichment_status == EnrichmentStatus.ENRICHED
    assert freed.existing_account_id == "" and freed.reason_code == ""


def test_update_replaces_the_account_and_matches_again(known: DirectoryEntry) -> None:
    company, _lead = make_company()
    actor = iam_actor(company)
    created = accounts.create_customer_account(
        actor,
        "AWS",
        {**payload(Duns="123456789", Industry="Retail"), "PartnerAccountIdentifier": "crm-7"},
    )
    before = reread(created)
    updated = accounts.update_customer_account(
        actor,
        "AWS",
        created.public_id,
        payload("Renamed Corp", Domain="nowhere.example"),
        last_modified_date=before.last_modified_date,
    )
    assert updated.last_modified_date > before.last_modified_date
    stored = reread(created)
    assert stored.data == {"CompanyName": "Renamed Corp", "Domain": "nowhere.example"}
    assert stored.partner_account_identifier == "crm-7"  # kept when not given
    assert stored.enrichment_status == EnrichmentStatus.NO_MATCH_FOUND
    assert not stored.programs.exists() and stored.geo == ""
    with pytest.raises(Conflict):  # the date read before the update is stale now
        accounts.update_customer_account(
            actor, "AWS", created.public_id, payload(), last_modified_date=before.last_modified_date
        )
    with pytest.raises(Conflict):
        accounts.update_customer_account(
            actor,
            "AWS",
            created.public_id,
            payload(),
            last_modified_date=stored.last_modified_date + timedelta(milliseconds=1),
        )


def test_rules_name_the_field() -> None:
    company, _lead = make_company()
    with pytest.raises(RuleViolation) as refused:
        accounts.create_customer_account(
            iam_actor(company), "AWS", payload("  ", WebsiteUrl="not a website")
        )
    fields = [error.field for error in refused.value.errors]
    assert fields == ["Account.CompanyName", "Account.WebsiteUrl"]
    with pytest.raises(RuleViolation) as tagged:
        accounts.create_customer_account(
            iam_actor(company), "AWS", {**payload(), "Tags": [{"Key": "aws:x", "Value": "v"}]}
        )
    assert tagged.value.errors[0].field == "Tags[0].Key"
    assert not CustomerAccount.objects.exists()


def test_delete_is_idempotent_and_ids_never_seen_are_not_found() -> None:
    company, _lead = make_company()
    actor = iam_actor(company)
    created = accounts.create_customer_account(actor, "AWS", payload())
    accounts.delete_customer_account(actor, "AWS", created.public_id)
    accounts.delete_customer_account(actor, "AWS", created.public_id)  # again: fine
    assert not CustomerAccount.objects.exists()
    with pytest.raises(NotFound):
        accounts.get_customer_account(actor, "AWS", created.public_id)
    with pytest.raises(NotFound):
        accounts.delete_customer_account(actor, "AWS", "cust-acc-0000000000000")
    with pytest.raises(NotFound):  # the tombstone is the company's and the catalog's
        accounts.delete_customer_account(actor, "Sandbox", created.public_id)


def test_another_company_and_the_other_catalog_find_nothing() -> None:
    company, _lead = make_company()
    created = accounts.create_customer_account(iam_actor(company), "AWS", payload())
    stranger = iam_actor(make_company()[0])
    for call in (
        lambda: accounts.get_customer_account(stranger, "AWS", created.public_id),
        lambda: accounts.delete_customer_account(stranger, "AWS", created.public_id),
        lambda: accounts.update_customer_account(
            stranger, "AWS", created.public_id, payload(), last_modified_date=created.created_date
        ),
        lambda: accounts.get_customer_account(iam_actor(company), "Sandbox", created.public_id),
    ):
        with pytest.raises(NotFound):
            call()
    assert reread(created).company_name == "Example Corp"


def test_arn_identifiers_must_name_the_callers_account_and_catalog() -> None:
    company, _lead = make_company()
    actor = iam_actor(company)
    created = accounts.create_customer_account(actor, "AWS", payload())
    # The company has no linked cloud account: no 12-digit account can be its own.
    arn = customer_account_arn("AWS", created.public_id, "111122223333")
    with pytest.raises(NotFound):
        accounts.get_customer_account(actor, "AWS", arn)


def test_portal_members_need_the_opportunity_rights() -> None:
    company, _lead = make_company()
    _user, ace = member_actor(company, "ace_user")
    created = accounts.create_customer_account(ace, "AWS", payload())
    assert AuditEvent.objects.filter(event_name="CreateCustomerAccount").count() == 1
    _other, standard = member_actor(company, "standard_user")
    with pytest.raises(PermissionDenied):
        accounts.get_customer_account(standard, "AWS", created.public_id)


def test_directory_keeps_hosts_without_www() -> None:
    entry = directory_entry(website_domain="https://www.Sample.example/", duns="")
    assert entry.website_domain == "sample.example"


def test_the_demo_directory_loads_once_and_matches() -> None:
    from allyport.home.demo.customers import ENTRIES, load_directory_demo

    load_directory_demo()
    load_directory_demo()
    assert DirectoryEntry.objects.count() == len(ENTRIES)
    company, _lead = make_company()
    created = accounts.create_customer_account(
        iam_actor(company), "AWS", payload("Octank", WebsiteUrl="https://www.octankbank.example")
    )
    assert reread(created).enrichment["Customer"]["AccountName"] == "Octank Bank"
