"""Lead import (Leads Management > Your leads > Import leads): each row of the
template (`pipeline.services.LEAD_COLUMNS`, CSV or Excel) becomes a lead — an
engagement with a Lead context — through the same service the API's CreateEngagement
uses. A row with a problem writes nothing and is reported by its column; the other
rows are imported. Columns are matched by their header, in any order."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import PermissionDenied, require
from allyport.bulk.readers import FileProblem
from allyport.bulk.refusals import describe
from allyport.bulk.rows import checked_rows, upload_records
from allyport.jobs.models import BulkJob
from allyport.jobs.runner import JobFailed, RowFailed, Runner
from allyport.pipeline import services as leads
from allyport.pipeline.services import MANAGE_ALL

HEADERS = tuple(column.header for column in leads.LEAD_COLUMNS)


def lead_layout(header: list[str]) -> dict[str, int]:
    """Each template column's position; FileProblem lists every problem at once."""
    positions: dict[str, int] = {}
    unknown, repeated = [], []
    for index, name in enumerate(cell.strip() for cell in header):
        if not name:
            continue
        if name in positions:
            repeated.append(name)
        elif name not in HEADERS:
            unknown.append(name)
        positions[name] = index
    missing = [c.header for c in leads.LEAD_COLUMNS if c.required and c.header not in positions]
    problems = []
    if unknown:
        problems.append(_("Unknown columns: %(names)s.") % {"names": ", ".join(unknown)})
    if repeated:
        problems.append(_("Repeated columns: %(names)s.") % {"names": ", ".join(repeated)})
    if missing:
        problems.append(_("Missing columns: %(names)s.") % {"names": ", ".join(missing)})
    if problems:
        raise FileProblem(" ".join(problems) + " " + _("Start from the template."))
    return positions


def template_csv() -> bytes:
    out = io.StringIO()
    csv.writer(out).writerow(HEADERS)
    return out.getvalue().encode("utf-8-sig")


def import_leads(job: BulkJob, actor: Actor) -> None:
    try:
        require(actor, MANAGE_ALL)
    except PermissionDenied as refused:
        raise JobFailed(refused.decision.reason) from None
    source_name = job.file_name or _("Lead import")
    with upload_records(job) as records:
        rows = checked_rows(records)
        header = next(rows, None)
        if header is None:
            raise JobFailed(_("The file is empty."))
        try:
            positions = lead_layout(header[1])
        except FileProblem as problem:
            raise JobFailed(str(problem)) from None
        width = len(header[1])

        def create(number: int, cells: list[str]) -> object:
            if any(cells[width:]):
                raise RowFailed([("", _("This row has more cells than the header has columns."))])
            values = {name: cells[i] if i < len(cells) else "" for name, i in positions.items()}
            return leads.create_lead(
                actor, job.catalog, values, source_name=source_name, source_id=str(number)
            )

        Runner(job, describe).run(rows, create)
