"""Staff's side of a case: assignment and internal notes (partners never see them)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import PermissionDenied, Target, authorize
from allyport.accounts.models import User
from allyport.core.errors import ChangeRefused
from allyport.support.models import CaseMessage, SupportCase
from allyport.support.permissions import ANSWER_CASES
from allyport.support.services.cases import _body_error, _case_event


def _require_staff(actor: Actor, case: SupportCase) -> None:
    decision = authorize(actor, ANSWER_CASES, Target(company=case.company_id))
    if not decision:
        raise PermissionDenied(decision)


def assign_case(actor: Actor, case: SupportCase, assignee: User | None) -> None:
    """Give the case to a staff member (None: back to the unassigned queue)."""
    _require_staff(actor, case)
    if assignee is not None and not (assignee.is_staff and assignee.is_active):
        raise ChangeRefused(_("Assign cases to active staff members only."), "assignee")
    with transaction.atomic():
        locked = SupportCase.objects.select_for_update().get(pk=case.pk)
        locked.assignee = assignee
        locked.save(update_fields=["assignee", "updated_at"])
        _case_event(
            actor, "AssignCase", locked,
            request_parameters={"caseId": case.case_id,
                                "assignee": assignee.email if assignee else None},
        )  # fmt: skip
    case.assignee = assignee


def add_note(actor: Actor, case: SupportCase, body: str) -> CaseMessage:
    """An internal note: staff only, not emailed, not shown to the partner."""
    _require_staff(actor, case)
    body = body.strip()
    error = _body_error(body)
    if error is not None:
        raise ChangeRefused(error.message, "body")
    with transaction.atomic():
        note = CaseMessage.objects.create(
            case=case, author=actor.user, body=body, from_staff=True, internal=True
        )
        _case_event(
            actor, "AddInternalNoteToCase", case, request_parameters={"caseId": case.case_id}
        )
    return note
