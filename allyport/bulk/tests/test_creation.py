"""The batch insert of imports stores what `create_opportunity` stores, and a taken
id never costs a row."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import IntegrityError

from allyport.access.actor import Actor
from allyport.audit.models import AuditEvent
from allyport.bulk import creation
from allyport.bulk.creation import BatchCreator, prepare
from allyport.core.errors import RuleViolation
from allyport.pipeline import services
from allyport.pipeline.models import Opportunity
from allyport.pipeline.tests.conftest import complete

COMPARED = (
    "company_id", "catalog", "owner_id", "data", "tags", "stage", "review_status",
    "customer_company_name", "title", "target_close_date", "partner_opportunity_identifier",
    "origin",
)  # fmt: skip


def _fields(opportunity: Opportunity) -> dict[str, Any]:
    values = {name: getattr(opportunity, name) for name in COMPARED}
    for step in values["data"].get("LifeCycle", {}).get("NextStepsHistory", []):
        step.pop("Time")
    return values


@pytest.mark.parametrize(
    ("catalog", "payload"),
    [
        ("AWS", complete()),
        ("AWS", {"Customer": {"Account": {"CompanyName": "Only a name"}}}),
        ("Sandbox", complete(Origin="AWS Referral")),
        ("AWS", complete(Tags=[{"Key": "team", "Value": "east"}])),
    ],
)
def test_a_batch_stores_what_create_opportunity_stores(
    manager: Actor, catalog: str, payload: dict[str, Any]
) -> None:
    expected = services.create_opportunity(manager, catalog, payload)
    creator = BatchCreator(manager, catalog)
    creator.add(2, payload)
    assert creator.flush() == []
    created = Opportunity.objects.exclude(pk=expected.pk).get()
    assert _fields(created) == _fields(expected)
    assert created.created_date == created.last_modified_date
    records = AuditEvent.objects.filter(event_name="CreateOpportunity").order_by("event_time")
    assert [r.record["responseElements"]["id"] for r in records] == [
        expected.public_id,
        created.public_id,
    ]


def test_prepare_applies_the_services_rules(manager: Actor) -> None:
    with pytest.raises(RuleViolation) as refused:
        prepare(manager, "AWS", complete(Origin="AWS Referral"))
    assert refused.value.errors[0].field == "Origin"


def test_a_taken_id_is_drawn_again(manager: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    taken = services.create_opportunity(manager, "AWS", complete())
    creator = BatchCreator(manager, "AWS")
    creator.add(2, complete())
    creator.add(3, complete())
    for _number, _payload, opportunity in creator.pending:
        opportunity.public_id = taken.public_id
    assert creator.flush() == []
    ids = set(Opportunity.objects.values_list("public_id", flat=True))
    assert len(ids) == 3


def test_a_collision_at_insert_falls_back_to_one_row_at_a_time(
    manager: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    def collide(objs: Any, **kwargs: Any) -> None:
        raise IntegrityError("UNIQUE constraint failed: pipeline_opportunity.public_id")

    creator = BatchCreator(manager, "AWS")
    creator.add(2, complete())
    creator.add(3, complete())
    # Only the opportunities' manager collides (the class is every model's Manager).
    monkeypatch.setattr(creation.Opportunity.objects, "bulk_create", collide)
    assert creator.flush() == []
    assert Opportunity.objects.count() == 2
    assert AuditEvent.objects.filter(event_name="CreateOpportunity").count() == 2
