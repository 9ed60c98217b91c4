"""Opportunities of the selling API.

An opportunity keeps the API's structure as JSON (`data`) and copies the values
that lists filter and sort on into indexed columns. Every row belongs to one
company and one catalog; every query filters by both first.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy

from allyport.core.ids import digits
from allyport.pipeline.enums import Catalog

__all__ = ["Opportunity"]


def opportunity_id() -> str:
    """`O` and 10 digits (the API allows `O[0-9]{1,19}`)."""
    return "O" + digits(10)


def _keyset_indexes(prefix: str, columns: tuple[str, ...]) -> list[models.Index]:
    """(company, catalog, column, public_id) for each sort column: a page is one range
    scan of one index, forwards for ascending and backwards for descending order."""
    return [
        models.Index(
            fields=["company", "catalog", *dict.fromkeys((column, "public_id"))],
            name=f"{prefix}_{column}_idx",
        )
        for column in columns
    ]


class Opportunity(models.Model):
    """A partner opportunity. `data` holds what Create/UpdateOpportunity accept besides
    the identifiers and dates: Customer, Project, LifeCycle, Marketing, OpportunityTeam,
    PrimaryNeedsFromAws, NationalSecurity, OpportunityType, Origin, SoftwareRevenue,
    PartnerOpportunityIdentifier (GetOpportunity returns all but Origin)."""

    public_id = models.CharField(max_length=20, unique=True, default=opportunity_id)
    # No index of its own: every composite index starts with company.
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    catalog = models.CharField(max_length=8, choices=Catalog.choices)
    # Null for API-created opportunities until AssignOpportunity names someone.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    data = models.JSONField(default=dict)
    # RelatedEntityIdentifiers: {"Solutions": [...], "AwsProducts": [...], ...}.
    related = models.JSONField(default=dict)
    tags = models.JSONField(default=list)
    # Copies of `data` for filters and sorting.
    stage = models.CharField(max_length=32, blank=True)
    review_status = models.CharField(max_length=32)
    customer_company_name = models.CharField(max_length=120, blank=True)
    title = models.CharField(max_length=255, blank=True)
    target_close_date = models.DateField(null=True, blank=True)
    partner_opportunity_identifier = models.CharField(max_length=64, blank=True)
    origin = models.CharField(max_length=20)
    # The last SubmitOpportunity (AWS's view: GetAwsOpportunitySummary).
    involvement_type = models.CharField(max_length=24, blank=True)
    visibility = models.CharField(max_length=8, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    created_date = models.DateTimeField()
    # The optimistic-concurrency token of UpdateOpportunity: strictly increasing per row.
    last_modified_date = models.DateTimeField()

    class Meta:
        verbose_name = gettext_lazy("opportunity")
        verbose_name_plural = gettext_lazy("opportunities")
        indexes = [
            *_keyset_indexes(
                "opp",
                (
                    "last_modified_date",
                    "public_id",
                    "customer_company_name",
                    "created_date",
                    "target_close_date",
                ),
            ),
            # Members who manage only their own opportunities list them newest first.
            models.Index(
                fields=["company", "catalog", "owner", "last_modified_date", "public_id"],
                name="opp_owner_modified_idx",
            ),
            # The usual list (newest first) filtered by stage or by review status: a
            # selective filter stays one range scan instead of filtering the company's
            # whole newest-first index (measured: 1.2 s at 200,000 rows without them).
            models.Index(
                fields=["company", "catalog", "stage", "last_modified_date", "public_id"],
                name="opp_stage_modified_idx",
            ),
            models.Index(
                fields=["company", "catalog", "review_status", "last_modified_date", "public_id"],
                name="opp_review_modified_idx",
            ),
            # A CRM finds its record by its own id.
            models.Index(
                fields=["company", "catalog", "partner_opportunity_identifier"],
                name="opp_partner_ref_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.public_id

    @property
    def life_cycle(self) -> dict[str, Any]:
        value = self.data.get("LifeCycle") or {}
        return value if isinstance(value, dict) else {}
