"""Staff curate engagement groups in the admin; each change is audited."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from allyport.accounts.models import User
from allyport.audit.models import AuditEvent
from allyport.pipeline.engagements.services import new_engagement
from allyport.pipeline.prospecting.models import EngagementGroup
from allyport.testing import make_company

pytestmark = pytest.mark.django_db
ADD = reverse("admin:pipeline_engagementgroup_add")


@pytest.fixture
def staff(client: Client) -> Client:
    client.force_login(User.objects.create_superuser("ops@staff.example", "Ops!Pass12"))
    return client


def _form(ids: str, catalog: str = "AWS") -> dict[str, str]:
    return {"name": "Retail EU", "description": "Retail in Europe", "catalog": catalog,
            "readiness_level": "SalesReady", "active": "on", "engagement_ids": ids}  # fmt: skip


def test_staff_create_a_group_of_engagements_and_it_is_audited(staff: Client) -> None:
    company = make_company()[0]
    one, two = (new_engagement("AWS", creator=company) for _ in range(2))
    sandbox = new_engagement("Sandbox", creator=company)
    refused = staff.post(ADD, _form(f"{one.public_id}\n{sandbox.public_id}"))
    assert refused.status_code == 200 and sandbox.public_id in refused.content.decode()
    assert not EngagementGroup.objects.exists()
    answer = staff.post(ADD, _form(f"{one.public_id}\n{two.public_id}\n{one.public_id}"))
    assert answer.status_code == 302
    group = EngagementGroup.objects.get()
    assert group.public_id.startswith("eng-grp-") and len(group.public_id) == 22
    assert set(group.engagements.values_list("public_id", flat=True)) == {
        one.public_id, two.public_id}  # fmt: skip
    event = AuditEvent.objects.get(event_name="CreateEngagementGroup")
    assert event.record["requestParameters"]["engagements"] == sorted(
        [one.public_id, two.public_id]
    )
    change = reverse("admin:pipeline_engagementgroup_change", args=[group.pk])
    assert staff.post(change, {**_form(one.public_id), "active": ""}).status_code == 302
    group.refresh_from_db()
    assert not group.active and group.engagements.count() == 1
    assert AuditEvent.objects.filter(event_name="UpdateEngagementGroup").exists()


def test_partner_members_cannot_reach_it(client: Client) -> None:
    client.force_login(make_company()[1])
    assert client.get(ADD).status_code == 302  # to the admin's sign-in
