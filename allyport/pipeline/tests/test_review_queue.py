"""The operator side in the admin: the review queue's actions (In review, Approved,
Action Required and Rejected with a reason on an intermediate page) and the form
that shares a referral or lead with a partner company."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.admin import helpers
from django.core import mail
from django.test import Client
from django.urls import reverse

from allyport.accounts.models import User
from allyport.audit.models import AuditEvent
from allyport.pipeline import services
from allyport.pipeline.engagements.models import EngagementInvitation
from allyport.pipeline.models import Opportunity
from allyport.pipeline.tests.conftest import complete, future, iam_actor, make_solution
from allyport.testing import make_user

pytestmark = pytest.mark.django_db
QUEUE = reverse("admin:pipeline_opportunity_changelist")
SEND = reverse("admin:pipeline_engagementinvitation_add")


@pytest.fixture
def staff(client: Client) -> Client:
    client.force_login(User.objects.create_superuser("ops@staff.example", "Ops!Pass12"))
    return client


def submitted(company: Any) -> Opportunity:
    api = iam_actor(company)
    opportunity = services.create_opportunity(api, "AWS", complete())
    services.associate_opportunity(
        api, "AWS", opportunity.public_id, "Solutions", make_solution(company).public_id
    )
    return services.submit_opportunity(api, "AWS", opportunity.public_id, "Co-Sell")


def act(client: Client, action: str, *opportunities: Opportunity, **extra: str) -> Any:
    data = {"action": action, helpers.ACTION_CHECKBOX_NAME: [o.pk for o in opportunities]}
    return client.post(QUEUE, {**data, **extra})


def test_the_queue_lists_submitted_opportunities_by_review_status(
    staff: Client, company: Any
) -> None:
    waiting = submitted(company)
    draft = services.create_opportunity(iam_actor(company), "AWS", complete())
    page = staff.get(QUEUE, {"review_status__exact": "Submitted"}).content.decode()
    assert waiting.public_id in page and draft.public_id not in page
    assert staff.get(QUEUE, {"review_status__exact": "Approved"}).context["cl"].result_count == 0


def test_it_moves_opportunities_to_in_review_and_approved(staff: Client, company: Any) -> None:
    first, second = submitted(company), submitted(company)
    response = act(staff, "mark_in_review", first, second)
    assert response.status_code == 302
    assert {o.review_status for o in Opportunity.objects.all()} == {"In review"}
    act(staff, "mark_approved", first)
    first.refresh_from_db()
    assert first.review_status == "Approved"
    event = AuditEvent.objects.filter(event_name="ReviewOpportunity").latest("id")
    assert event.record["userIdentity"]["userName"] == "ops@staff.example"


def test_action_required_asks_for_a_reason_then_notifies(
    staff: Client, company: Any, django_capture_on_commit_callbacks: Any
) -> None:
    manager = make_user(company, "ace_manager")
    opportunity = submitted(company)
    page = act(staff, "mark_action_required", opportunity)
    assert page.status_code == 200 and "Reason" in page.content.decode()
    opportunity.refresh_from_db()
    assert opportunity.review_status == "Submitted"
    refused = act(staff, "mark_action_required", opportunity, apply="Confirm", reason="")
    assert refused.status_code == 200 and refused.context["form"].errors["reason"]
    with django_capture_on_commit_callbacks(execute=True):
        done = act(
            staff, "mark_action_required", opportunity,
            apply="Confirm", reason="Add the customer's website", comments="Thanks",
        )  # fmt: skip
    assert done.status_code == 302
    opportunity.refresh_from_db()
    life = opportunity.life_cycle
    assert (life["ReviewStatus"], life["ReviewStatusReason"], life["ReviewComments"]) == (
        "Action Required", "Add the customer's website", "Thanks",
    )  # fmt: skip
    assert [m.to for m in mail.outbox] == [[manager.email]]


def test_reject_needs_a_reason_too(staff: Client, company: Any) -> None:
    opportunity = submitted(company)
    act(staff, "mark_rejected", opportunity, apply="Confirm", reason="Duplicate")
    opportunity.refresh_from_db()
    assert opportunity.review_status == "Rejected"
    assert opportunity.life_cycle["ReviewStatusReason"] == "Duplicate"


def test_it_reports_opportunities_it_cannot_move(staff: Client, company: Any) -> None:
    opportunity = submitted(company)
    act(staff, "mark_approved", opportunity)
    response = act(staff, "mark_in_review", opportunity)
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]  # type: ignore[attr-defined]
    assert any(opportunity.public_id in m and "reviewed" in m for m in messages)
    opportunity.refresh_from_db()
    assert opportunity.review_status == "Approved"


def referral_form(company: Any, **changes: Any) -> dict[str, Any]:
    data = {
        "company": company.pk,
        "catalog": "AWS",
        "payload_type": "OpportunityInvitation",
        "message": "A good fit for you",
        "customer_company_name": "Example Corp",
        "industry": "Software and Internet",
        "website_url": "https://example.com",
        "country_code": "US",
        "project_title": "Data lake migration",
        "business_problem": "The customer needs to move analytics off premises.",
        "target_completion_date": future(),
        "monthly_spend": "2500",
        "currency": "USD",
        "receiver_responsibilities": ["Co-Sell Facilitator", "Services Partner"],
        "sender_email": "rep@amazon.example",
        "sender_name": "Sam Rep",
    }
    data.update(changes)
    return data


def test_staff_share_a_referral_and_its_managers_hear(
    staff: Client, company: Any, django_capture_on_commit_callbacks: Any
) -> None:
    manager = make_user(company, "ace_manager")
    assert staff.get(SEND).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(SEND, referral_form(company))
    assert response.status_code == 302, response.content.decode()[:2000]
    invitation = EngagementInvitation.objects.get()
    assert invitation.receiver_company == company and invitation.sender_name == "AWS"
    assert invitation.sent_by is not None and invitation.sent_by.email == "ops@staff.example"
    payload = invitation.payload
    assert payload["Project"]["ExpectedCustomerSpend"] == [
        {"Amount": "2500", "CurrencyCode": "USD", "Frequency": "Monthly", "TargetCompany": "AWS"}
    ]
    assert payload["SenderContacts"] == [
        {"Email": "rep@amazon.example", "FirstName": "Sam", "LastName": "Rep"}
    ]
    assert [m.to for m in mail.outbox] == [[manager.email]]
    listed = staff.get(reverse("admin:pipeline_engagementinvitation_changelist"))
    assert invitation.public_id in listed.content.decode()


def test_a_refused_referral_shows_each_error_on_its_field(staff: Client, company: Any) -> None:
    data = referral_form(
        company, website_url="", business_problem="short", target_completion_date="2001-01-01"
    )
    response = staff.post(SEND, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"website_url", "business_problem"} <= set(errors)
    assert not EngagementInvitation.objects.exists()
    response = staff.post(SEND, referral_form(company, target_completion_date="2001-01-01"))
    assert set(response.context["form"].errors) == {"target_completion_date"}


def test_staff_share_a_lead(staff: Client, company: Any) -> None:
    data = {
        "company": company.pk, "catalog": "Sandbox", "payload_type": "LeadInvitation",
        "customer_company_name": "Lead Corp", "currency": "USD", "use_case": "Analytics",
        "contact_business_title": "CTO",
    }  # fmt: skip
    response = staff.post(SEND, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    invitation = EngagementInvitation.objects.get()
    assert invitation.catalog == "Sandbox" and invitation.payload == {
        "Customer": {"CompanyName": "Lead Corp"},
        "Interaction": {"Usecase": "Analytics", "ContactBusinessTitle": "CTO"},
    }
    missing = staff.post(SEND, {**data, "contact_business_title": ""})
    assert "contact_business_title" in missing.context["form"].errors


def test_members_of_partner_companies_cannot_reach_the_admin(
    company: Any, lead: Any, client_for: Any
) -> None:
    response = client_for(lead).get(QUEUE)
    assert response.status_code == 302 and "login" in response["Location"]
