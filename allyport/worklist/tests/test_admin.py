"""Staff edit the catalogue in the admin: a wrong rule is refused with every problem
next to its field; a good edit is saved and recorded."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from allyport.accounts.models import User
from allyport.audit.models import AuditEvent
from allyport.worklist.models import TaskDefinition

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff() -> Client:
    from allyport.accounts import backends

    client = Client()
    client.force_login(
        User.objects.create_superuser("ops@staff.example", "Ops!Pass12"), backend=backends.PATH
    )
    return client


def _form(definition: TaskDefinition, **changes: object) -> dict[str, object]:
    values = {
        "key": definition.key, "type": definition.type, "stage": definition.stage,
        "title": definition.title, "description": definition.description,
        "form_fields": json.dumps(definition.form_fields), "link": definition.link,
        "link_label": definition.link_label, "done_rule": json.dumps(definition.done_rule),
        "rule": json.dumps(definition.rule), "order": definition.order, "active": "on",
    }  # fmt: skip
    return {**values, **changes}


def test_staff_edit_a_task_definition(staff: Client) -> None:
    definition = TaskDefinition.objects.get(key="describe-company")
    url = reverse("admin:worklist_taskdefinition_change", args=[definition.pk])
    assert "Add a company description" in staff.get(url).content.decode()
    refused = staff.post(url, _form(definition, rule=json.dumps({"min_stage": "Gold"})))
    assert refused.status_code == 200 and "min_stage must be one of" in refused.content.decode()
    staff.post(url, _form(definition, rule=json.dumps({"min_stage": "Validated"})))
    assert TaskDefinition.objects.get(pk=definition.pk).rule == {"min_stage": "Validated"}
    record = AuditEvent.objects.get(event_name="UpdateTaskDefinition")
    assert record.record["requestParameters"]["key"] == "describe-company"
