"""Background work of customer accounts (django-tasks, as the rest of the project)."""

from __future__ import annotations

from django_tasks import task

from allyport.customers.services import enrichment


@task()
def enrich_customer_account(account_id: str) -> str:
    """Match the account against the customer directory; returns the new status."""
    return enrichment.enrich(account_id)


@task()
def run_customer_account_bulk_job(job_id: str) -> str:
    """Create the accounts of a bulk job's file; returns the job's final status."""
    from allyport.customers.services import bulk_run

    return bulk_run.run(job_id)
