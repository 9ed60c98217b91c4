"""One set of rules for leads, whichever way they come in (import, the API's
CreateEngagement and engagement contexts), every error of a lead at once; an
opportunity edit never blanks a stored value it cannot show; and Create opportunity
only for a qualified lead."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from allyport.access import actor as actors
from allyport.core.errors import RuleViolation
from allyport.pipeline.engagements import contexts
from allyport.pipeline.engagements import services as engagements
from allyport.pipeline.engagements.models import Engagement
from allyport.pipeline.models import Opportunity
from allyport.pipeline.tests.test_leads_own import OWN, convert_url, make_lead
from allyport.pipeline.tests.test_portal_form import edit_url
from allyport.pipeline.tests.test_portal_support import (
    field_errors,
    form_data,
    opportunity_of,
    signed_in,
)
from allyport.testing import make_user

pytestmark = pytest.mark.django_db
BAD = {"Country": "USA", "Contact Email": "not-an-email"}


def lead_payload(country: str = "USA", email: str = "not-an-email") -> dict[str, Any]:
    return {
        "Customer": {"CompanyName": "Contoso", "Address": {"CountryCode": country}},
        "Interactions": [
            {
                "SourceType": "Web",
                "SourceName": "site",
                "CustomerAction": "Signed up",
                "InteractionDate": "2026-01-01T00:00:00Z",
                "Contact": {
                    "BusinessTitle": "CTO",
                    "FirstName": "Nina",
                    "LastName": "Wu",
                    "Email": email,
                },
            }
        ],
    }


def test_import_reports_every_rule_a_row_breaks(company: Any) -> None:
    with pytest.raises(RuleViolation) as refused:
        make_lead(company, **BAD)
    assert {error.field for error in refused.value.errors} == {"Country", "Contact Email"}
    assert not Engagement.objects.exists()


def test_the_api_refuses_what_import_refuses(company: Any) -> None:
    actor = actors.for_user(make_user(company, "ace_manager"))
    request = {
        "Title": "Contoso",
        "Description": "From the CRM",
        "Contexts": [{"Type": "Lead", "Payload": {"Lead": lead_payload()}}],
    }
    with pytest.raises(RuleViolation) as refused:
        engagements.create_engagement(actor, "AWS", request)
    assert {error.field for error in refused.value.errors} == {
        "Contexts[0].Payload.Lead.Customer.Address.CountryCode",
        "Contexts[0].Payload.Lead.Interactions[0].Contact.Email",
    }
    assert "USA is not a country code" in refused.value.errors[0].message
    assert not Engagement.objects.exists()


def test_a_lead_context_added_or_updated_is_checked_too(company: Any) -> None:
    actor = actors.for_user(make_user(company, "ace_manager"))
    engagement = make_lead(company)
    with pytest.raises(RuleViolation) as refused:
        contexts.create_context(
            actor,
            "AWS",
            engagement.public_id,
            "Lead",
            {"Lead": lead_payload("XX", "nina@contoso.example")},
        )
    assert [e.field for e in refused.value.errors] == ["Payload.Lead.Customer.Address.CountryCode"]
    update = {"Lead": {"Interaction": lead_payload(country="US")["Interactions"][0]}}
    with pytest.raises(RuleViolation) as refused:
        contexts.update_context(
            actor, "AWS", engagement.public_id, "1", engagement.modified_at, "Lead", update
        )
    assert [e.field for e in refused.value.errors] == ["Payload.Lead.Interaction.Contact.Email"]


def test_an_edit_does_not_blank_a_stored_country_it_cannot_offer(ace: Any) -> None:
    """A country stored before the rules (`USA`) stays selected, and saving it is
    refused next to the field instead of blanking it."""
    opportunity = opportunity_of(ace)
    data = dict(opportunity.data)
    data["Customer"]["Account"]["Address"]["CountryCode"] = "USA"
    Opportunity.objects.filter(pk=opportunity.pk).update(data=data)
    client = signed_in(ace)
    page = client.get(edit_url(opportunity))
    assert page.context["form"]["customer_country_code"].value() == "USA"
    html = page.content.decode()
    assert '<option value="USA" selected>USA (stored, not a valid choice)</option>' in html
    stamp = page.context["stamp"]
    posted = form_data(customer_country_code="USA", last_modified_date=stamp)
    posted.pop("catalog")
    response = client.post(edit_url(opportunity), posted)
    assert response.status_code == 200
    assert "customer_country_code" in field_errors(response)
    opportunity.refresh_from_db()
    assert opportunity.data["Customer"]["Account"]["Address"]["CountryCode"] == "USA"


@pytest.fixture
def ace(company: Any) -> Any:
    return make_user(company, "ace_manager")


@pytest.fixture
def manager_client(company: Any, client_for: Callable[..., Client]) -> Client:
    return client_for(make_user(company, "ace_manager"))


@pytest.mark.parametrize("status", ["", "Working", "Disqualified"])
def test_only_a_qualified_lead_becomes_an_opportunity_on_the_leads_tab(
    company: Any, manager_client: Client, status: str
) -> None:
    engagement = make_lead(company, **{"Qualification Status": status})
    page = manager_client.get(OWN).content.decode()
    assert "Create opportunity" not in page
    assert "Qualify the lead to create an opportunity." in page
    refused = manager_client.post(convert_url(engagement), follow=True).content.decode()
    assert "Only a qualified lead becomes an opportunity" in refused
    assert not Opportunity.objects.exists()
