"""StartCustomerAccountBulkJob, GetCustomerAccountBulkJob, ListCustomerAccountBulkJobs,
ListCustomerAccountBulkJobResults, GetCustomerAccountBulkJobReportUrl (imported by
`allyport.customers.api`, so registered with it)."""

from __future__ import annotations

from typing import Any

from allyport.awsapi.idempotency import with_client_token
from allyport.awsapi.registry import ApiContext, operation
from allyport.customers.services import bulk_jobs
from allyport.customers.services.scope import BULK_JOB, resource_arn
from allyport.jobs.reports import FAILED_RECORDS
from allyport.shapes import selling


def _job_arn(ctx: ApiContext, catalog: str, identifier: str) -> str:
    if identifier.startswith("arn:"):
        return identifier
    return resource_arn(BULK_JOB, catalog, identifier, ctx.account_id)


@operation(selling.SERVICE, "StartCustomerAccountBulkJob")
def start_customer_account_bulk_job(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)

    def start() -> dict[str, Any]:
        job = bulk_jobs.start(ctx.actor, catalog, params["FileUri"])
        view = bulk_jobs.summary(job)
        # The answer is the job as submitted (with the immediate task backend it has
        # already run by now; GetCustomerAccountBulkJob shows where it is).
        return {"Arn": view["Arn"], "Id": job.public_id, "Status": "SUBMITTED",
                "CreatedAt": job.created_at}  # fmt: skip

    return with_client_token(ctx, params["ClientToken"], params, start)


@operation(selling.SERVICE, "GetCustomerAccountBulkJob")
def get_customer_account_bulk_job(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog, identifier = params["Catalog"], params["Identifier"]
    ctx.authorize(_job_arn(ctx, catalog, identifier), catalog=catalog)
    return bulk_jobs.summary(bulk_jobs.find(ctx.actor, catalog, identifier))


@operation(selling.SERVICE, "ListCustomerAccountBulkJobs")
def list_customer_account_bulk_jobs(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any]:
    catalog = params["Catalog"]
    ctx.authorize(catalog=catalog)
    page = bulk_jobs.list_jobs(ctx.actor, catalog, params)
    return {"items": [bulk_jobs.summary(job) for job in page.items], "NextToken": page.next_token}


@operation(selling.SERVICE, "ListCustomerAccountBulkJobResults")
def list_customer_account_bulk_job_results(
    ctx: ApiContext, params: dict[str, Any]
) -> dict[str, Any]:
    catalog, identifier = params["Catalog"], params["Identifier"]
    ctx.authorize(_job_arn(ctx, catalog, identifier), catalog=catalog)
    page = bulk_jobs.list_results(ctx.actor, catalog, params)
    return {
        "Results": [bulk_jobs.result(record) for record in page.items],
        "NextToken": page.next_token,
    }


@operation(selling.SERVICE, "GetCustomerAccountBulkJobReportUrl")
def get_customer_account_bulk_job_report_url(
    ctx: ApiContext, params: dict[str, Any]
) -> dict[str, Any]:
    catalog, identifier = params["Catalog"], params["Identifier"]
    ctx.authorize(_job_arn(ctx, catalog, identifier), catalog=catalog)
    report_type = params.get("ReportType") or FAILED_RECORDS
    return bulk_jobs.report(ctx.actor, catalog, identifier, report_type)
