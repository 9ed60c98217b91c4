"""Opportunities and offerings in the index.

An opportunity is found by its title, customer, id, partner reference and
description; ACE users see only the ones they own (the Opportunity Management
rule, `pipeline.selectors.sees_all`). Offerings are found by name and category by
whoever sees Build > Offerings.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from allyport.access.actor import Actor
from allyport.pipeline.models import Opportunity, Solution
from allyport.pipeline.selectors import sees_all
from allyport.search import kinds


def _catalog_query(catalog: str) -> str:
    return "?catalog=Sandbox" if catalog == "Sandbox" else ""


def opportunity_document(row: Opportunity) -> kinds.Document:
    project: dict[str, Any] = row.data.get("Project") or {}
    words = [
        row.public_id,
        row.customer_company_name,
        row.partner_opportunity_identifier,
        str(project.get("CustomerBusinessProblem") or ""),
        str(project.get("CustomerUseCase") or ""),
    ]
    return kinds.Document(
        key=row.public_id,
        company_id=row.company_id,
        owner_id=row.owner_id,
        title=row.title or row.customer_company_name or row.public_id,
        detail=" · ".join(
            part for part in (row.customer_company_name, row.stage, row.catalog) if part
        ),
        body=" ".join(word for word in words if word),
        url=reverse("pipeline:opportunity", args=[row.public_id]) + _catalog_query(row.catalog),
    )


def offering_document(row: Solution) -> kinds.Document:
    return kinds.Document(
        key=row.public_id,
        company_id=row.company_id,
        title=row.name,
        detail=" · ".join((row.category, row.status, row.catalog)),
        body=f"{row.public_id} {row.category}",
        url=reverse("pipeline:offering_edit", args=[row.public_id]) + _catalog_query(row.catalog),
    )


def _owned_only(actor: Actor) -> bool:
    return not sees_all(actor)


def register() -> None:
    kinds.register(
        kinds.Kind(
            name="opportunity",
            label=_("Opportunities"),
            model=Opportunity,
            document=opportunity_document,
            rows=lambda: Opportunity.objects.order_by("pk").iterator(chunk_size=2000),
            menu="Sell/Opportunity Management",
            owned_only=_owned_only,
        )
    )
    kinds.register(
        kinds.Kind(
            name="offering",
            label=_("Offerings"),
            model=Solution,
            document=offering_document,
            rows=lambda: Solution.objects.order_by("pk").iterator(chunk_size=2000),
            menu="Build/Offerings",
        )
    )
