"""The first step of a job started through the API: read its FileURI into the job's
upload (parts in the database, as a portal upload is stored) and let the header
decide what the job does, as the API's documentation says: a file with the
opportunity `Id` column updates (BULK_UPDATE, the bulk update's columns), one
without creates (BULK_CREATE, the import template's columns). The rest of the
header is then checked by the import or update itself.
"""

from __future__ import annotations

import csv
from typing import IO

from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.bulk.columns import ID, cell_text
from allyport.bulk.kinds import Kind
from allyport.bulk.readers import SNIFF_SIZE, FileProblem, sniff_csv
from allyport.bulk.sources import read_source
from allyport.jobs.models import BulkJob
from allyport.jobs.runner import JobFailed
from allyport.jobs.sources import SourceProblem
from allyport.jobs.storage import PartWriter, Role, open_text
from allyport.shapes.validation import InvalidRequest

FIELD = "FileURI"
OPERATION_TYPES: dict[str, str] = {Kind.IMPORT: "BULK_CREATE", Kind.UPDATE: "BULK_UPDATE"}


def _copy(job: BulkJob, stream: IO[bytes]) -> tuple[int, int]:
    """Store the file a chunk at a time; (size, lines). The first bytes must be text."""
    writer = PartWriter(job, Role.UPLOAD)
    lines = 0
    first = True
    while chunk := stream.read(SNIFF_SIZE):
        if first:
            sniff_csv(chunk)
            first = False
        lines += chunk.count(b"\n")
        writer.write(chunk)
    writer.flush()
    return writer.size, lines


def kind_of(job: BulkJob) -> str:
    with open_text(job, Role.UPLOAD) as stream:
        try:
            header = next(csv.reader(stream), None)
        except (csv.Error, UnicodeDecodeError):
            header = None
    if not header:
        raise JobFailed(_("The file is empty."))
    return Kind.UPDATE if ID in {cell_text(name) for name in header} else Kind.IMPORT


def read_api_file(job: BulkJob) -> None:
    """Fetch an API job's file and decide its kind; JobFailed says why it cannot."""
    if job.kind != Kind.OPPORTUNITY:
        return
    try:
        source = read_source(job.company, str(job.options.get("source") or ""), field=FIELD)
        with source.open() as stream:
            size, lines = _copy(job, stream)
    except InvalidRequest as refused:
        raise JobFailed(refused.message) from None
    except (SourceProblem, FileProblem) as problem:
        raise JobFailed(str(problem)) from None
    if not size:
        raise JobFailed(_("The file is empty."))
    job.kind, job.file_size, job.rows_expected = kind_of(job), size, max(0, lines - 1)
    BulkJob.objects.filter(pk=job.pk).update(
        kind=job.kind,
        file_size=size,
        rows_expected=job.rows_expected,
        updated_at=timezone.now(),
    )
