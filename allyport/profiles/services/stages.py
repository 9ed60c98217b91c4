"""Paths and stages. Enrolling in a path (from Products & Services, which must list a
type that recommends it) moves a Registered company to Enrolled; the program fee's
upgrade form moves it to Confirmed; staff record a passed validation (Validated) and
a designation makes it Differentiated. Every move is kept with its reason and record;
staff may move a company to any stage with a reason."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.core.errors import REQUIRED, FieldError, RuleViolation
from allyport.profiles import permissions as perms
from allyport.profiles.enums import STAGE_ORDER, Stage, paths_for_types, stage_rank
from allyport.profiles.models import PathEnrollment, StageChange
from allyport.profiles.services import finder
from allyport.profiles.services.common import actor_label, lock, record, require_on
from allyport.profiles.services.versions import ensure_profile

PATHS = ("Software", "Services", "Training", "Distribution", "Hardware")


def change_stage(actor: Actor, company: Company, to_stage: str, reason: str) -> StageChange | None:
    """Move the (locked) company and keep the move; inside the caller's decided change."""
    if company.stage == to_stage:
        return None
    change = StageChange.objects.create(
        company=company,
        from_stage=company.stage,
        to_stage=to_stage,
        reason=reason[:500],
        actor_label=actor_label(actor),
        user=actor.user,
    )
    Company.objects.filter(pk=company.pk).update(stage=to_stage)
    company.stage = to_stage
    record(
        actor, "UpdatePartnerStage", company,
        {"fromStage": change.from_stage, "toStage": to_stage, "reason": reason},
    )  # fmt: skip
    finder.refresh_listing(company)
    return change


def enroll_in_path(actor: Actor, company: Company, path: str) -> PathEnrollment:
    """Enroll in a path that the company's products and services recommend."""
    require_on(actor, perms.ENROLL_IN_PATH, company)
    if path not in PATHS:
        raise RuleViolation([FieldError("path", _("Choose a path."), REQUIRED)])
    with transaction.atomic():
        company = lock(company)
        if path not in paths_for_types(list(ensure_profile(company).offering_types)):
            raise RuleViolation(
                [
                    FieldError(
                        "path",
                        _("List products or services of this path on Products & Services first."),
                    )
                ]
            )
        enrollment, created = PathEnrollment.objects.get_or_create(
            company=company, path=path, defaults={"enrolled_by": actor.user}
        )
        if created:
            if path not in (company.paths or []):
                Company.objects.filter(pk=company.pk).update(paths=[*company.paths, path])
                company.paths = [*company.paths, path]
            record(actor, "EnrollInPath", company, {"path": path})
            if company.stage == Stage.REGISTERED:
                change_stage(
                    actor,
                    company,
                    Stage.ENROLLED,
                    _("Enrolled in the %(path)s path") % {"path": path},
                )
            finder.refresh_listing(company)
    return enrollment


def move_stage(actor: Actor, company: Company, to_stage: str, reason: str) -> StageChange | None:
    """Staff (or the system) move a company, with the reason kept."""
    require_on(actor, perms.REVIEW, company)
    errors = []
    if to_stage not in STAGE_ORDER:
        errors.append(FieldError("stage", _("Choose a stage.")))
    if not reason.strip():
        errors.append(FieldError("reason", _("Give the reason for the move."), REQUIRED))
    if errors:
        raise RuleViolation(errors)
    with transaction.atomic():
        return change_stage(actor, lock(company), to_stage, reason.strip())


def record_validation(actor: Actor, company: Company, reason: str) -> StageChange | None:
    """Staff record a passed validation: a Confirmed company becomes Validated."""
    require_on(actor, perms.REVIEW, company)
    company.refresh_from_db(fields=["stage"])
    if stage_rank(company.stage) < stage_rank(Stage.CONFIRMED):
        raise RuleViolation([FieldError("stage", _("Only a Confirmed company can be validated."))])
    if stage_rank(company.stage) >= stage_rank(Stage.VALIDATED):
        return None
    return move_stage(actor, company, Stage.VALIDATED, reason or _("Validation passed"))
