"""The bulk app's kinds of job (`allyport.jobs.kinds`): opportunity import, update,
transfer and export, and lead import. All run through `run_bulk_job`."""

from __future__ import annotations

from django.db import models

from allyport.jobs.reports import Reports


class Kind(models.TextChoices):
    IMPORT = "import", "Import"
    UPDATE = "update", "Update"
    TRANSFER = "transfer", "Transfer"
    EXPORT = "export", "Export"
    LEAD_IMPORT = "lead-import", "Lead import"
    LEAD_EXPORT = "lead-export", "Lead export"
    # Started through the API: import or update, decided by the file's header
    # when the worker reads it (the API's OperationType is unset until then).
    OPPORTUNITY = "opportunity", "Import or update"


# GetOpportunityBulkJobReportUrl's links (served by `bulk:report`).
OPPORTUNITY_JOBS = Reports(
    "allyport.bulk.report", "bulk:report", frozenset(kind.value for kind in Kind), "row"
)


def register_kinds() -> None:
    """Called from `BulkConfig.ready`: every kind is queued by the same task."""
    from allyport.bulk.tasks import run_bulk_job
    from allyport.jobs import kinds

    for kind in Kind:
        kinds.register(kind.value, label=str(kind.label), enqueue=run_bulk_job.enqueue)
