"""Snapshots: revisions per engagement, resource and template; engagement resource
associations."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from allyport.access.actor import Actor
from allyport.core.errors import NotFound
from allyport.core.keyset import Page, paginate
from allyport.core.listing import page_size
from allyport.pipeline.engagements.models import Engagement
from allyport.pipeline.engagements.selectors import engagements, find_engagement, plain_id
from allyport.pipeline.engagements.services import insert_fresh
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.shared.arns import linked_account_id
from allyport.pipeline.shared.scope import find_opportunity
from allyport.pipeline.snapshots.models import (
    EngagementResourceAssociation,
    ResourceSnapshot,
    association_id,
    snapshot_id,
)
from allyport.pipeline.snapshots.representations import (
    CREATED,
    MAX_PAGE,
    OPPORTUNITY,
    TEMPLATE_FIELD,
    check_template,
    payload_of,
)


def _associate(engagement: Engagement, opportunity: Opportunity) -> None:
    key = {
        "engagement": engagement,
        "resource_type": OPPORTUNITY,
        "resource_id": opportunity.public_id,
    }
    if EngagementResourceAssociation.objects.filter(**key).exists():
        return
    row = EngagementResourceAssociation(
        **key,
        catalog=opportunity.catalog,
        company=opportunity.company,
        created_by=linked_account_id(opportunity.company),
        created_at=timezone.now(),
    )
    with contextlib.suppress(IntegrityError):  # associated by another call meanwhile
        insert_fresh(row, association_id)


def _latest(engagement: Engagement, resource_id: str, template: str) -> ResourceSnapshot | None:
    return (
        ResourceSnapshot.objects.filter(
            engagement=engagement,
            resource_type=OPPORTUNITY,
            resource_id=resource_id,
            template=template,
        )
        .order_by("-revision")
        .first()
    )


def _new_revision(
    engagement: Engagement, opportunity: Opportunity, template: str, payload: dict[str, Any]
) -> ResourceSnapshot:
    """The next revision (the unique constraint settles two calls racing for it)."""
    company = opportunity.company
    for attempt in range(5):
        top = ResourceSnapshot.objects.filter(
            engagement=engagement,
            resource_type=OPPORTUNITY,
            resource_id=opportunity.public_id,
            template=template,
        ).aggregate(top=Max("revision"))["top"]
        snapshot = ResourceSnapshot(
            engagement=engagement,
            catalog=opportunity.catalog,
            resource_type=OPPORTUNITY,
            resource_id=opportunity.public_id,
            template=template,
            revision=(top or 0) + 1,
            payload=payload,
            company=company,
            created_by=linked_account_id(company),
            created_at=timezone.now(),
        )
        try:
            insert_fresh(snapshot, snapshot_id)
        except IntegrityError:
            if attempt == 4:
                raise
            continue
        _associate(engagement, opportunity)
        return snapshot
    raise AssertionError("unreachable")


def create_snapshot(
    actor: Actor, catalog: str, engagement_identifier: str, resource_id: str, template: str
) -> ResourceSnapshot:
    """CreateResourceSnapshot: the caller's opportunity, in an engagement it is a member of."""
    check_template(template)
    with transaction.atomic():
        engagement = find_engagement(actor, catalog, engagement_identifier)
        opportunity = find_opportunity(actor, catalog, resource_id, lock=True)
        return _new_revision(engagement, opportunity, template, payload_of(template, opportunity))


def get_snapshot(
    actor: Actor,
    catalog: str,
    engagement_identifier: str,
    resource_id: str,
    template: str,
    revision: int | None,
) -> ResourceSnapshot:
    """The latest revision, or the one asked for (members of the engagement only)."""
    engagement = find_engagement(actor, catalog, engagement_identifier)
    found = ResourceSnapshot.objects.filter(
        engagement=engagement, resource_type=OPPORTUNITY, resource_id=resource_id, template=template
    )
    snapshot = (
        found.filter(revision=revision).first()
        if revision is not None
        else found.order_by("-revision").first()
    )
    if snapshot is None:
        raise NotFound("ResourceSnapshot", resource_id)
    return snapshot


def _filters(request: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in request.items() if k not in ("MaxResults", "NextToken")}


def list_snapshots(actor: Actor, catalog: str, request: Mapping[str, Any]) -> Page:
    """ListResourceSnapshots of one engagement, oldest first."""
    engagement = find_engagement(actor, catalog, request["EngagementIdentifier"])
    queryset = ResourceSnapshot.objects.filter(engagement=engagement).select_related("engagement")
    for member, column in (
        ("ResourceType", "resource_type"),
        ("ResourceIdentifier", "resource_id"),
        (TEMPLATE_FIELD, "template"),
        ("CreatedBy", "created_by"),
    ):
        if request.get(member):
            queryset = queryset.filter(**{column: request[member]})
    return paginate(
        queryset,
        CREATED,
        descending=False,
        size=page_size(request.get("MaxResults"), MAX_PAGE),
        token=request.get("NextToken"),
        query={"catalog": catalog, "op": "snapshots", "filters": _filters(request)},
    )


def list_associations(actor: Actor, catalog: str, request: Mapping[str, Any]) -> Page:
    """ListEngagementResourceAssociations: in the engagements the caller is a member of."""
    mine = engagements(actor, catalog).values("pk")
    queryset = EngagementResourceAssociation.objects.filter(
        catalog=catalog, engagement__in=mine
    ).select_related("engagement")
    if request.get("EngagementIdentifier"):
        queryset = queryset.filter(engagement__public_id=plain_id(request["EngagementIdentifier"]))
    for member, column in (
        ("ResourceType", "resource_type"),
        ("ResourceIdentifier", "resource_id"),
        ("CreatedBy", "created_by"),
    ):
        if request.get(member):
            queryset = queryset.filter(**{column: request[member]})
    return paginate(
        queryset,
        CREATED,
        descending=False,
        size=page_size(request.get("MaxResults"), MAX_PAGE),
        token=request.get("NextToken"),
        query={"catalog": catalog, "op": "associations", "filters": _filters(request)},
    )
