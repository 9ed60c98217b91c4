"""A change a portal page refuses (the 403 page) leaves one record in Event history
with the reason the member saw; a refused read and another company's record (404)
leave none."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from allyport.audit.models import AuditEvent
from allyport.customers.tests.test_portal import edit_url, make
from allyport.testing import make_user

OPPORTUNITY_RIGHT = (
    "needs the alliance lead, alliance team, marketing staff, ace manager or ace user role"
)
LINKING_RIGHT = "needs the alliance lead or cloud admin role"

# (page, event name, reason) for a standard user, who holds none of these rights.
REFUSED_PAGES = [
    ("pipeline:opportunity_new", "PipelineOpportunityNew", OPPORTUNITY_RIGHT),
    (
        "pipeline:offering_new",
        "PipelineOfferingNew",
        "needs the alliance lead, alliance team, marketing staff or technical staff role",
    ),
    ("customers:new", "CustomersNew", OPPORTUNITY_RIGHT),
    ("bulk:import", "BulkImport", OPPORTUNITY_RIGHT),
    ("bulk:import_leads", "BulkImportLeads", OPPORTUNITY_RIGHT),
    ("webhooks:create", "WebhooksCreate", "needs the alliance lead or alliance team role"),
    ("marketplace:link_sign_in", "MarketplaceLinkSignIn", LINKING_RIGHT),
    ("marketplace:unlink", "MarketplaceUnlink", LINKING_RIGHT),
]


def refusals() -> list[AuditEvent]:
    return list(AuditEvent.objects.exclude(error_code=""))


@pytest.mark.parametrize(("page", "event_name", "reason"), REFUSED_PAGES)
def test_a_refused_change_is_recorded_once_with_the_reason_seen(
    company: Any, client_for: Any, page: str, event_name: str, reason: str
) -> None:
    member = make_user(company, "standard_user", email="member@octank.example")
    response = client_for(member).post(reverse(page), {"name": "x"}, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 403
    assert reason in response.content.decode()
    (refusal,) = refusals()
    record = refusal.record
    assert (record["eventName"], record["errorCode"]) == (event_name, "AccessDenied")
    assert record["errorMessage"] == reason
    assert record["userIdentity"]["userName"] == "member@octank.example"
    assert record["recipientAccountId"] == company.public_id
    assert refusal.company_id == company.pk
    assert record["sourceIPAddress"] == "203.0.113.7"
    assert record["requestParameters"]["page"] == page
    assert "name" not in record["requestParameters"]  # the refused form's values are not kept


@pytest.mark.parametrize(("page", "event_name", "reason"), REFUSED_PAGES)
def test_a_refused_read_is_not_recorded(
    company: Any, client_for: Any, page: str, event_name: str, reason: str
) -> None:
    member = make_user(company, "standard_user", email="member@octank.example")
    response = client_for(member).get(reverse(page))
    assert response.status_code == 403
    assert reason in response.content.decode()
    assert refusals() == []


def test_a_change_a_service_refuses_is_recorded_with_its_reason(
    company: Any, lead: Any, client_for: Any
) -> None:
    """Access to the seller account is refused by its service (no mapped role)."""
    response = client_for(lead).post(reverse("marketplace:new_product"), {"title": "x"})
    assert response.status_code == 403
    (refusal,) = refusals()
    assert refusal.record["eventName"] == "MarketplaceNewProduct"
    assert refusal.record["errorMessage"] in response.content.decode()


def test_another_companys_record_is_a_404_and_not_recorded(
    company: Any, outsider: Any, client_for: Any
) -> None:
    theirs = make(outsider.company, "Theirs")
    seller = make_user(company, "ace_user", email="seller@octank.example")
    response = client_for(seller).post(edit_url(theirs), {"company_name": "Mine"})
    assert response.status_code == 404
    assert "Theirs" not in response.content.decode()
    assert refusals() == []


def test_user_management_refusals_are_still_recorded_once(
    company: Any, lead: Any, client_for: Any
) -> None:
    team = make_user(company, "standard_user", email="team@octank.example")
    response = client_for(team).post(
        reverse("users:remove", args=[lead.public_id]), {"confirm": "confirm"}
    )
    assert response.status_code == 403
    (refusal,) = refusals()
    assert refusal.record["errorCode"] == "AccessDenied"
    assert refusal.record["errorMessage"] in response.content.decode()
