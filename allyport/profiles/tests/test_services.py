"""The profile services for each kind of caller: listing versions and their approval,
company fields, locations, visibility, tenancy and rights."""

from __future__ import annotations

import pytest

from allyport.access.actor import Actor
from allyport.access.decisions import PermissionDenied
from allyport.audit.models import AuditEvent
from allyport.core.errors import Conflict, NotFound, RuleViolation
from allyport.profiles.models import CompanyProfile, FinderListing, Location, ProfileVersion
from allyport.profiles.selectors import partner as partner_reads
from allyport.profiles.services import listing, locations, profile
from allyport.profiles.tests.conftest import details, iam, lead_actor, member, staff
from allyport.testing import make_company

pytestmark = pytest.mark.django_db


def test_a_registered_company_s_listing_change_applies_at_once_as_a_numbered_version() -> None:
    company, lead = make_company("Octank")
    version = listing.start_profile_update(lead_actor(lead), company, details())
    assert (version.number, version.status) == (1, "SUCCEEDED")
    stored = CompanyProfile.objects.get(company=company)
    assert stored.display_name == "Octank Cloud"
    assert version.changes["DisplayName"] == {"from": "Octank", "to": "Octank Cloud"}
    assert version.created_by == lead
    event = AuditEvent.objects.get(event_name="StartProfileUpdateTask")
    assert event.record["eventSource"] == "partnercentral-account.amazonaws.com"


def test_a_listed_company_s_change_waits_for_staff_and_then_publishes(validated) -> None:
    company, lead = validated
    version = listing.start_profile_update(iam(company), company, details(DisplayName="New Name"))
    assert version.status == "IN_PROGRESS"
    assert CompanyProfile.objects.get(company=company).display_name != "New Name"
    with pytest.raises(Conflict):
        listing.start_profile_update(lead_actor(lead), company, details())
    listing.approve_profile_update(staff(), version)
    assert CompanyProfile.objects.get(company=company).display_name == "New Name"
    assert FinderListing.objects.get(company=company).display_name == "New Name"
    task = partner_reads.latest_profile_task(company)
    assert partner_reads.profile_task_view(task)["Status"] == "SUCCEEDED"


def test_cancel_and_reject(validated) -> None:
    company, lead = validated
    first = listing.start_profile_update(lead_actor(lead), company, details())
    assert (
        listing.cancel_profile_update(lead_actor(lead), company, first.task_id).status == "CANCELED"
    )
    with pytest.raises(Conflict):
        listing.cancel_profile_update(lead_actor(lead), company, first.task_id)
    second = listing.start_profile_update(lead_actor(lead), company, details())
    refused = listing.reject_profile_update(staff(), second, "The logo is blurred", "INVALID_LOGO")
    view = partner_reads.profile_task_view(refused)
    assert view["Status"] == "FAILED"
    assert view["ErrorDetailList"][0] == {
        "Locale": "en-US",
        "Message": "The logo is blurred",
        "Reason": "INVALID_LOGO",
    }


def test_every_task_details_error_is_named_at_once() -> None:
    company, lead = make_company()
    with pytest.raises(RuleViolation) as refused:
        listing.start_profile_update(
            lead_actor(lead), company,
            details(
                DisplayName="", WebsiteUrl="http://x", IndustrySegments=[],
                TranslationSourceLocale="en",
            ),
        )  # fmt: skip
    fields = {error.field for error in refused.value.errors}
    assert fields == {
        "TaskDetails.DisplayName", "TaskDetails.WebsiteUrl", "TaskDetails.IndustrySegments",
        "TaskDetails.TranslationSourceLocale",
    }  # fmt: skip


def test_members_without_the_right_and_other_companies_are_refused() -> None:
    company, _lead = make_company()
    other, other_lead = make_company()
    with pytest.raises(PermissionDenied) as refused:
        listing.start_profile_update(member(company, "ace_user"), company, details())
    assert "alliance lead" in str(refused.value)
    with pytest.raises(PermissionDenied) as refused:
        listing.start_profile_update(lead_actor(other_lead), company, details())
    assert str(refused.value) == "not found"
    with pytest.raises(PermissionDenied):
        listing.start_profile_update(Actor.system(), company, details())
    with pytest.raises(NotFound):
        partner_reads.partner_for(
            lead_actor(other_lead), company.public_id, partner_reads_permission()
        )


def partner_reads_permission():  # type: ignore[no-untyped-def]
    from allyport.profiles.permissions import GET_PARTNER

    return GET_PARTNER


def test_company_tab_splits_own_fields_from_the_listing(validated) -> None:
    company, lead = validated
    change = profile.update_company_profile(
        lead_actor(lead), company,
        {"phone": "+1 555 0100", "customer_segments": ["SMB"], "countries_served": ["US", "DE"],
         "display_name": "Validated Partner Ltd", "industry_segments": ["RETAIL"],
         "description": "We build things."},
    )  # fmt: skip
    assert change.company_version is not None and change.company_version.status == "SUCCEEDED"
    assert change.listing_version is not None and change.listing_version.status == "IN_PROGRESS"
    company.refresh_from_db()
    assert company.phone == "+1 555 0100"
    assert change.company_version.changes["countries_served"] == {"from": [], "to": ["US", "DE"]}


def test_one_headquarters_and_the_api_headquarters(validated) -> None:
    company, lead = validated
    actor = lead_actor(lead)
    first = locations.create_location(
        actor,
        company,
        {"name": "Main", "city": "Seattle", "country": "US", "is_headquarters": True},
    )
    locations.create_location(
        actor,
        company,
        {"name": "Berlin", "city": "Berlin", "country": "de", "is_headquarters": True},
    )
    first.refresh_from_db()
    assert not first.is_headquarters
    assert Location.objects.get(company=company, is_headquarters=True).name == "Berlin"
    assert partner_reads.partner_profile(company)["Headquarters"]["CountryCode"] == "DE"
    with pytest.raises(RuleViolation) as refused:
        locations.create_location(actor, company, {"name": "", "city": "", "country": ""})
    assert {e.field for e in refused.value.errors} == {"name", "city", "country"}
    assert ProfileVersion.objects.filter(company=company, section="locations").count() == 2


def test_visibility_decides_the_listing(validated) -> None:
    company, lead = validated
    actor = lead_actor(lead)
    profile.put_profile_visibility(actor, company, "PUBLIC")
    assert FinderListing.objects.filter(company=company).exists()
    profile.put_profile_visibility(iam(company), company, "PRIVATE")
    assert not FinderListing.objects.filter(company=company).exists()
    assert AuditEvent.objects.filter(event_name="PutProfileVisibility").count() == 2
