"""Resource snapshots, snapshot jobs and engagement resource associations (spec §2.12).

Resources for the policy evaluator: the engagement's ARN and the opportunity's
(snapshots and jobs of an opportunity in an engagement), the job's ARN
(`…:<account>:catalog/<Catalog>/resource-snapshot-job/<id>`), and "*" for the
lists that span engagements.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from allyport.awsapi.idempotency import with_client_token
from allyport.awsapi.registry import ApiContext, operation
from allyport.pipeline.engagements.selectors import engagement_arn, plain_id
from allyport.pipeline.selectors import opportunity_arn
from allyport.pipeline.snapshots import services as snapshots
from allyport.shapes import selling


def _engagement(ctx: ApiContext, params: dict[str, Any]) -> tuple[str, str]:
    catalog, identifier = params["Catalog"], params["EngagementIdentifier"]
    ctx.authorize(engagement_arn(catalog, plain_id(identifier)), catalog=catalog)
    return catalog, identifier


def _engagement_and_opportunity(ctx: ApiContext, params: dict[str, Any]) -> tuple[str, str]:
    catalog, identifier = _engagement(ctx, params)
    ctx.authorize(
        opportunity_arn(catalog, params["ResourceIdentifier"], ctx.account_id), catalog=catalog
    )
    return catalog, identifier


def _job(ctx: ApiContext, params: dict[str, Any]) -> tuple[str, str]:
    catalog, identifier = params["Catalog"], params["ResourceSnapshotJobIdentifier"]
    resource = (
        f"arn:aws:partnercentral:{settings.ALLYPORT_AWS_REGION}:{ctx.account_id}:"
        f"catalog/{catalog}/resource-snapshot-job/{identifier}"
    )
    ctx.authorize(resource, catalog=catalog)
    return catalog, identifier


@operation(selling.SERVICE, "CreateResourceSnapshot")
def create_resource_snapshot(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, engagement = _engagement_and_opportunity(ctx, params)

    def create() -> dict[str, Any]:
        snapshot = snapshots.create_snapshot(
            ctx.actor,
            catalog,
            engagement,
            params["ResourceIdentifier"],
            params["ResourceSnapshotTemplateIdentifier"],
        )
        return {"Arn": snapshots.snapshot_arn(snapshot), "Revision": snapshot.revision}

    return with_client_token(ctx, params["ClientToken"], params, create)


@operation(selling.SERVICE, "GetResourceSnapshot")
def get_resource_snapshot(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, engagement = _engagement(ctx, params)
    snapshot = snapshots.get_snapshot(
        ctx.actor,
        catalog,
        engagement,
        params["ResourceIdentifier"],
        params["ResourceSnapshotTemplateIdentifier"],
        params.get("Revision"),
    )
    return snapshots.snapshot_view(snapshot)


@operation(selling.SERVICE, "ListResourceSnapshots")
def list_resource_snapshots(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, _engagement_id = _engagement(ctx, params)
    page = snapshots.list_snapshots(ctx.actor, catalog, params)
    return {
        "ResourceSnapshotSummaries": [snapshots.snapshot_summary(s) for s in page.items],
        "NextToken": page.next_token,
    }


@operation(selling.SERVICE, "CreateResourceSnapshotJob")
def create_resource_snapshot_job(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, engagement = _engagement_and_opportunity(ctx, params)

    def create() -> dict[str, Any]:
        job = snapshots.create_job(
            ctx.actor,
            catalog,
            engagement,
            params["ResourceIdentifier"],
            params["ResourceSnapshotTemplateIdentifier"],
            params.get("Tags"),
        )
        return {"Id": job.public_id, "Arn": snapshots.job_arn(job)}

    return with_client_token(ctx, params["ClientToken"], params, create)


@operation(selling.SERVICE, "GetResourceSnapshotJob")
def get_resource_snapshot_job(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = _job(ctx, params)
    return snapshots.job_view(snapshots.find_job(ctx.actor, catalog, identifier))


@operation(selling.SERVICE, "StartResourceSnapshotJob")
def start_resource_snapshot_job(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = _job(ctx, params)
    snapshots.start_job(ctx.actor, catalog, identifier)
    return {}


@operation(selling.SERVICE, "StopResourceSnapshotJob")
def stop_resource_snapshot_job(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = _job(ctx, params)
    snapshots.stop_job(ctx.actor, catalog, identifier)
    return {}


@operation(selling.SERVICE, "DeleteResourceSnapshotJob")
def delete_resource_snapshot_job(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = _job(ctx, params)
    snapshots.delete_job(ctx.actor, catalog, identifier)
    return {}


@operation(selling.SERVICE, "ListResourceSnapshotJobs")
def list_resource_snapshot_jobs(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)
    page = snapshots.list_jobs(ctx.actor, catalog, params)
    return {
        "ResourceSnapshotJobSummaries": [snapshots.job_summary(job) for job in page.items],
        "NextToken": page.next_token,
    }


@operation(selling.SERVICE, "ListEngagementResourceAssociations")
def list_engagement_resource_associations(
    ctx: ApiContext, params: dict[str, Any]
) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)
    page = snapshots.list_associations(ctx.actor, catalog, params)
    return {
        "EngagementResourceAssociationSummaries": [
            snapshots.association_summary(item) for item in page.items
        ],
        "NextToken": page.next_token,
    }
