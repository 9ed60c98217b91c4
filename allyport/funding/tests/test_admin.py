"""Staff in the admin: keep the catalogue, review applications (approve with an
allocation, ask for action, reject, each asking for its values first), and record
what an allocation has used."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.test import Client
from django.urls import reverse

from allyport.accounts.models import Company, User
from allyport.audit.models import AuditEvent
from allyport.funding.models import ApplicationStatus, Benefit, BenefitAllocation
from allyport.funding.services import lifecycle
from allyport.funding.tests.conftest import draft, member_actor

pytestmark = pytest.mark.django_db
QUEUE = reverse("admin:funding_benefitapplication_changelist")


@pytest.fixture
def staff(client: Client) -> Client:
    client.force_login(User.objects.create_superuser("ops@staff.example", "Ops!Pass12"))
    return client


def submitted(company: Company, benefit: Benefit) -> Any:
    application = draft(member_actor(company), benefit)
    lifecycle.submit_application(member_actor(company), "AWS", application.public_id)
    return application


def act(client: Client, action: str, application: Any, **extra: str) -> Any:
    return client.post(QUEUE, {"action": action, ACTION_CHECKBOX_NAME: [application.pk], **extra})


def test_approve_asks_for_the_amount_then_grants_the_allocation(
    staff: Client, company: Company, benefit: Benefit
) -> None:
    application = submitted(company, benefit)
    asking = act(staff, "approve", application)
    assert "Amount allocated" in asking.content.decode()
    act(staff, "approve", application, apply="Confirm", amount="60000")  # over the most
    shown = staff.get(QUEUE).content.decode()
    assert "Enter an amount from 0 to the benefit" in shown
    assert not BenefitAllocation.objects.exists()
    act(staff, "approve", application, apply="Confirm", amount="7500", note="Enjoy")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    allocation = BenefitAllocation.objects.get()
    assert (str(allocation.allocated_amount), allocation.fulfillment_type) == ("7500.00", "CASH")
    event = AuditEvent.objects.get(event_name="ApproveBenefitApplication")
    assert event.record["userIdentity"]["userName"] == "ops@staff.example"
    change = reverse("admin:funding_benefitallocation_change", args=[allocation.pk])
    staff.post(change, {"utilized_amount": "2500"})
    allocation.refresh_from_db()
    assert str(allocation.remaining_amount) == "5000.00"


def test_ask_for_action_and_reject_need_a_reason(
    staff: Client, company: Company, benefit: Benefit
) -> None:
    first, second = submitted(company, benefit), submitted(company, benefit)
    refused = act(staff, "request_action", first, apply="Confirm", reason="")
    assert "This field is required." in refused.content.decode()
    act(staff, "request_action", first, apply="Confirm", reason="Add the agenda")
    act(staff, "reject", second, apply="Confirm", reason="No budget left")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.status_reason) == ("ACTION_REQUIRED", "Add the agenda")
    assert (second.status, second.status_reason) == ("REJECTED", "No budget left")
