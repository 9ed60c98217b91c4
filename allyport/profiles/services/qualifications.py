"""Qualifications association: a subsidiary shares its qualifications with its primary
company (the account API's Start/Get QualificationsAssociationTask and the
disassociation). The subsidiary connection is the `connections` app's: it answers
through the "company.subsidiary_of" slot (fn(subsidiary, primary) -> bool)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.core import contributions
from allyport.core.errors import REQUIRED, FieldError, NotFound, RuleViolation
from allyport.pipeline.selectors import linked_account_id
from allyport.profiles import permissions as perms
from allyport.profiles.enums import QualificationsTaskStatus
from allyport.profiles.models import CompanyProfile, QualificationsAssociation, QualificationsTask
from allyport.profiles.services.common import lock, record, require_on
from allyport.profiles.services.versions import ensure_profile

SUBSIDIARY_SLOT = "company.subsidiary_of"
MAX_ASSOCIATED = 6
Kind = QualificationsTask.Kind


def _business(code: str, message: str) -> RuleViolation:
    return RuleViolation([FieldError("PrimaryPartner", message, code)])


def partner_named(reference: Mapping[str, Any], field: str) -> Company:
    """The company a QualificationsAssociationPartner {ProfileId, AccountId} names."""
    profile_id, account_id = reference.get("ProfileId"), reference.get("AccountId")
    if not profile_id and not account_id:
        raise RuleViolation(
            [FieldError(field, _("Name the partner's profile or account."), REQUIRED)]
        )
    found: Company | None = None
    if profile_id:
        profile = (
            CompanyProfile.objects.select_related("company").filter(profile_id=profile_id).first()
        )
        found = profile.company if profile else None
    elif account_id:
        found = Company.objects.filter(account_link__account__account_id=account_id).first()
    if found is None:
        raise NotFound("Partner", str(profile_id or account_id))
    return found


def is_subsidiary(company: Company, primary: Company) -> bool:
    return any(check(company, primary) for check in contributions.contributed(SUBSIDIARY_SLOT))


def partner_reference(company: Company) -> dict[str, str]:
    reference = {"ProfileId": ensure_profile(company).profile_id}
    account = linked_account_id(company)
    if account:
        reference["AccountId"] = account
    return reference


def start_qualifications_association(
    actor: Actor, company: Company, primary_reference: Mapping[str, Any], *, catalog: str = "AWS"
) -> QualificationsTask:
    """Share the company's qualifications with its primary company (needs an active
    subsidiary connection); the task completes in the background."""
    require_on(actor, perms.START_QUALIFICATIONS_ASSOCIATION, company, catalog)
    primary = partner_named(primary_reference, "PrimaryPartner")
    if primary.pk == company.pk:
        raise _business("INCOMPATIBLE_PRIMARY_PARTNER", _("A company cannot be its own primary."))
    if QualificationsAssociation.objects.filter(company=company).exists():
        raise _business(
            "QUALIFICATIONS_ASSOCIATION_EXISTS", _("Your qualifications are already associated.")
        )
    if not is_subsidiary(company, primary):
        raise _business(
            "MISSING_ACTIVE_SUBSIDIARY_CONNECTION",
            _("An active subsidiary connection with the primary company is needed first."),
        )
    if QualificationsAssociation.objects.filter(primary=primary).count() >= MAX_ASSOCIATED:
        raise _business(
            "QUALIFICATIONS_ASSOCIATION_LIMIT_EXCEEDED",
            _("The primary company has 6 associated partners."),
        )
    return _start(actor, company, primary, Kind.ASSOCIATE, "StartQualificationsAssociationTask")


def start_qualifications_disassociation(
    actor: Actor, company: Company, partner_reference_: Mapping[str, Any], *, catalog: str = "AWS"
) -> QualificationsTask:
    """Stop sharing: AssociatedPartner must be the current primary."""
    require_on(actor, perms.START_QUALIFICATIONS_DISASSOCIATION, company, catalog)
    primary = partner_named(partner_reference_, "AssociatedPartner")
    current = QualificationsAssociation.objects.filter(company=company).first()
    if current is None:
        raise RuleViolation(
            [
                FieldError(
                    "AssociatedPartner",
                    _("Your qualifications are not associated."),
                    "QUALIFICATIONS_ASSOCIATION_NOT_FOUND",
                )
            ]
        )
    if current.primary_id != primary.pk:
        raise RuleViolation(
            [
                FieldError(
                    "AssociatedPartner",
                    _("This is not your primary company."),
                    "INCOMPATIBLE_PRIMARY_PARTNER",
                )
            ]
        )
    return _start(
        actor, company, primary, Kind.DISASSOCIATE, "StartQualificationsDisassociationTask"
    )


def _start(
    actor: Actor, company: Company, partner: Company, kind: str, event: str
) -> QualificationsTask:
    from allyport.profiles.tasks import complete_qualifications_task  # noqa: PLC0415

    with transaction.atomic():
        lock(company)
        task = QualificationsTask.objects.create(company=company, partner=partner, kind=kind)
        record(
            actor,
            event,
            company,
            {"identifier": company.public_id, "partner": partner.public_id},
            {"taskId": task.task_id},
        )
        transaction.on_commit(lambda: complete_qualifications_task.enqueue(task_id=task.task_id))
    return task


def complete_task(actor: Actor, task_id: str) -> QualificationsTask | None:
    """The background step (the system): apply the association or its end."""
    with transaction.atomic():
        task = QualificationsTask.objects.select_for_update().filter(task_id=task_id).first()
        if task is None or task.status != QualificationsTaskStatus.IN_PROGRESS:
            return task
        if task.kind == Kind.ASSOCIATE:
            QualificationsAssociation.objects.update_or_create(
                company=task.company,
                defaults={"primary": task.partner, "associated_at": timezone.now()},
            )
        else:
            QualificationsAssociation.objects.filter(
                company=task.company, primary=task.partner
            ).delete()
        task.status, task.ended_at = QualificationsTaskStatus.SUCCEEDED, timezone.now()
        task.save(update_fields=["status", "ended_at"])
        record(
            actor,
            "CompleteQualificationsTask",
            task.company,
            {"taskId": task.task_id, "kind": task.kind},
        )
    return task
