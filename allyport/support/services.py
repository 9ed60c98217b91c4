"""Opening, answering and resolving support cases (each audited).

Resolving a case sends `case_resolved`, so what waits on a case (such as an
unlinking request) reacts without this app knowing it.
"""

from __future__ import annotations

from django.db import transaction
from django.dispatch import Signal
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.audit import services as audit
from allyport.core.errors import ChangeRefused
from allyport.support.models import CaseMessage, SupportCase

SUPPORT_SOURCE = "support.amazonaws.com"
MAX_BODY = 5000
case_resolved = Signal()  # sender=SupportCase, case=..., actor=...


def _clean_body(body: str) -> str:
    body = body.strip()
    if not body:
        raise ChangeRefused(_("Write a message."), "body")
    if len(body) > MAX_BODY:
        raise ChangeRefused(_("Write at most %(n)s characters.") % {"n": MAX_BODY}, "body")
    return body


def open_case(actor: Actor, subject: str, category: str, body: str) -> SupportCase:
    """Open a case for the actor's company, with its first message (call inside
    the caller's transaction when the case carries another change)."""
    assert actor.company is not None
    body = _clean_body(body)
    with transaction.atomic():
        case = SupportCase.objects.create(
            company=actor.company, subject=subject[:255], category=category, opened_by=actor.user
        )
        CaseMessage.objects.create(case=case, author=actor.user, body=body)
        audit.record(
            actor,
            "CreateCase",
            event_source=SUPPORT_SOURCE,
            request_parameters={"subject": case.subject, "categoryCode": category},
            response_elements={"caseId": case.case_id},
        )
    return case


def add_message(actor: Actor, case: SupportCase, body: str) -> CaseMessage:
    body = _clean_body(body)
    if case.status != SupportCase.OPEN:
        raise ChangeRefused(_("This case is resolved."), "body")
    with transaction.atomic():
        message = CaseMessage.objects.create(
            case=case, author=actor.user, body=body, from_staff=actor.kind == "staff"
        )
        case.save(update_fields=["updated_at"])
        audit.record(
            actor,
            "AddCommunicationToCase",
            event_source=SUPPORT_SOURCE,
            company=case.company,
            request_parameters={"caseId": case.case_id},
        )
    return message


def resolve_case(actor: Actor, case: SupportCase, note: str = "") -> None:
    with transaction.atomic():
        locked = SupportCase.objects.select_for_update().get(pk=case.pk)
        if locked.status == SupportCase.RESOLVED:
            return
        locked.status = SupportCase.RESOLVED
        locked.save(update_fields=["status", "updated_at"])
        if note:
            CaseMessage.objects.create(
                case=locked, author=actor.user, body=note, from_staff=actor.kind == "staff"
            )
        audit.record(
            actor,
            "ResolveCase",
            event_source=SUPPORT_SOURCE,
            company=case.company,
            request_parameters={"caseId": case.case_id},
        )
        case_resolved.send(sender=SupportCase, case=locked, actor=actor)
    case.status = SupportCase.RESOLVED
