"""The report of a customer-account bulk job behind a signed, expiring link, served
as the opportunity bulk jobs' are (`bulk.reports`): the link signs (company, job,
report type, expiry); the download needs no session."""

from __future__ import annotations

from allyport.jobs.reports import Reports
from allyport.customers.job_models import CustomerAccountBulkJob, CustomerAccountBulkRecord

CUSTOMER_ACCOUNT_JOBS = Reports(
    "allyport.customers.bulk-report",
    "customers:bulk_report",
    CustomerAccountBulkJob,
    CustomerAccountBulkRecord,
    "request_id",
)
