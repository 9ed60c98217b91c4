"""Reads of the catalogue: published programs and designations, who may apply,
resource pages."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from allyport.access.model import access_model
from allyport.accounts.models import Company
from allyport.core.errors import NotFound
from allyport.programs.models import Designation, Program, ResourcePage


def published_programs() -> QuerySet[Program]:
    return Program.objects.filter(published=True).prefetch_related("designations")


def find_program(slug: str) -> Program:
    found = published_programs().filter(slug=slug).first()
    if found is None:
        raise NotFound("Program", slug)
    return found


def published_designations(search: str = "") -> QuerySet[Designation]:
    """The designations one may look for in Select Designation; the search matches
    the name, the program's name or the summary ("ISV" finds ISV Workload Migration)."""
    found = Designation.objects.filter(published=True, program__published=True)
    search = search.strip()
    if search:
        found = found.filter(
            Q(name__icontains=search)
            | Q(program__name__icontains=search)
            | Q(summary__icontains=search)
        )
    return found.select_related("program")


def find_designation(slug: str) -> Designation:
    found = published_designations().filter(slug=slug).first()
    if found is None:
        raise NotFound("Designation", slug)
    return found


def ineligibility(designation: Designation, company: Company) -> str:
    """Why the company may not apply for the designation ("" when it may)."""
    model = access_model()
    if model.stage_rank(company.stage) < model.stage_rank(designation.min_stage):
        return _("Your company must be %(stage)s or higher.") % {"stage": designation.min_stage}
    if designation.paths and not set(designation.paths) & set(company.paths or []):
        return _("Only for the %(paths)s path.") % {"paths": ", ".join(designation.paths)}
    return ""


def published_resources() -> QuerySet[ResourcePage]:
    return ResourcePage.objects.filter(published=True, program__published=True).select_related(
        "program"
    )


def find_resource(slug: str) -> ResourcePage:
    found = published_resources().filter(slug=slug).first()
    if found is None:
        raise NotFound("ResourcePage", slug)
    return found
