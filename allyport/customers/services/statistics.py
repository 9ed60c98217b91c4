"""GetCustomerAccountStatistics: counts of the filtered accounts, grouped by one field
per aggregation with GROUP BY in the database (never by reading the rows)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.core.errors import REQUEST, refuse
from allyport.customers.models import CustomerAccount, EligibleProgram
from allyport.customers.services.search import filtered

MAX_BUCKETS = 100  # the model's BucketList; the rest is OtherCount
# The Values of the bucket of accounts without a value (IncludeMissing).
MISSING = ""
# AggregatableField -> column; PROGRAM_ELIGIBILITY is a relation (one row a program).
COLUMNS = {
    "ENRICHMENT_STATUS": "enrichment_status",
    "AWS_INDUSTRY": "aws_industry",
    "SEGMENT": "segment",
    "REGION": "region",
    "SOLUTION_CATEGORY": "solution_category",
    "ACCOUNT_PLANNING_QUALIFICATION": "account_planning_qualification",
    "MARKETPLACE_ENGAGEMENT_SCORE": "marketplace_engagement_score",
    "GEO": "geo",
    "COUNTRY": "country",
    "SOLUTION_SCORE": "solution_score",
}
PROGRAMS = "PROGRAM_ELIGIBILITY"


def _buckets(rows: Any, column: str, limit: int) -> list[dict[str, Any]]:
    return [{"Values": [row[column]], "Count": row["n"]} for row in rows[:limit]]


def _by_column(
    queryset: QuerySet[CustomerAccount], column: str, limit: int
) -> tuple[list[dict[str, Any]], int, int]:
    """(buckets, accounts with a value, accounts without one)."""
    present = ~Q(**{column: ""})
    rows = queryset.filter(present).values(column).annotate(n=Count("pk")).order_by("-n", column)
    totals = queryset.aggregate(
        valued=Count("pk", filter=present), missing=Count("pk", filter=~present)
    )
    return _buckets(rows, column, limit), totals["valued"], totals["missing"]


def _by_program(
    queryset: QuerySet[CustomerAccount], limit: int
) -> tuple[list[dict[str, Any]], int, int]:
    """An account counts once in each of its programs' buckets; OtherCount counts the
    accounts that have a program beyond the buckets."""
    programs = EligibleProgram.objects.filter(account__in=queryset.values("pk"))
    rows = programs.values("program").annotate(n=Count("account", distinct=True))
    buckets = _buckets(rows.order_by("-n", "program"), "program", limit)
    shown = [bucket["Values"][0] for bucket in buckets]
    beyond = programs.exclude(program__in=shown).values("account").distinct().count()
    missing = queryset.exclude(pk__in=programs.values("account")).count()
    return buckets, beyond, missing


def _aggregate(
    queryset: QuerySet[CustomerAccount], request: Mapping[str, Any], index: int, missing_too: bool
) -> dict[str, Any]:
    group_by = list(request.get("GroupBy") or [])
    field = group_by[0] if len(group_by) == 1 else None
    if field != PROGRAMS and field not in COLUMNS:
        raise refuse(
            f"Aggregations[{index}].GroupBy", _("Group by one supported field."), reason=REQUEST
        )
    # The bucket of missing values takes one of the hundred places when asked for.
    limit = MAX_BUCKETS - 1 if missing_too else MAX_BUCKETS
    if field == PROGRAMS:
        buckets, other, missing = _by_program(queryset, limit)
    else:
        buckets, valued, missing = _by_column(queryset, COLUMNS[field], limit)
        other = valued - sum(bucket["Count"] for bucket in buckets)
    if missing_too and missing:
        buckets.append({"Values": [MISSING], "Count": missing})
    return {"GroupBy": [field], "Buckets": buckets, "OtherCount": other}


def customer_account_statistics(
    actor: Actor, catalog: str, params: Mapping[str, Any]
) -> dict[str, Any]:
    queryset = filtered(actor, catalog, params.get("Filter"))
    missing_too = bool(params.get("IncludeMissing"))
    aggregations = [
        _aggregate(queryset, request, index, missing_too)
        for index, request in enumerate(params.get("Aggregations") or [])
    ]
    answer: dict[str, Any] = {"TotalCount": queryset.count()}
    if aggregations:
        answer["Aggregations"] = aggregations
    return answer
