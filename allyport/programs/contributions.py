"""What the programs app adds to the slots lower apps read (see core.contributions
and docs/ARCHITECTURE.md, "Slots")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from allyport.accounts.models import Company
from allyport.core import contributions
from allyport.programs.models import (
    ApplicationStatus,
    CertificationLevel,
    Course,
    ProgramApplication,
)
from allyport.programs.selectors import certifications
from allyport.programs.selectors.applications import approved_designations
from allyport.programs.selectors.catalogue import published_designations, published_resources


def qualifications(company: Company) -> list[dict[str, Any]]:
    """Company Profile > Qualifications: approved designations and the AWS
    Certifications the company's people hold (counted as the scorecard counts them)."""
    rows: list[dict[str, Any]] = [
        {
            "kind": str(application.designation.get_kind_display()),
            "name": application.designation.name,
            "detail": application.designation.program.name,
            "since": application.decided_at,
            "url": reverse("programs:program", args=[application.designation.program.slug]),
        }
        for application in approved_designations(company)
    ]
    held: dict[str, int] = {}
    for _email, name, _level in certifications.counted_rows(company):
        held[name] = held.get(name, 0) + 1
    rows += [
        {
            "kind": _("AWS Certification"),
            "name": name,
            "since": None,
            "url": "",
            "detail": ngettext("%(n)d certified person", "%(n)d certified people", count)
            % {"n": count},
        }  # fmt: skip
        for name, count in sorted(held.items())
    ]
    return rows


def facts(company: Company) -> dict[str, Any]:
    """Named facts for the task rules and the scorecard readers."""
    approved = list(approved_designations(company).values_list("designation__slug", flat=True))
    everyone = tuple(CertificationLevel.values)
    return {
        "programs.approved_designations": approved,
        "programs.enrolled": approved,
        "programs.open_applications": len(company_open_applications(company)),
        "programs.certified_people": certifications.certified_people_count(company, everyone),
    }


def company_open_applications(company: Company) -> list[str]:
    return list(
        ProgramApplication.objects.filter(company=company)
        .exclude(status__in=[ApplicationStatus.APPROVED, ApplicationStatus.REJECTED])
        .values_list("public_id", flat=True)
    )


def search_documents() -> Iterator[dict[str, Any]]:
    """The public catalogue for search: published designations, resource pages and
    courses (no company's records)."""
    for d in published_designations():
        yield {"type": "designation", "company_id": None, "id": d.slug, "title": d.name,
               "body": f"{d.program.name}. {d.summary} {d.requirements}",
               "url": reverse("programs:program", args=[d.program.slug])}  # fmt: skip
    for page in published_resources():
        url = reverse("programs:resource", args=[page.slug])
        yield {"type": "resource", "company_id": None, "id": page.slug, "title": page.title,
               "body": page.body, "url": url}  # fmt: skip
    for course in Course.objects.filter(published=True).defer("file_content"):
        yield {"type": "course", "company_id": None, "id": str(course.pk), "title": course.title,
               "body": course.summary, "url": reverse(f"programs:learn_{course.kind}")}  # fmt: skip


def connect() -> None:
    contributions.contribute("company.qualifications", qualifications)
    contributions.contribute("company.facts", facts)
    contributions.contribute("search.documents", search_documents)
