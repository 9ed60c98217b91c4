"""The Partner Scorecard: for each path the company is in, progress toward the next
stage and the next tier, from the records (certifications, accreditations, launched
opportunities, public references, validations, designations) against the thresholds
staff keep (`TierRequirement`)."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import fields as fields_of
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone, translation

from allyport.access.model import access_model
from allyport.accounts.models import Company
from allyport.core import contributions
from allyport.pipeline.enums import Catalog
from allyport.pipeline.models import Opportunity
from allyport.programs.models import ApplicationStatus, Enrolment, Metric, ProgramApplication
from allyport.programs.models.catalogue import SPECIALIZATION_KINDS
from allyport.programs.models.learning import Course
from allyport.programs.models.scorecard import Ladder, TierRequirement
from allyport.programs.selectors import certifications

PUBLIC_REFERENCES_SLOT = "company.public_references"
LAUNCHED = "Launched"
TECHNICAL_LEVELS = ("associate", "professional", "specialty")


def _monthly_usd(data: dict[str, Any]) -> Decimal:
    total = Decimal(0)
    for spend in (data.get("Project") or {}).get("ExpectedCustomerSpend") or []:
        if spend.get("Frequency") == "Monthly" and spend.get("CurrencyCode", "USD") == "USD":
            try:
                total += Decimal(str(spend.get("Amount") or 0))
            except InvalidOperation:
                continue
    return total


def _launched(company: Company, now: datetime) -> tuple[int, int]:
    """Opportunities launched in the last 12 months (the tier guide's time-bound
    count) and their estimated monthly revenue, in whole dollars."""
    rows = list(
        Opportunity.objects.filter(
            company=company, catalog=Catalog.AWS, stage=LAUNCHED,
            last_modified_date__gte=now - timedelta(days=365),
        ).values_list("data", flat=True)
    )  # fmt: skip
    return len(rows), int(sum((_monthly_usd(data) for data in rows), Decimal(0)))


def _accredited(company: Company) -> dict[str, int]:
    rows = (
        Enrolment.objects.filter(
            user__company=company, user__status="active",
            course__format=Course.Format.ACCREDITATION, completed_at__isnull=False,
        )
        .values("course__track")
        .annotate(people=Count("user", distinct=True))
    )  # fmt: skip
    return {row["course__track"]: row["people"] for row in rows}


def _public_references(company: Company) -> int:
    return sum(int(source(company)) for source in contributions.contributed(PUBLIC_REFERENCES_SLOT))


def _designations(company: Company) -> tuple[int, int]:
    approved = ProgramApplication.objects.filter(company=company, status=ApplicationStatus.APPROVED)
    validations = approved.filter(designation__kind__in=SPECIALIZATION_KINDS).count()
    return approved.count(), validations


def metrics(company: Company, now: datetime | None = None) -> dict[str, int]:
    """Every metric's count for the company, computed now from the records."""
    now = now or timezone.now()
    people = certifications.certified_people_count
    accredited = _accredited(company)
    launched, mrr = _launched(company, now)
    designations, validations = _designations(company)
    return {
        Metric.ACCREDITED_BUSINESS: accredited.get("business", 0),
        Metric.ACCREDITED_TECHNICAL: accredited.get("technical", 0),
        Metric.FOUNDATIONAL_CERTIFIED: people(company, ("foundational",), now),
        Metric.TECHNICAL_CERTIFIED: people(company, TECHNICAL_LEVELS, now),
        Metric.PRO_SPECIALTY_CERTIFIED: people(company, ("professional", "specialty"), now),
        Metric.LAUNCHED_OPPORTUNITIES: launched,
        Metric.LAUNCHED_MRR: mrr,
        Metric.PUBLIC_REFERENCES: _public_references(company),
        Metric.VALIDATIONS: validations,
        Metric.DESIGNATIONS: designations,
    }


# Where to act on each metric (URL names of built pages; None: nothing to link).
ACT_AT = {
    Metric.ACCREDITED_BUSINESS: "programs:learn_partner_training",
    Metric.ACCREDITED_TECHNICAL: "programs:learn_partner_training",
    Metric.FOUNDATIONAL_CERTIFIED: "programs:learn_certification",
    Metric.TECHNICAL_CERTIFIED: "programs:learn_certification",
    Metric.PRO_SPECIALTY_CERTIFIED: "programs:learn_certification",
    Metric.LAUNCHED_OPPORTUNITIES: "pipeline:opportunities",
    Metric.LAUNCHED_MRR: "pipeline:opportunities",
    Metric.PUBLIC_REFERENCES: None,
    Metric.VALIDATIONS: "programs:applications",
    Metric.DESIGNATIONS: "programs:applications",
}


@dataclass(frozen=True)
class Row:
    label: str
    count: int
    threshold: int
    note: str
    link: str | None

    @property
    def met(self) -> bool:
        return self.count >= self.threshold

    @property
    def missing(self) -> int:
        return max(self.threshold - self.count, 0)


@dataclass(frozen=True)
class Step:
    ladder: str
    name: str
    rows: tuple[Row, ...]

    @property
    def met(self) -> bool:
        return all(row.met for row in self.rows)


@dataclass(frozen=True)
class PathCard:
    path: str
    tier: str  # the highest tier whose requirements are all met ("" if none)
    next_tier: Step | None
    next_stage: Step | None


@lru_cache(maxsize=32)
def _labels(language: str) -> dict[str, str]:
    """Each metric's label, translated once per language rather than per row."""
    return {str(value): str(label) for value, label in Metric.choices}


@lru_cache(maxsize=1)
def _links() -> dict[str, str | None]:
    """Where to act on each metric (the URLs do not change while the process runs)."""
    return {str(metric): reverse(name) if name else None for metric, name in ACT_AT.items()}


@dataclass(frozen=True)
class Requirement:
    ladder: str
    path: str
    tier: str
    tier_rank: int
    metric: str
    threshold: int
    note: str


def _steps(requirements: list[Requirement], counts: dict[str, int]) -> list[Step]:
    labels, links = _labels(translation.get_language() or ""), _links()
    steps: dict[tuple[int, str], list[Row]] = {}
    for req in requirements:
        row = Row(labels.get(req.metric, req.metric), counts.get(req.metric, 0), req.threshold,
                  req.note, links.get(req.metric))  # fmt: skip
        steps.setdefault((req.tier_rank, req.tier), []).append(row)
    ladder = requirements[0].ladder if requirements else Ladder.TIER
    return [Step(ladder, name, tuple(rows)) for (_rank, name), rows in sorted(steps.items())]


def _next_stage(company: Company, steps: list[Step]) -> Step | None:
    """The first stage above the company's with requirements."""
    model = access_model()
    current = model.stage_rank(company.stage)
    ahead = [s for s in steps if s.name in model.stages and model.stage_rank(s.name) > current]
    return ahead[0] if ahead else None


def scorecard(
    company: Company, now: datetime | None = None, counts: dict[str, int] | None = None
) -> tuple[list[PathCard], dict[str, int]]:
    """The cards of the company's paths, from `counts` (computed now when not given)."""
    counts = counts if counts is not None else metrics(company, now)
    fields = [f.name for f in fields_of(Requirement)]
    requirements = [
        Requirement(*row)
        for row in TierRequirement.objects.filter(path__in=company.paths or []).values_list(*fields)
    ]
    cards = []
    for path in company.paths or []:
        mine = [r for r in requirements if r.path == path]
        tiers = _steps([r for r in mine if r.ladder == Ladder.TIER], counts)
        stages = _steps([r for r in mine if r.ladder == Ladder.STAGE], counts)
        reached = ""
        for step in tiers:
            if not step.met:
                break
            reached = step.name
        next_tier = next((step for step in tiers if not step.met), None)
        cards.append(PathCard(path, reached, next_tier, _next_stage(company, stages)))
    return cards, counts
