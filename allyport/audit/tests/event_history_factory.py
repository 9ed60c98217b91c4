"""Event history test data: AuditEvent rows as record() writes them, at chosen times."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from allyport.accounts.models import Company
from allyport.audit.models import AuditEvent
from allyport.audit.services import ACCOUNT_SOURCE


def cloudtrail(event_id: uuid.UUID, moment: datetime, **fields: Any) -> dict[str, Any]:
    resources = []
    if fields.get("resource_name"):
        resources = [{"ARN": fields["resource_name"], "type": fields.get("resource_type", "")}]
    return {
        "eventVersion": "1.11",
        "userIdentity": {"type": "Unknown", "userName": fields.get("username", "")},
        "eventTime": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "eventSource": fields.get("event_source", ACCOUNT_SOURCE),
        "eventName": fields.get("event_name", "UpdateThing"),
        "awsRegion": "us-east-1",
        "sourceIPAddress": fields.get("ip", "203.0.113.7"),
        "userAgent": "pytest",
        "requestParameters": fields.get("request_parameters"),
        "responseElements": None,
        "requestID": uuid.uuid4().hex,
        "eventID": str(event_id),
        "readOnly": fields.get("read_only", False),
        "resources": resources,
        "eventType": "AwsConsoleAction",
        "managementEvent": True,
        "recipientAccountId": "",
        "eventCategory": "Management",
    }


def build_event(
    company: Company | None, name: str = "UpdateThing", *, ago: timedelta | None = None,
    at: datetime | None = None, **fields: Any,
) -> AuditEvent:  # fmt: skip
    """An unsaved event `ago` before now (one minute by default) or `at` a moment."""
    moment = at or timezone.now() - (ago if ago is not None else timedelta(minutes=1))
    event_id = uuid.uuid4()
    fields["event_name"] = name
    request_parameters = fields.pop("request_parameters", None)
    ip = fields.pop("ip", None)
    record = cloudtrail(
        event_id, moment, request_parameters=request_parameters, ip=ip or "203.0.113.7",
        **fields,
    )  # fmt: skip
    fields.pop("resource_type", None)
    fields.setdefault("event_source", ACCOUNT_SOURCE)
    return AuditEvent(
        event_id=event_id, event_time=moment, company=company, event_type="AwsConsoleAction",
        record=record, **fields,
    )  # fmt: skip


def add_event(company: Company | None, name: str = "UpdateThing", **kwargs: Any) -> AuditEvent:
    event = build_event(company, name, **kwargs)
    event.save()
    return event


def add_events(company: Company, count: int, **kwargs: Any) -> list[AuditEvent]:
    """`count` events a second apart, the newest one minute ago."""
    events = [
        build_event(company, f"Event{n:03d}", ago=timedelta(minutes=1, seconds=n), **kwargs)
        for n in range(count)
    ]
    return AuditEvent.objects.bulk_create(events)
