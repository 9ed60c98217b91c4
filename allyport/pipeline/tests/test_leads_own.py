"""Leads Management > Your leads: the company's lead engagements, lead rows as the
import writes them, and Create opportunity — with the trio for each page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from allyport.access import actor as actors
from allyport.audit.models import AuditEvent
from allyport.core.errors import RuleViolation
from allyport.pipeline.engagements.models import Engagement
from allyport.pipeline.leads import services as leads
from allyport.pipeline.models import Opportunity
from allyport.testing import make_user

pytestmark = pytest.mark.django_db
OWN = reverse("leads:own")
ROW = {
    "Company Name": "Contoso Retail",
    "Country": "US",
    "Industry": "Retail",
    "Website": "https://contoso.example",
    "Qualification Status": "Qualified",
    "Contact Business Title": "CTO",
    "Contact First Name": "Nina",
    "Contact Last Name": "Wu",
    "Contact Email": "nina@contoso.example",
    "Use Case": "Analytics",
    "Business Problem": "Their reporting runs on spreadsheets and needs a warehouse.",
}


def make_lead(company: Any, **changes: str) -> Engagement:
    manager = actors.for_user(make_user(company, "ace_manager"))
    return leads.create_lead(
        manager, "AWS", {**ROW, **changes}, source_name="leads.csv", source_id="2"
    )


def convert_url(engagement: Engagement, context_id: str = "1") -> str:
    return reverse("leads:create_opportunity", args=[engagement.public_id, context_id])


@pytest.fixture
def manager_client(company: Any, client_for: Callable[..., Client]) -> Client:
    return client_for(make_user(company, "ace_manager"))


def test_a_lead_row_becomes_an_engagement_with_its_lead_context(company: Any) -> None:
    engagement = make_lead(company)
    assert engagement.title == "Contoso Retail"
    (context,) = engagement.contexts
    assert (context["Id"], context["Type"]) == ("1", "Lead")
    lead = context["Payload"]["Lead"]
    assert lead["Customer"] == {
        "CompanyName": "Contoso Retail",
        "Address": {"CountryCode": "US"},
        "Industry": "Retail",
        "WebsiteUrl": "https://contoso.example",
    }
    (interaction,) = lead["Interactions"]
    assert interaction["Contact"]["Email"] == "nina@contoso.example"
    assert (interaction["SourceName"], interaction["SourceId"]) == ("leads.csv", "2")
    assert [m.company_id for m in engagement.members.all()] == [company.pk]


def test_a_bad_row_names_its_columns_and_writes_nothing(company: Any) -> None:
    with pytest.raises(RuleViolation) as refused:
        make_lead(company, **{"Company Name": "", "Contact Email": "", "Postal Code": "9" * 30})
    fields = {error.field for error in refused.value.errors}
    assert fields == {"Company Name", "Contact Email", "Postal Code"}
    assert not Engagement.objects.exists()


def test_your_leads_lists_the_companys_leads_only(
    company: Any, outsider: Any, manager_client: Client
) -> None:
    make_lead(company)
    make_lead(outsider.company, **{"Company Name": "Someone Else Corp"})
    page = manager_client.get(OWN).content.decode()
    assert "Contoso Retail" in page and "nina@contoso.example" in page
    assert "Someone Else Corp" not in page
    assert "Create opportunity" in page
    assert reverse("bulk:import_leads") in page
    assert "Contoso Retail" not in manager_client.get(OWN + "?catalog=Sandbox").content.decode()


def test_create_opportunity_makes_the_leads_opportunity_once(
    company: Any, manager_client: Client
) -> None:
    engagement = make_lead(company)
    response = manager_client.post(convert_url(engagement), follow=True)
    opportunity = Opportunity.objects.get(company=company)
    page = response.content.decode()
    assert f"Opportunity {opportunity.public_id} was created from the lead." in page
    assert opportunity.customer_company_name == "Contoso Retail"
    assert reverse("pipeline:opportunity", args=[opportunity.public_id]) in page
    (record,) = AuditEvent.objects.filter(event_name="StartOpportunityFromEngagementTask")
    assert record.company == company
    assert record.record["responseElements"]["opportunityId"] == opportunity.public_id
    again = manager_client.post(convert_url(engagement), follow=True).content.decode()
    assert "was created from this context already" in again
    assert Opportunity.objects.filter(company=company).count() == 1


def test_a_disqualified_lead_is_not_converted(company: Any, manager_client: Client) -> None:
    engagement = make_lead(company, **{"Qualification Status": "Disqualified"})
    page = manager_client.post(convert_url(engagement), follow=True).content.decode()
    assert "Only a qualified lead becomes an opportunity" in page
    assert not Opportunity.objects.exists()


def test_every_page_requires_sign_in(client: Client, company: Any) -> None:
    engagement = make_lead(company)
    for method, url in (("get", OWN), ("post", convert_url(engagement))):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/login" in response["Location"], url


def test_another_companys_lead_is_not_found(
    company: Any, outsider: Any, client_for: Callable[..., Client]
) -> None:
    engagement = make_lead(company)
    theirs = client_for(outsider)
    assert theirs.post(convert_url(engagement)).status_code == 404
    assert "Contoso" not in theirs.get(OWN).content.decode()
    assert not Opportunity.objects.exists()


@pytest.mark.parametrize("role", ["ace_user", "marketing_staff"])
def test_roles_without_the_manage_all_right_see_only_their_own_leads(
    company: Any, client_for: Callable[..., Client], role: str
) -> None:
    engagement = make_lead(company)
    member = client_for(make_user(company, role))
    page = member.get(OWN)
    assert page.status_code == 200 and "Contoso" not in page.content.decode()
    assert "No leads to show in this catalog yet." in page.content.decode()
    assert member.post(convert_url(engagement)).status_code == 403
    assert not Opportunity.objects.exists()


def test_the_tabs_link_both_lists(manager_client: Client) -> None:
    shared = manager_client.get(reverse("leads:list")).content.decode()
    assert OWN in shared and "Your leads" in shared
    assert reverse("leads:list") in manager_client.get(OWN).content.decode()
