"""Reading job postings: the company's own, and the open ones anyone may see."""

from __future__ import annotations

from django.db.models import QuerySet

from allyport.access.actor import Actor
from allyport.content.jobs.models import JobPosting


def postings(actor: Actor, status: str = "") -> QuerySet[JobPosting]:
    found = JobPosting.objects.filter(company=actor.company)
    return found.filter(status=status) if status in JobPosting.Status.values else found


def public_posting(public_id: str) -> JobPosting | None:
    return (
        JobPosting.objects.filter(public_id=public_id, status=JobPosting.Status.OPEN)
        .select_related("company")
        .first()
    )


def public_postings_of(company_public_id: str) -> QuerySet[JobPosting]:
    return JobPosting.objects.filter(
        company__public_id=company_public_id, status=JobPosting.Status.OPEN
    ).select_related("company")
