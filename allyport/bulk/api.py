"""StartOpportunityBulkJob, ListOpportunityBulkJobs, ListOpportunityBulkJobResults,
GetOpportunityBulkJobReportUrl: the portal's bulk jobs (`allyport.bulk`) through
the API. The resource of each check is the catalog's (`*`), as for the other
list and create operations."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.idempotency import with_client_token
from allyport.awsapi.registry import ApiContext, operation
from allyport.bulk import api_jobs
from allyport.jobs.reports import FAILED_RECORDS
from allyport.shapes import selling


@operation(selling.SERVICE, "StartOpportunityBulkJob")
def start_opportunity_bulk_job(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)

    def start() -> dict[str, Any]:
        job = api_jobs.start(ctx.actor, catalog, params["FileURI"])
        return {"JobId": job.public_id}

    return with_client_token(ctx, params["ClientToken"], params, start)


@operation(selling.SERVICE, "ListOpportunityBulkJobs")
def list_opportunity_bulk_jobs(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)
    page = api_jobs.list_jobs(ctx.actor, catalog, params)
    return {
        "OpportunityBulkJobSummaries": [api_jobs.summary(job) for job in page.items],
        "NextToken": page.next_token,
    }


@operation(selling.SERVICE, "ListOpportunityBulkJobResults")
def list_opportunity_bulk_job_results(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)
    page = api_jobs.list_results(ctx.actor, catalog, params)
    return {
        "Results": [api_jobs.result(record) for record in page.items],
        "NextToken": page.next_token,
    }


@operation(selling.SERVICE, "GetOpportunityBulkJobReportUrl")
def get_opportunity_bulk_job_report_url(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)
    report_type = params.get("ReportType") or FAILED_RECORDS
    return api_jobs.report(ctx.actor, catalog, params["JobId"], report_type)
