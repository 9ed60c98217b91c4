"""Leads Management's bulk export (ACE managers and whoever manages all leads): every
lead the member sees, as CSV or XLSX, read in chunks so no size is too large."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import require
from allyport.bulk.exports import write_xlsx
from allyport.core.spreadsheets import safe_cell
from allyport.jobs.models import BulkJob
from allyport.jobs.storage import PartWriter, Role, TextWriter, store_file
from allyport.pipeline.services import MANAGE_ALL, lead_of, visible_records

CHUNK = 500


def header() -> list[str]:
    return [_("Engagement"), _("Context"), _("Company Name"), _("Country"), _("Region"),
            _("Owner"), _("Qualification Status"), _("Reason"), _("Contact Email"),
            _("Updated")]  # fmt: skip


def lead_rows(job: BulkJob, actor: Actor) -> Iterator[list[str]]:
    yield header()
    records = visible_records(actor, job.catalog).select_related("engagement", "owner")
    for record in records.order_by("pk").iterator(chunk_size=CHUNK):
        lead = lead_of(record)
        customer = lead.get("Customer") or {}
        contact = ((lead.get("Interactions") or [{}])[-1]).get("Contact") or {}
        job.rows += 1
        yield [
            record.engagement.public_id, record.context_id, str(customer.get("CompanyName") or ""),
            str((customer.get("Address") or {}).get("CountryCode") or ""), record.region,
            record.owner.email if record.owner else "", str(lead.get("QualificationStatus") or ""),
            record.qualification_reason, str(contact.get("Email") or ""),
            record.updated_at.isoformat(),
        ]  # fmt: skip


def export_leads(job: BulkJob, actor: Actor) -> None:
    require(actor, MANAGE_ALL)
    lines = lead_rows(job, actor)
    if job.result_format == BulkJob.Format.XLSX:
        with write_xlsx([(_("Leads"), lines)]) as workbook:
            job.result_size = store_file(job, Role.RESULT, workbook)
    else:
        parts = PartWriter(job, Role.RESULT)
        writer = csv.writer(TextWriter(parts))
        for line in lines:
            writer.writerow([safe_cell(cell) for cell in line])
        parts.flush()
        job.result_size = parts.size
    job.succeeded = job.rows
