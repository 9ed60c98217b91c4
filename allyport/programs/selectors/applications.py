"""Reads of program applications, scoped to the actor's company, and what an
application may draw on (the company's case studies, through the content slot)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.core import contributions
from allyport.core.errors import NotFound
from allyport.programs.models import ApplicationStatus, ProgramApplication

CASE_STUDIES_SLOT = "company.case_studies"


def company_applications(actor: Actor, status: str = "") -> QuerySet[ProgramApplication]:
    found = ProgramApplication.objects.filter(company=actor.company).select_related(
        "designation__program"
    )
    if status in ApplicationStatus.values:
        found = found.filter(status=status)
    return found.order_by("-updated_at", "-pk")


def find_application(
    actor: Actor, public_id: str, *, for_update: bool = False
) -> ProgramApplication:
    """The actor's company's application; another company's is missing (NotFound)."""
    found = ProgramApplication.objects.filter(company=actor.company, public_id=public_id)
    if for_update:
        found = found.select_for_update()
    application = found.select_related("designation__program").first()
    if actor.company is None or application is None:
        raise NotFound("ProgramApplication", public_id)
    return application


def case_studies_of(company: Company) -> list[dict[str, Any]]:
    """The company's case studies, as the content app contributes them (none when no
    app fills the slot)."""
    found: list[dict[str, Any]] = []
    for source in contributions.contributed(CASE_STUDIES_SLOT):
        found += source(company, validated_only=False)
    return found


def approved_designations(company: Company) -> QuerySet[ProgramApplication]:
    return ProgramApplication.objects.filter(
        company=company, status=ApplicationStatus.APPROVED
    ).select_related("designation__program")
