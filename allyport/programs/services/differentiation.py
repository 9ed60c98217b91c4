"""The partner path's Differentiated stage: a Validated partner that earns an AWS
Specialization (an AWS Competency, Service Delivery or Service Ready designation)
is Differentiated. The move itself is the company profile's (`profiles.services.stages`),
so it lands in the stage history with its reason like every other move."""

from __future__ import annotations

from allyport.access.actor import Actor
from allyport.access.decisions import Target, require
from allyport.accounts.choices import Stage
from allyport.accounts.models import Company
from allyport.profiles.services.stages import change_stage
from allyport.programs.models import ApplicationStatus, ProgramApplication
from allyport.programs.models.catalogue import SPECIALIZATION_KINDS
from allyport.programs.permissions import MOVE_STAGE


def specializations_of(company: Company) -> list[str]:
    return list(
        ProgramApplication.objects.filter(
            company=company,
            status=ApplicationStatus.APPROVED,
            designation__kind__in=SPECIALIZATION_KINDS,
        ).values_list("designation__name", flat=True)
    )


def set_differentiated_if_due(actor: Actor, company: Company) -> bool:
    """Move a Validated company with an approved specialization to Differentiated
    through the profile's stage change (history, audit record, finder listing), with
    the reason. Runs in the caller's transaction; True when the stage moved."""
    require(actor, MOVE_STAGE, Target(company=company))
    company = Company.objects.select_for_update().get(pk=company.pk)
    earned = specializations_of(company)
    if company.stage != Stage.VALIDATED or not earned:
        return False
    reason = f"AWS Specialization approved: {', '.join(sorted(earned))}"
    return change_stage(actor, company, Stage.DIFFERENTIATED, reason) is not None
