"""Funding's named facts about a company, for the "company.facts" slot (read by the
worklist's task rules and the scorecard): how many applications wait on the partner
or on review, and the allocations still open."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from allyport.funding.models import AllocationStatus, ApplicationStatus, BenefitApplication


def company_facts(company: Any) -> dict[str, int]:
    counts = BenefitApplication.objects.filter(company=company).aggregate(
        action=Count("pk", filter=Q(status=ApplicationStatus.ACTION_REQUIRED)),
        review=Count("pk", filter=Q(status=ApplicationStatus.IN_REVIEW)),
        drafts=Count("pk", filter=Q(status=ApplicationStatus.PENDING_SUBMISSION)),
        active=Count("allocation", filter=Q(allocation__status=AllocationStatus.ACTIVE)),
    )
    return {
        "funding.applications_action_required": counts["action"],
        "funding.applications_in_review": counts["review"],
        "funding.applications_draft": counts["drafts"],
        "funding.active_allocations": counts["active"],
    }
