"""ListEngagementGroups and the group SearchEngagements narrows to.

Groups are curated by the program host (staff, in the admin) and shared by every
partner in their catalog; only active ones are shown. A group's Count is what
the caller's company can see of it: the group's engagements the company is a
member of, never the others (so a group tells nothing of other partners'
engagements). Count is computed by a correlated subquery, so it is a plain
column for sorting and keyset pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.core.errors import REQUEST, refuse
from allyport.core.keyset import Page, SortKey, paginate
from allyport.core.listing import page_size
from allyport.pipeline.engagements.models import EngagementMember
from allyport.pipeline.engagements.selectors import member_company, plain_id
from allyport.pipeline.prospecting.models import EngagementGroup
from allyport.pipeline.shared.scope import check_catalog

SORTS = {"Count": SortKey("visible_count"), "UpdatedAt": SortKey("updated_at", "datetime")}
# Without a Sort: the most recently curated groups first.
DEFAULT_SORT = {"SortBy": "UpdatedAt", "SortOrder": "DESCENDING"}


def group_arn(catalog: str, identifier: str) -> str:
    """Groups are shared by all partners of the catalog, so their ARN names no account."""
    return (
        f"arn:aws:partnercentral:{settings.ALLYPORT_AWS_REGION}::catalog/{catalog}/"
        f"engagement-group/{identifier}"
    )


def _visible_count(company: Company) -> Subquery:
    # One member row per company and engagement (a unique constraint), so counting the
    # company's member rows in the group's engagements counts the engagements.
    counted = (
        EngagementMember.objects.filter(company=company, engagement__groups=OuterRef("pk"))
        .order_by()
        .values("company")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Subquery(counted, output_field=IntegerField())


def groups(actor: Actor, catalog: str) -> QuerySet[EngagementGroup]:
    """The active groups of the catalog, each with the caller's `visible_count`."""
    company = member_company(actor)
    return EngagementGroup.objects.filter(catalog=check_catalog(catalog), active=True).annotate(
        visible_count=Coalesce(_visible_count(company), Value(0))
    )


def find_group(actor: Actor, catalog: str, identifier: str) -> EngagementGroup:
    """SearchEngagements' GroupId: an active group of the catalog, or a ValidationException
    (as the model documents) naming GroupId."""
    found = groups(actor, catalog).filter(public_id=plain_id(identifier)).first()
    if found is None:
        raise refuse(
            "GroupId",
            _("No active engagement group %(id)s is available in catalog %(catalog)s.")
            % {"id": plain_id(identifier), "catalog": catalog},
            reason=REQUEST,
        )
    return found


def list_groups(actor: Actor, catalog: str, request: Mapping[str, Any]) -> Page:
    queryset = groups(actor, catalog)
    if request.get("ReadinessLevel"):
        queryset = queryset.filter(readiness_level=request["ReadinessLevel"])
    if request.get("EngagementGroupIdentifiers"):
        # Identifiers that match no active group are ignored, as the model says.
        ids = [plain_id(str(i)) for i in request["EngagementGroupIdentifiers"]]
        queryset = queryset.filter(public_id__in=ids)
    sort = request.get("Sort") or DEFAULT_SORT
    if sort.get("SortBy") not in SORTS:
        raise refuse("Sort.SortBy", _("Count or UpdatedAt."), reason=REQUEST)
    if sort.get("SortOrder") not in ("ASCENDING", "DESCENDING"):
        raise refuse("Sort.SortOrder", _("ASCENDING or DESCENDING."), reason=REQUEST)
    filters = {k: v for k, v in request.items() if k not in ("MaxResults", "NextToken")}
    return paginate(
        queryset,
        SORTS[sort["SortBy"]],
        descending=sort["SortOrder"] == "DESCENDING",
        size=page_size(request.get("MaxResults")),
        token=request.get("NextToken"),
        query={"catalog": catalog, "op": "engagement-groups", "filters": filters},
    )


def group_summary(group: EngagementGroup) -> dict[str, Any]:
    value = {
        "Id": group.public_id,
        "Arn": group_arn(group.catalog, group.public_id),
        "Catalog": group.catalog,
        "Name": group.name,
        "Description": group.description,
        "Count": getattr(group, "visible_count", 0),
        "ReadinessLevel": group.readiness_level,
        "UpdatedAt": group.updated_at,
    }
    return {key: item for key, item in value.items() if item not in (None, "")}
