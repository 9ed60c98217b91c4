"""Write CloudTrail-format audit records (spec: partner-central-api.md, Appendix B).

Call `record(...)` inside the transaction of the change it describes, so the
change and its record commit or roll back together.

A change is recorded whoever makes it (members, IAM principals, staff, jobs):
services record their domain event with `record_change` (or build it with `event`
and ask `folded`). Inside an API call the API layer records the call itself; a
domain event named as the call is that same change, so it is folded into the
call's record (its resources join it) instead of being written twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC
from typing import Any

from django.conf import settings
from django.utils import timezone

from allyport.access import calls, refusals
from allyport.access.actor import Actor
from allyport.audit.models import AuditEvent
from allyport.core import fragments

EVENT_VERSION = "1.11"
HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS"
SIGNIN_SOURCE = "signin.amazonaws.com"
ACCOUNT_SOURCE = "partnercentral-account-management.amazonaws.com"
CONSOLE_ACTION = "AwsConsoleAction"
CONSOLE_SIGNIN = "AwsConsoleSignIn"
API_CALL = "AwsApiCall"
# Request keys whose values never reach a record, compared without "_" or "-" in
# lower case; any key naming a password or a secret is hidden too (new_password1).
SECRET_KEYS = frozenset(
    {"password", "password1", "password2", "oldpassword", "newpassword", "code", "token",
     "secret", "secretaccesskey", "captcha", "verificationcode", "sessiontoken", "otp"}
)  # fmt: skip
_SECRET_WORDS = ("password", "secret")
COMPANY_SCOPE = "company"  # core.fragments scope of a company's data


def _is_secret(key: Any) -> bool:
    name = str(key).replace("_", "").replace("-", "").lower()
    return name in SECRET_KEYS or any(word in name for word in _SECRET_WORDS)


def hide_secrets(value: Any) -> Any:
    """Replace the values of secret-looking keys, at any depth."""
    if isinstance(value, Mapping):
        return {
            key: HIDDEN if _is_secret(key) else hide_secrets(item) for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [hide_secrets(item) for item in value]
    return value


def user_identity(actor: Actor, username: str = "") -> dict[str, Any]:
    """IAM principals as CloudTrail shows them (IAMUser, AssumedRole); portal users
    are not IAM principals: CloudTrail's `Unknown` type, with our ids."""
    if actor.iam is not None:
        return actor.iam.user_identity()
    if actor.user is not None:
        identity: dict[str, Any] = {
            "type": "Unknown",
            "principalId": actor.user.public_id,
            "userName": actor.user.email,
        }
        if actor.company is not None:
            identity["accountId"] = actor.company.public_id
        return identity
    if actor.kind == "system":
        return {"type": "AWSService", "invokedBy": "allyport"}
    return {"type": "Unknown", "userName": username or HIDDEN}


def _recipient(actor: Actor, company: Any) -> str:
    """The cloud account for IAM principals; the partner company's id otherwise."""
    if actor.iam is not None:
        return actor.iam.account_id
    return company.public_id if company is not None else ""


def _username(identity: Mapping[str, Any]) -> str:
    """The Username lookup attribute: a role session goes by its role's name."""
    name = identity.get("userName") or identity.get("sessionContext", {}).get(
        "sessionIssuer", {}
    ).get("userName", "")
    return "" if name == HIDDEN else str(name)


def _iso(moment: Any) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def event(
    actor: Actor,
    event_name: str,
    *,
    event_source: str = ACCOUNT_SOURCE,
    event_type: str = CONSOLE_ACTION,
    read_only: bool = False,
    company: Any = None,
    username: str = "",
    request_parameters: Mapping[str, Any] | None = None,
    response_elements: Mapping[str, Any] | None = None,
    additional_event_data: Mapping[str, Any] | None = None,
    resources: Iterable[Mapping[str, str]] = (),
    error_code: str = "",
    error_message: str = "",
    access_key_id: str = "",
    request_id: str = "",
) -> AuditEvent:
    """One CloudTrail record, not saved yet (`record` saves it; `record_many` saves many)."""
    now = timezone.now()
    company = company if company is not None else actor.company
    identity = user_identity(actor, username)
    event_id = uuid.uuid4()
    body: dict[str, Any] = {
        "eventVersion": EVENT_VERSION,
        "userIdentity": identity,
        "eventTime": _iso(now),
        "eventSource": event_source,
        "eventName": event_name,
        "awsRegion": settings.ALLYPORT_AWS_REGION,
        "sourceIPAddress": actor.source_ip or "allyport.internal",
        "userAgent": (actor.user_agent or "allyport")[:1024],
        "requestParameters": hide_secrets(dict(request_parameters))
        if request_parameters is not None
        else None,
        "responseElements": dict(response_elements) if response_elements is not None else None,
        "requestID": request_id or uuid.uuid4().hex,
        "eventID": str(event_id),
        "readOnly": read_only,
        "resources": [dict(item) for item in resources],
        "eventType": event_type,
        "managementEvent": True,
        "recipientAccountId": _recipient(actor, company),
        "eventCategory": "Management",
    }
    if additional_event_data:
        body["additionalEventData"] = dict(additional_event_data)
    if error_code:
        # This request's refusal has its record: the 403 page adds none (access.refusals).
        refusals.refusal_recorded()
        body["errorCode"] = error_code
        body["errorMessage"] = error_message[:1024]
    resources_list = body["resources"]
    return AuditEvent(
        event_id=event_id,
        event_time=now,
        company=company,
        event_name=event_name,
        event_source=event_source,
        event_type=event_type,
        username=_username(identity),
        access_key_id=access_key_id or identity.get("accessKeyId", ""),
        resource_name=resources_list[0].get("ARN", "") if resources_list else "",
        read_only=read_only,
        error_code=error_code,
        record=body,
    )


def record(actor: Actor, event_name: str, **fields: Any) -> AuditEvent:
    """Write one record (the arguments of `event`) in the caller's transaction."""
    audit_event = event(actor, event_name, **fields)
    audit_event.save(force_insert=True)
    return audit_event


def record_many(events: Iterable[AuditEvent]) -> None:
    """Write records made by `event` in one statement (bulk imports)."""
    saved = AuditEvent.objects.bulk_create(list(events))
    # bulk_create sends no post_save: each company's generation moves on once.
    changed = {event.company_id for event in saved if not event.read_only}
    fragments.changed(COMPANY_SCOPE, *changed)


def company_changed(instance: AuditEvent, **_signal: Any) -> None:
    """Every change is audited, so a saved record of a change is the one place that
    knows a company's data changed: pages' cached fragments that show the company's
    data depend on its generation (core.fragments), which moves on here."""
    if not instance.read_only and instance.company_id is not None:
        fragments.changed(COMPANY_SCOPE, instance.company_id)


def folded(actor: Actor, audit_event: AuditEvent) -> bool:
    """True when the event is the open API call's own change: its resources join the
    call's record (written by the API layer) and the event is not saved."""
    call = calls.current()
    if call is None or not call.folds(actor, audit_event.event_name):
        return False
    call.resources.extend(audit_event.record.get("resources") or ())
    return True


def change_type(actor: Actor) -> str:
    """The eventType of a domain change: an IAM principal's is a programmatic call of
    the operation (through the API, or a job the API started); anyone else's is a
    console action (pages, staff, the system's work)."""
    return API_CALL if actor.is_iam else CONSOLE_ACTION


def record_change(actor: Actor, event_name: str, **fields: Any) -> AuditEvent | None:
    """Record a service's domain event, whoever the caller (None: folded into the API
    call's record)."""
    audit_event = event(actor, event_name, event_type=change_type(actor), **fields)
    if folded(actor, audit_event):
        return None
    audit_event.save(force_insert=True)
    return audit_event
