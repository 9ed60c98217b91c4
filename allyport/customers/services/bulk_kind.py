"""Customer-account bulk jobs as a kind of the one job framework (`allyport.jobs`):
the kind's name, the API's status words for the framework's statuses, and the
report links (`customers:bulk_report`)."""

from __future__ import annotations

from allyport.jobs.models import BulkJob
from allyport.jobs.reports import Reports

KIND = "customer-account"
Status = BulkJob.Status
# The framework's status -> the API's (BulkJobStatus), and back for the list filter.
WIRE_STATUS = {
    Status.QUEUED: "SUBMITTED",
    Status.RUNNING: "IN_PROGRESS",
    Status.DONE: "COMPLETED",
    Status.FAILED: "FAILED",
}
STATUS_OF_WIRE = {wire: status for status, wire in WIRE_STATUS.items()}

CUSTOMER_ACCOUNT_JOBS = Reports(
    "allyport.customers.bulk-report", "customers:bulk_report", frozenset({KIND}), "request_id"
)


def register_kind() -> None:
    """Called from `CustomersConfig.ready`."""
    from allyport.customers.tasks import run_customer_account_bulk_job
    from allyport.jobs import kinds

    kinds.register(KIND, label="Customer accounts", enqueue=run_customer_account_bulk_job.enqueue)
