"""The partner path's Differentiated stage: a Validated partner that earns an AWS
Specialization (an AWS Competency, Service Delivery or Service Ready designation)
is Differentiated. This is the one stage move the programs app makes; every other
stage change belongs to the company profile."""

from __future__ import annotations

from allyport.access.actor import Actor
from allyport.access.decisions import Target, require
from allyport.accounts.choices import Stage
from allyport.accounts.models import Company
from allyport.audit import services as audit
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
    """Move a Validated company with an approved specialization to Differentiated, as
    `accounts.services.operators.set_company` changes a stage (the field, then its
    UpdatePartner record), with the reason. Runs in the caller's transaction; True
    when the stage moved."""
    require(actor, MOVE_STAGE, Target(company=company))
    company = Company.objects.select_for_update().get(pk=company.pk)
    earned = specializations_of(company)
    if company.stage != Stage.VALIDATED or not earned:
        return False
    company.stage = Stage.DIFFERENTIATED
    company.save(update_fields=["stage"])
    reason = f"AWS Specialization approved: {', '.join(sorted(earned))}"
    audit.record(
        actor,
        "UpdatePartner",
        company=company,
        request_parameters={"stage": Stage.DIFFERENTIATED, "reason": reason},
    )
    return True
