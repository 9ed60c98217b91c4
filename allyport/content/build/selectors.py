"""Reading Build records: the company's own (scoped to the actor), the public device
catalogue, and the contributions to profile slots."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from allyport.access.actor import Actor
from allyport.content.build.models import CaseStudy, Device, WorkloadReview
from allyport.content.shared.models import ReviewStatus


def case_studies(actor: Actor) -> QuerySet[CaseStudy]:
    return CaseStudy.objects.filter(company=actor.company)


def devices(actor: Actor) -> QuerySet[Device]:
    return Device.objects.filter(company=actor.company)


def workloads(actor: Actor) -> QuerySet[WorkloadReview]:
    return WorkloadReview.objects.filter(company=actor.company)


def device_catalogue(query: str = "", category: str = "") -> QuerySet[Device]:
    """Qualified devices, for everyone (no sign-in)."""
    found = Device.objects.filter(status=ReviewStatus.VALIDATED).select_related("company")
    for word in query.split()[:8]:
        found = found.filter(
            Q(name__icontains=word) | Q(model_number__icontains=word)
            | Q(company__legal_name__icontains=word) | Q(description__icontains=word)
        )  # fmt: skip
    return found.filter(category=category) if category else found


def case_studies_of(company: Any, *, validated_only: bool) -> list[dict[str, Any]]:
    """The "company.case_studies" slot: {title, summary, customer, url, validated_at}."""
    rows = CaseStudy.objects.filter(company=company)
    if validated_only:
        rows = rows.filter(status=ReviewStatus.VALIDATED)
    return [
        {
            "title": study.title,
            "summary": study.summary,
            "customer": study.customer,
            "url": study.url,
            "validated_at": study.reviewed_at if study.status == ReviewStatus.VALIDATED else None,
        }
        for study in rows.order_by("-reviewed_at", "title")
    ]
