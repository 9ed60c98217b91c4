"""Solutions — the portal's offerings (Build > Offerings) and what ListSolutions returns."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import require
from allyport.core.errors import REQUIRED, FieldError, RuleViolation
from allyport.pipeline.shared.clock import now_ms
from allyport.pipeline.shared.console_audit import record_console
from allyport.pipeline.shared.scope import MANAGE_OFFERINGS, company_of, solutions
from allyport.pipeline.solutions.models import Solution, solution_id
from allyport.pipeline.solutions.selectors import find_solution

NAME_MAX = 255
CATEGORY_MAX = 64


def _fields(values: Mapping[str, Any]) -> dict[str, Any]:
    """Checked offering fields: name, category, status, AWS Marketplace solution ARN."""
    errors = []
    name = str(values.get("name", "")).strip()
    category = str(values.get("category", "")).strip()
    if not name or len(name) > NAME_MAX:
        errors.append(FieldError("Name", _("Give a name of up to 255 characters."), REQUIRED))
    if not category or len(category) > CATEGORY_MAX:
        errors.append(FieldError("Category", _("Choose a category."), REQUIRED))
    status = values.get("status", Solution.Status.DRAFT)
    if status not in Solution.Status.values:
        errors.append(FieldError("Status", _("Active, Inactive or Draft.")))
    arn = str(values.get("aws_marketplace_solution_arn") or "")
    if arn and (not arn.startswith("arn:") or len(arn) > 2048):
        errors.append(FieldError("AwsMarketplaceSolutionArn", _("This is not an ARN.")))
    if errors:
        raise RuleViolation(errors)
    return {"name": name, "category": category, "status": status,
            "aws_marketplace_solution_arn": arn}  # fmt: skip


def _record(actor: Actor, event: str, solution: Solution) -> None:
    record_console(
        actor,
        event,
        company=solution.company,
        request={"catalog": solution.catalog, "identifier": solution.public_id},
    )


def create_solution(actor: Actor, catalog: str, values: Mapping[str, Any]) -> Solution:
    """A new offering. `values`: name, category, status (default Draft),
    aws_marketplace_solution_arn."""
    company = company_of(actor)
    require(actor, MANAGE_OFFERINGS)
    solutions(actor, catalog)  # checks the catalog
    solution = Solution(company=company, catalog=catalog, created_date=now_ms(), **_fields(values))
    with transaction.atomic():
        for attempt in range(5):
            try:
                with transaction.atomic():
                    solution.save(force_insert=True)
                break
            except IntegrityError:
                if attempt == 4:
                    raise
                solution.public_id = solution_id()
        _record(actor, "CreateSolution", solution)
    return solution


def update_solution(
    actor: Actor, catalog: str, identifier: str, values: Mapping[str, Any]
) -> Solution:
    """Edit an offering, or activate/deactivate it (`values` as for create; missing
    keys keep their value)."""
    require(actor, MANAGE_OFFERINGS)
    with transaction.atomic():
        solution = find_solution(actor, catalog, identifier)
        current = {
            "name": solution.name,
            "category": solution.category,
            "status": solution.status,
            "aws_marketplace_solution_arn": solution.aws_marketplace_solution_arn,
        }
        for field, value in _fields({**current, **values}).items():
            setattr(solution, field, value)
        solution.save()
        _record(actor, "UpdateSolution", solution)
    return solution
