"""Create and edit: what the form writes is what the API returns, every error at
once by field with nothing written, stale edits, read-only and Action Required."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from allyport.access import actor as actors
from allyport.access.actor import system
from allyport.audit.models import AuditEvent
from allyport.core.errors import FieldError
from allyport.pipeline import services
from allyport.pipeline.forms.opportunity import OpportunityForm
from allyport.pipeline.forms.opportunity_layout import field_for
from allyport.pipeline.models import Opportunity
from allyport.pipeline.tests.conftest import complete, iam_actor
from allyport.pipeline.tests.test_portal_support import (
    field_errors,
    form_data,
    member,
    opportunity_of,
    signed_in,
    text,
    with_solution,
)

pytestmark = pytest.mark.django_db
NEW = "/sell/opportunities/new/"


def edit_url(opportunity: Opportunity) -> str:
    return reverse("pipeline:opportunity_edit", args=[opportunity.public_id])


def api_view(opportunity: Opportunity) -> dict[str, Any]:
    """GetOpportunity's answer without what differs between two records."""
    view = services.opportunity_view(opportunity, "123456789012")
    for key in ("Id", "Arn", "CreatedDate", "LastModifiedDate"):
        view.pop(key)
    view["LifeCycle"].pop("NextStepsHistory", None)
    return view


@pytest.fixture
def ace(company: Any) -> Any:
    return member(company, "ace_user", email="ana@octank.example")


def test_it_creates_what_the_api_would_create(ace: Any) -> None:
    response = signed_in(ace).post(NEW, form_data())
    assert response.status_code == 302
    created = Opportunity.objects.get()
    assert response["Location"] == reverse("pipeline:opportunity", args=[created.public_id])
    actor = actors.for_user(ace)
    read = services.get_opportunity(actor, "AWS", created.public_id)
    assert read.owner == ace
    by_api = services.create_opportunity(iam_actor(ace.company), "AWS", complete())
    assert api_view(read) == api_view(by_api)
    console = AuditEvent.objects.filter(event_type="AwsConsoleAction")
    assert console.filter(event_name="CreateOpportunity").count() == 1  # the UI one


def test_it_creates_in_the_sandbox_catalog(ace: Any) -> None:
    response = signed_in(ace).post(NEW + "?catalog=Sandbox", form_data(catalog="Sandbox"))
    created = Opportunity.objects.get()
    assert created.catalog == "Sandbox"
    assert response["Location"].endswith("?catalog=Sandbox")


def test_it_shows_every_error_at_once_and_writes_nothing(ace: Any) -> None:
    past = (timezone.localdate() - timedelta(days=3)).isoformat()
    bad = form_data(
        customer_company_name="",  # required
        customer_website_url="ab",  # too short for the model
        customer_industry="Other",  # business rule: name it
        contact_phone="12345",  # the model's pattern
        contact_email="not an email",
        customer_business_problem="too short",  # 20 characters at least
        spend_amount="12,50",  # the model's pattern
        spend_currency_code="JPY",  # business rule: USD or EUR
        stage="Nowhere",  # not in the enum
        target_close_date=past,  # business rule: not in the past
        national_security="Yes",  # business rule: only for Government
        delivery_models=["SaaS or PaaS", "Teleportation"],
    )
    response = signed_in(ace).post(NEW, bad)
    assert response.status_code == 200
    errors = field_errors(response)
    assert set(errors) == {
        "customer_company_name",
        "customer_website_url",
        "customer_other_industry",
        "contact_phone",
        "contact_email",
        "customer_business_problem",
        "spend_amount",
        "spend_currency_code",
        "stage",
        "target_close_date",
        "national_security",
        "delivery_models",
    }
    assert errors["spend_currency_code"] == ["The currency must be USD or EUR."]
    assert errors["target_close_date"] == ["The target close date cannot be in the past."]
    assert errors["contact_phone"] == [
        "Enter the number in international format, such as +14155550100."
    ]
    page = text(response)
    assert "Correct the 12 fields marked below." in page
    assert "Name the industry when it is Other." in page
    assert not Opportunity.objects.exists()
    assert not AuditEvent.objects.filter(event_name="CreateOpportunity").exists()


def test_it_shows_the_services_refusal_by_field_and_writes_nothing(ace: Any) -> None:
    response = signed_in(ace).post(NEW, form_data(stage="Committed"))
    assert field_errors(response) == {
        "stage": ["Associate a solution or a Marketplace product before Committed."]
    }
    assert not Opportunity.objects.exists()


def test_it_shows_errors_of_paths_without_a_field_at_the_top() -> None:
    form = OpportunityForm({"customer_company_name": "X", "spend_frequency": "Monthly"})
    assert form.is_valid()
    form.add_field_errors(
        [
            FieldError("RelatedEntityIdentifiers.Solutions", "Associate one."),
            FieldError("Project.ExpectedCustomerSpend[0].CurrencyCode", "USD or EUR."),
            FieldError("Project.DeliveryModels[1]", "Unknown model."),
        ]
    )
    assert form.non_field_errors() == ["Associate one."]
    assert form.errors["spend_currency_code"] == ["USD or EUR."]
    assert form.errors["delivery_models"] == ["Unknown model."]
    assert field_for("Customer.Contacts[0].Email") == "contact_email"
    assert field_for("Customer.Contacts[3].Email") is None


def test_it_edits_with_the_stored_last_modified_date(ace: Any) -> None:
    opportunity = opportunity_of(ace)
    client = signed_in(ace)
    page = client.get(edit_url(opportunity))
    assert page.context["form"]["project_title"].value() == "Data lake migration"
    stamp = page.context["stamp"]
    assert stamp == opportunity.last_modified_date.isoformat()
    assert f'name="last_modified_date" value="{stamp}"' in page.content.decode()
    data = form_data(project_title="Data lake, phase 2", last_modified_date=stamp)
    data.pop("catalog")
    response = client.post(edit_url(opportunity), data)
    assert response.status_code == 302, field_errors(response)
    read = services.get_opportunity(actors.for_user(ace), "AWS", opportunity.public_id)
    assert read.data["Project"]["Title"] == "Data lake, phase 2"
    assert read.last_modified_date > opportunity.last_modified_date


def test_it_keeps_what_the_form_does_not_show(ace: Any) -> None:
    payload = complete()
    payload["Customer"]["Contacts"].append({"Email": "cfo@example.com", "FirstName": "Cy"})
    payload["SoftwareRevenue"] = {"DeliveryModel": "Contract"}
    opportunity = services.create_opportunity(actors.for_user(ace), "AWS", payload)
    client = signed_in(ace)
    stamp = client.get(edit_url(opportunity)).context["stamp"]
    data = form_data(next_steps="Send the proposal", last_modified_date=stamp)
    assert client.post(edit_url(opportunity), data).status_code == 302
    opportunity.refresh_from_db()
    assert opportunity.data["Customer"]["Contacts"][1]["Email"] == "cfo@example.com"
    assert opportunity.data["SoftwareRevenue"] == {"DeliveryModel": "Contract"}
    assert [step["Value"] for step in opportunity.life_cycle["NextStepsHistory"]] == [
        "Call the buyer",
        "Send the proposal",
    ]


def test_it_refuses_a_stale_edit_with_a_reload_message(ace: Any, company: Any) -> None:
    opportunity = opportunity_of(ace)
    client = signed_in(ace)
    stamp = client.get(edit_url(opportunity)).context["stamp"]
    changed = services.update_opportunity(
        iam_actor(company),
        "AWS",
        opportunity.public_id,
        complete(PartnerOpportunityIdentifier="crm-2"),
        last_modified_date=opportunity.last_modified_date,
    )
    response = client.post(
        edit_url(opportunity), form_data(project_title="Mine", last_modified_date=stamp)
    )
    assert response.status_code == 200
    page = text(response)
    assert "This opportunity was changed meanwhile" in page
    assert "Reload" in page
    assert response.context["form"]["project_title"].value() == "Mine"  # the input is kept
    opportunity.refresh_from_db()
    assert opportunity.last_modified_date == changed.last_modified_date
    assert opportunity.data["Project"]["Title"] == "Data lake migration"


@pytest.mark.parametrize("status", ["Submitted", "In review", "Rejected"])
def test_it_shows_read_only_opportunities_without_an_edit_button(ace: Any, status: str) -> None:
    opportunity = with_solution(ace, opportunity_of(ace))
    opportunity = services.submit_opportunity(
        actors.for_user(ace), "AWS", opportunity.public_id, "Co-Sell"
    )
    if status != "Submitted":
        services.set_review_status(system(), opportunity, status, reason="Not a fit")
    client = signed_in(ace)
    detail = client.get(reverse("pipeline:opportunity", args=[opportunity.public_id]))
    reason = f"It is read-only while its review status is {status}."
    assert reason in text(detail)
    assert edit_url(opportunity) not in detail.content.decode()
    page = client.get(edit_url(opportunity))
    assert reason in text(page) and "form" not in page.context
    before = Opportunity.objects.get(pk=opportunity.pk).last_modified_date
    client.post(edit_url(opportunity), form_data(project_title="Changed"))
    assert Opportunity.objects.get(pk=opportunity.pk).last_modified_date == before


def test_it_edits_only_the_allowed_fields_while_action_is_required(ace: Any) -> None:
    opportunity = with_solution(ace, opportunity_of(ace))
    services.submit_opportunity(actors.for_user(ace), "AWS", opportunity.public_id, "Co-Sell")
    opportunity.refresh_from_db()
    services.set_review_status(system(), opportunity, "Action Required", reason="Fix the site")
    client = signed_in(ace)
    page = client.get(edit_url(opportunity))
    form = page.context["form"]
    assert form.fields["project_title"].disabled and form.fields["stage"].disabled
    assert not form.fields["customer_website_url"].disabled
    assert not form.fields["customer_business_problem"].disabled
    assert "Fix the site" in text(page)
    data = form_data(
        project_title="Sneaky change",
        customer_website_url="https://example.org",
        last_modified_date=page.context["stamp"],
    )
    response = client.post(edit_url(opportunity), data)
    assert response.status_code == 302, field_errors(response)
    opportunity.refresh_from_db()
    assert opportunity.data["Customer"]["Account"]["WebsiteUrl"] == "https://example.org"
    assert opportunity.data["Project"]["Title"] == "Data lake migration"
    assert opportunity.review_status == "Submitted"  # answered: back to AWS


def test_it_labels_every_field_and_offers_the_models_values(ace: Any) -> None:
    response = signed_in(ace).get(NEW + "?catalog=Sandbox")
    form = response.context["form"]
    page = response.content.decode()
    for field in form.visible_fields():
        multiple = field.field.widget.use_fieldset
        labelled = f"<legend>{field.label}" if multiple else f'<label for="{field.id_for_label}"'
        assert labelled in page, field.name
    assert form["catalog"].value() == "Sandbox"
    assert ("Government", "Government") in form.fields["customer_industry"].choices
    assert ("Closed Lost", "Closed Lost") in form.fields["stage"].choices
    assert ("US", "United States of America (US)") in form.fields["customer_country_code"].choices
