"""The named facts the task rules and growth rules read.

A company's facts are the worklist's own, the company profile's columns, the
pipeline's counts (read through pipeline.models), and whatever other domains
contribute to the "company.facts" slot (`fn(company) -> dict[str, int|bool|str|list]`;
a slot with no contributor adds nothing, so rules must hold up without them).
Offering facts are added per offering for solution tasks. The names are listed in
docs/ARCHITECTURE.md ("Tasks").
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from django.db.models import Count, Max, Q

from allyport.accounts.models import Company, User
from allyport.core.contributions import contributed
from allyport.pipeline.enums import Catalog, Origin, ReviewStatus
from allyport.pipeline.models import Opportunity, Solution
from allyport.worklist.rules import KIND_OF_CATEGORY

logger = logging.getLogger(__name__)

FACTS_SLOT = "company.facts"
LAUNCHED = "Launched"
# The company profile's columns a rule may ask about (empty: missing).
PROFILE_COLUMNS = ("website", "city", "phone", "employee_count", "industry_segment",
                   "primary_solution_type", "customer_segments", "mfa_enabled")  # fmt: skip


def _pipeline_counts(company: Company) -> dict[str, Any]:
    """One query: the company's AWS-catalog opportunities by what the rules count."""
    partner = Q(origin=Origin.PARTNER_REFERRAL)
    found = Opportunity.objects.filter(company=company, catalog=Catalog.AWS).aggregate(
        opportunities=Count("id"),
        submitted=Count("id", filter=Q(submitted_at__isnull=False)),
        validated=Count("id", filter=partner & Q(review_status=ReviewStatus.APPROVED)),
        launched=Count("id", filter=Q(stage=LAUNCHED)),
        modified=Max("last_modified_date"),
    )
    return {
        "pipeline.opportunities": found["opportunities"],
        "pipeline.submitted_opportunities": found["submitted"],
        "pipeline.validated_partner_opportunities": found["validated"],
        "pipeline.launched_opportunities": found["launched"],
        "pipeline.last_modified": str(found["modified"] or ""),
    }


def _offering_counts(company: Company) -> dict[str, Any]:
    solutions = Solution.objects.filter(company=company, catalog=Catalog.AWS)
    categories = solutions.values_list("category", flat=True).distinct().order_by()
    kinds = sorted({KIND_OF_CATEGORY.get(category, "service") for category in categories})
    found = solutions.aggregate(
        offerings=Count("id"),
        active=Count("id", filter=Q(status=Solution.Status.ACTIVE)),
        listed=Count("id", filter=~Q(aws_marketplace_solution_arn="")),
        newest=Max("created_date"),
    )
    return {
        "pipeline.offerings": found["offerings"],
        "pipeline.active_offerings": found["active"],
        "pipeline.marketplace_offerings": found["listed"],
        "pipeline.newest_offering": str(found["newest"] or ""),
        "worklist.offering_kinds": kinds,
    }


def _contributed(company: Company) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    for source in contributed(FACTS_SLOT):
        try:
            facts.update(source(company) or {})
        except Exception:  # another domain's failure must not take the task pages down
            logger.exception("company.facts contribution %r failed", source)
    return facts


def company_facts(company: Company, *, referral_eligible: bool) -> dict[str, Any]:
    """Every fact about `company` the rules may read."""
    users = User.objects.filter(company=company, status=User.Status.ACTIVE).count()
    facts: dict[str, Any] = {
        "company.stage": company.stage,
        "company.paths": list(company.paths or ()),
        "company.legal_name": company.legal_name,
        **{f"company.{name}": getattr(company, name, "") for name in PROFILE_COLUMNS},
        "accounts.active_users": users,
        "accounts.has_team": users > 1,
        "worklist.referral_eligible": referral_eligible,
        **_pipeline_counts(company),
        **_offering_counts(company),
    }
    facts.update(_contributed(company))
    return facts


def _attached(company: Company) -> tuple[Counter[str], Counter[str]]:
    """Per offering id: opportunities it is attached to, and the launched ones. Only
    opportunities with related solutions are read."""
    attached: Counter[str] = Counter()
    launched: Counter[str] = Counter()
    rows = (
        Opportunity.objects.filter(company=company, catalog=Catalog.AWS)
        .exclude(related={})
        .values_list("related", "stage")
    )
    for related, stage in rows.iterator(chunk_size=2000):
        solutions = related.get("Solutions") if isinstance(related, dict) else None
        for solution_id in set(solutions or ()):
            attached[solution_id] += 1
            if stage == LAUNCHED:
                launched[solution_id] += 1
    return attached, launched


def offering_facts(
    company: Company, stages: dict[int, str]
) -> list[tuple[Solution, dict[str, Any]]]:
    """Each AWS-catalog offering of the company with its facts; `stages` maps a
    solution's pk to its stored growth stage."""
    attached, launched = _attached(company)
    found = []
    solutions = Solution.objects.filter(company=company, catalog=Catalog.AWS).order_by("pk")
    for solution in solutions:
        facts = {
            "offering.kind": KIND_OF_CATEGORY.get(solution.category, "service"),
            "offering.category": solution.category,
            "offering.stage": stages.get(solution.pk, "Build"),
            "offering.status": solution.status,
            "offering.active": solution.status == Solution.Status.ACTIVE,
            "offering.marketplace_listed": bool(solution.aws_marketplace_solution_arn),
            "offering.opportunities": attached[solution.public_id],
            "offering.launched_opportunities": launched[solution.public_id],
        }
        found.append((solution, facts))
    return found
