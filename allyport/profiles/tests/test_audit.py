"""Records the shared per-caller test cannot check: a partner created for the program
(its record belongs to the new company) and the program-wide terms."""

from __future__ import annotations

from typing import Any

import pytest

from allyport.access.actor import Actor
from allyport.audit.models import AuditEvent
from allyport.profiles.services import terms
from allyport.profiles.tests.audit_cases import _create_partner
from allyport.profiles.tests.conftest import staff

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["staff", "system"])
def test_create_partner_records_for_staff_and_the_system(kind: str) -> None:
    actor = staff() if kind == "staff" else Actor.system()
    _create_partner(None, actor)
    event = AuditEvent.objects.get(event_name="CreatePartner")
    assert event.company is not None and event.company.legal_name == "Created"
    expected = "Unknown" if kind == "staff" else "AWSService"
    assert event.record["userIdentity"]["type"] == expected


@pytest.mark.parametrize("kind", ["staff", "system"])
def test_publishing_terms_is_recorded(kind: str, db: Any) -> None:
    actor = staff() if kind == "staff" else Actor.system()
    terms.publish_terms(actor, "Terms", "Text")
    event = AuditEvent.objects.get(event_name="PublishPartnerTerms")
    assert event.record["requestParameters"] == {"version": 1, "title": "Terms"}
