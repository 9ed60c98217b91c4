"""Opening, answering, closing and reopening support cases (each authorized and
audited in its transaction, whoever the caller).

Resolving a case sends `case_resolved`, so what waits on a case (such as an
unlinking request) reacts without this app knowing it. Each reply is emailed to
the other side: a partner's to the case's assignee (or the support inbox), a
staff reply to whoever opened the case.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor, ActorKind
from allyport.access.decisions import PermissionDenied
from allyport.accounts.models import LockoutContact
from allyport.audit import services as audit
from allyport.core import mail
from allyport.core.errors import ChangeRefused, FieldError, RuleViolation
from allyport.support import permissions, selectors
from allyport.support.models import CaseMessage, SupportCase, Topic
from allyport.support.services import attachments

SUPPORT_SOURCE = "support.amazonaws.com"
MAX_BODY = 5000
MAX_SUBJECT = 255
case_resolved = Signal()  # sender=SupportCase, case=..., actor=...


@dataclass(frozen=True)
class NewCase:
    """What the Create case form carries (topic ids as posted, text as typed)."""

    case_type: str = ""
    question_type: str = ""
    specific: str = ""
    subject: str = ""
    description: str = ""


def _body_error(body: str, field: str = "body") -> FieldError | None:
    if not body:
        return FieldError(field, _("Write a message."))
    if len(body) > MAX_BODY:
        return FieldError(field, _("Write at most %(n)s characters.") % {"n": MAX_BODY})
    return None


def _clean_body(body: str) -> str:
    body = body.strip()
    error = _body_error(body)
    if error is not None:
        raise ChangeRefused(error.message, "body")
    return body


def _topic(raw: str, parent: Topic | None) -> Topic | None:
    pk = selectors.as_id(raw)
    if pk is None:
        return None
    return Topic.objects.filter(pk=pk, parent=parent, active=True).first()


def _has_choices(parent: Topic | None) -> bool:
    return parent is not None and parent.children.filter(active=True).exists()


def topics_of(new: NewCase) -> tuple[list[Topic | None], list[FieldError]]:
    """The chosen Type of Case, Question Type and Get Specific, each a choice under
    the one before; a level is required when the level above offers choices."""
    errors: list[FieldError] = []
    chosen: list[Topic | None] = []
    parent: Topic | None = None
    levels = (("case_type", new.case_type), ("question_type", new.question_type),
              ("specific", new.specific))  # fmt: skip
    for depth, (field, raw) in enumerate(levels):
        needed = depth == 0 or _has_choices(parent)
        topic = _topic(raw, parent) if (depth == 0 or parent is not None) else None
        if topic is None and needed and (depth == 0 or chosen[-1] is not None):
            errors.append(FieldError(field, _("Choose one of the options.")))
        chosen.append(topic)
        parent = topic
    return chosen, errors


def validate_new_case(
    new: NewCase, uploads: Sequence[Any]
) -> tuple[list[Topic | None], list[attachments.CheckedFile]]:
    """Every rule of a new case, every error at once (RuleViolation)."""
    topics, errors = topics_of(new)
    subject = new.subject.strip()
    if not subject:
        errors.append(FieldError("subject", _("Enter a subject.")))
    elif len(subject) > MAX_SUBJECT:
        errors.append(FieldError("subject", _("Write at most %(n)s characters.") % {"n": 255}))
    description = new.description.strip()
    if not description:
        errors.append(FieldError("description", _("Describe your issue.")))
    elif (body_error := _body_error(description, "description")) is not None:
        errors.append(body_error)
    files, file_errors = attachments.check_files(uploads)
    if errors or file_errors:
        raise RuleViolation(errors + file_errors)
    return topics, files


def _case_event(actor: Actor, name: str, case: SupportCase, **fields: Any) -> None:
    audit.record_change(
        actor,
        name,
        event_source=SUPPORT_SOURCE,
        company=case.company,
        resources=[{"ARN": case.arn, "type": "AWS::Support::Case"}],
        **fields,
    )


def _require(decision: Any) -> None:
    if not decision:
        raise PermissionDenied(decision)


def create_case(actor: Actor, new: NewCase, uploads: Sequence[Any] = ()) -> SupportCase:
    """A member's case from the Partner Support page, with its files."""
    _require(permissions.open_decision(actor))
    if actor.company is None:
        raise ChangeRefused(_("Open cases as a member of a partner company."))
    (case_type, question, specific), files = validate_new_case(new, uploads)
    assert case_type is not None
    stored: list[str] = []
    try:
        with transaction.atomic():
            case = SupportCase.objects.create(
                company=actor.company, subject=new.subject.strip(), category=case_type.key,
                case_type=case_type, question_type=question, specific=specific,
                opened_by=actor.user,
            )  # fmt: skip
            message = CaseMessage.objects.create(
                case=case, author=actor.user, body=new.description.strip()
            )
            attachments.store(message, files, stored)
            _case_event(
                actor, "CreateCase", case,
                request_parameters={"subject": case.subject, "categoryCode": case.category,
                                    "attachments": len(files)},
                response_elements={"caseId": case.case_id},
            )  # fmt: skip
    except BaseException:
        attachments.remove_stored(stored)
        raise
    return case


def open_case(actor: Actor, subject: str, category: str, body: str) -> SupportCase:
    """A case another part of the portal opens for the actor's company, with its first
    message (call inside the caller's transaction when the case carries another change,
    as an unlinking request does)."""
    _require(permissions.open_decision(actor))
    assert actor.company is not None
    body = _clean_body(body)
    kind = category if category in dict(SupportCase.KINDS) else SupportCase.PARTNER
    with transaction.atomic():
        case = SupportCase.objects.create(
            company=actor.company, subject=subject[:MAX_SUBJECT], category=category, kind=kind,
            opened_by=actor.user,
        )  # fmt: skip
        CaseMessage.objects.create(case=case, author=actor.user, body=body)
        _case_event(
            actor, "CreateCase", case,
            request_parameters={"subject": case.subject, "categoryCode": category},
            response_elements={"caseId": case.case_id},
        )  # fmt: skip
    return case


def take_lockout_contact(contact: Any) -> SupportCase:
    """The locked-out contact form's message becomes a case in the staff queue (the
    system takes it in; staff answer by email)."""
    actor = Actor.system()
    with transaction.atomic():
        case = SupportCase.objects.create(
            subject=_("Locked out: %(name)s") % {"name": contact.name}, category="lockout",
            kind=SupportCase.LOCKOUT, contact_name=contact.name, contact_email=contact.email,
            lockout=contact,
        )  # fmt: skip
        CaseMessage.objects.create(case=case, body=contact.message)
        _case_event(
            actor, "CreateCase", case,
            request_parameters={"categoryCode": "lockout", "email": contact.email},
            response_elements={"caseId": case.case_id},
        )  # fmt: skip
    return case


def _staff_side(actor: Actor) -> bool:
    return actor.kind in (ActorKind.STAFF, ActorKind.SYSTEM)


def _notify(case: SupportCase, message: CaseMessage) -> None:
    """The other side hears of each reply (the mail task joins this transaction)."""
    context = {
        "case": case,
        "message": message,
        # Paths made here, so the mail templates reverse nothing.
        "partner_path": reverse("support:case", args=[case.case_id]),
        "staff_path": reverse("support_staff:case", args=[case.case_id]),
    }
    if message.from_staff:
        to = case.opened_by.email if case.opened_by is not None else case.contact_email
        if to:
            mail.send("support/email/staff_reply", to, context)
    else:
        to = case.assignee.email if case.assignee is not None else ""
        mail.send("support/email/partner_reply", to or settings.ALLYPORT_SUPPORT_EMAIL, context)


def add_message(
    actor: Actor, case: SupportCase, body: str, uploads: Sequence[Any] = ()
) -> CaseMessage:
    """A reply with its files: a partner's reopens the conversation with support, a
    staff reply awaits the partner; the first staff reply stops the response clock."""
    _require(permissions.case_decision(actor, case))
    errors = []
    body_error = _body_error(body.strip())
    if body_error is not None:
        errors.append(body_error)
    files, file_errors = attachments.check_files(uploads)
    if errors or file_errors:
        raise RuleViolation(errors + file_errors)
    stored: list[str] = []
    try:
        with transaction.atomic():
            locked = SupportCase.objects.select_for_update().get(pk=case.pk)
            if locked.status == SupportCase.RESOLVED:
                raise ChangeRefused(_("This case is resolved."), "body")
            from_staff = _staff_side(actor)
            message = CaseMessage.objects.create(
                case=locked, author=actor.user, body=body.strip(), from_staff=from_staff
            )
            attachments.store(message, files, stored)
            _after_reply(locked, from_staff)
            _case_event(
                actor, "AddCommunicationToCase", locked,
                request_parameters={"caseId": locked.case_id, "attachments": len(files)},
            )  # fmt: skip
            _notify(locked, message)
    except BaseException:
        attachments.remove_stored(stored)
        raise
    case.status = locked.status
    return message


def _after_reply(case: SupportCase, from_staff: bool) -> None:
    fields = ["status", "updated_at"]
    case.status = SupportCase.PENDING if from_staff else SupportCase.OPEN
    if from_staff and case.first_response_at is None:
        case.first_response_at = timezone.now()
        fields.append("first_response_at")
    case.save(update_fields=fields)


def resolve_case(actor: Actor, case: SupportCase, note: str = "") -> None:
    """Close the case (either side); resolving an unlinking request cancels it."""
    _require(permissions.case_decision(actor, case))
    with transaction.atomic():
        locked = SupportCase.objects.select_for_update().get(pk=case.pk)
        if locked.status == SupportCase.RESOLVED:
            return
        locked.status = SupportCase.RESOLVED
        locked.closed_at = timezone.now()
        locked.save(update_fields=["status", "closed_at", "updated_at"])
        if note:
            CaseMessage.objects.create(
                case=locked, author=actor.user, body=note, from_staff=_staff_side(actor)
            )
        if locked.lockout_id is not None:  # the admin's list of contacts shows it handled
            LockoutContact.objects.filter(pk=locked.lockout_id).update(handled=True)
        _case_event(actor, "ResolveCase", locked, request_parameters={"caseId": case.case_id})
        case_resolved.send(sender=SupportCase, case=locked, actor=actor)
    case.status = SupportCase.RESOLVED


def reopen_case(actor: Actor, case: SupportCase) -> None:
    _require(permissions.case_decision(actor, case))
    with transaction.atomic():
        locked = SupportCase.objects.select_for_update().get(pk=case.pk)
        if locked.status != SupportCase.RESOLVED:
            raise ChangeRefused(_("This case is open."))
        if locked.kind == SupportCase.UNLINK:
            raise ChangeRefused(_("Open a new unlinking request instead."))
        locked.status = SupportCase.OPEN
        locked.closed_at = None
        locked.save(update_fields=["status", "closed_at", "updated_at"])
        _case_event(actor, "ReopenCase", locked, request_parameters={"caseId": case.case_id})
    case.status = SupportCase.OPEN
