"""The life of a submission (case study, device, workload review, public reference,
sponsorship request): members edit a draft and submit it; staff validate it or ask
for changes. One set of steps, so every kind refuses and records the same way."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import Permission
from allyport.content.shared import guard
from allyport.content.shared.models import ReviewStatus
from allyport.core.errors import ChangeRefused, NotFound

M = TypeVar("M", bound=Model)


def find_for(actor: Actor, model: type[M], public_id: str, *, lock: bool = False) -> M:
    """The record of the actor's company (staff and the system: any company's); another
    company's is not found, like a missing one."""
    rows = model._default_manager.filter(public_id=public_id)  # type: ignore[misc]
    if actor.is_member or actor.is_iam:
        rows = rows.filter(company=actor.company)
    if lock:
        rows = rows.select_for_update()
    found = rows.first()
    if found is None:
        raise NotFound(model.__name__, public_id)
    return found  # type: ignore[no-any-return]


def check_editable(record: Any) -> None:
    if not record.editable:
        raise ChangeRefused(
            _("It is %(status)s; only a draft or one with changes requested can be changed.")
            % {"status": record.get_status_display().lower()}
        )


def submit(
    actor: Actor, model: type[M], public_id: str, permission: Permission, menu: str, event: str
) -> M:
    guard.require(actor, permission, actor.company, menu=menu)
    with transaction.atomic():
        record = find_for(actor, model, public_id, lock=True)
        check_editable(record)
        record.status = ReviewStatus.SUBMITTED  # type: ignore[attr-defined]
        record.submitted_at = record.updated_at = timezone.now()  # type: ignore[attr-defined]
        record.save()
        guard.record(
            actor, event, company=record.company, resource_type=model.__name__,  # type: ignore[attr-defined]
            identifier=public_id,
        )  # fmt: skip
    return record


def decide(
    actor: Actor, model: type[M], public_id: str, permission: Permission, *,
    approve: bool, note: str, event: str,
) -> M:  # fmt: skip
    """Staff validate a submitted record or ask for changes (with a note saying which)."""
    with transaction.atomic():
        record = find_for(actor, model, public_id, lock=True)
        guard.require(actor, permission, record.company)  # type: ignore[attr-defined]
        if record.status != ReviewStatus.SUBMITTED:  # type: ignore[attr-defined]
            raise ChangeRefused(_("Only a submitted record can be reviewed."))
        if not approve and not note.strip():
            raise ChangeRefused(_("Say what must change."), "review_note")
        record.status = ReviewStatus.VALIDATED if approve else ReviewStatus.REJECTED  # type: ignore[attr-defined]
        record.reviewed_at = timezone.now()  # type: ignore[attr-defined]
        record.review_note = note.strip()  # type: ignore[attr-defined]
        record.save()
        guard.record(
            actor, event, company=record.company, resource_type=model.__name__,  # type: ignore[attr-defined]
            identifier=public_id, request={"approve": approve},
        )  # fmt: skip
    return record
