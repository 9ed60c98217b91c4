"""Offerings (the pipeline's Solutions) with the partner's descriptive text."""

from __future__ import annotations

from typing import Any

from allyport.accounts.models import Company
from allyport.pipeline.enums import Catalog
from allyport.pipeline.models import Solution
from allyport.profiles.models import SolutionDescription


def validated_solutions(company: Company) -> list[dict[str, Any]]:
    """The company's offerings validated by the program (Active in the AWS catalog),
    each with the text the partner wrote for its listing."""
    solutions = list(
        Solution.objects.filter(
            company=company, catalog=Catalog.AWS, status=Solution.Status.ACTIVE
        ).order_by("name", "public_id")
    )
    texts = dict(
        SolutionDescription.objects.filter(solution__in=solutions).values_list(
            "solution_id", "text"
        )
    )
    return [
        {
            "id": solution.public_id,
            "name": solution.name,
            "category": solution.category,
            "description": texts.get(solution.pk, ""),
        }
        for solution in solutions
    ]


def published_solutions(company: Company) -> list[dict[str, Any]]:
    return validated_solutions(company)
