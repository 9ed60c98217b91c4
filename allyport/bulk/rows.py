"""Import, update and transfer: what one row of each does, through the pipeline's
services (their rules, rights, audit records and events apply to every row)."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.access.decisions import PermissionDenied
from allyport.accounts.models import User
from allyport.bulk.columns import ID, LAST_MODIFIED, set_value, value_of
from allyport.bulk.creation import BatchCreator
from allyport.bulk.readers import FileProblem, Layout, csv_rows, layout, records, xlsx_rows
from allyport.bulk.refusals import check_request, describe
from allyport.jobs.models import BulkJob
from allyport.jobs.runner import Flush, Handler, JobFailed, RowFailed, Runner
from allyport.jobs.storage import Role, open_text, spooled
from allyport.pipeline import services
from allyport.pipeline.services import clean, editable

Records = Iterator[tuple[int, list[str]]]


@contextmanager
def upload_records(job: BulkJob) -> Iterator[Records]:
    """The uploaded file's rows as (row number, cells), streamed from its parts."""
    if job.file_format == BulkJob.Format.XLSX:
        with spooled(job, Role.UPLOAD) as source:
            yield records(xlsx_rows(source))
    else:
        with open_text(job, Role.UPLOAD) as stream:
            yield records(csv_rows(stream))


def checked_rows(rows: Records) -> Iterator[tuple[int, list[str]]]:
    """Turn a file problem met halfway (bad bytes, a broken quote) into a job failure."""
    try:
        yield from rows
    except FileProblem as problem:
        raise JobFailed(str(problem)) from None


def _layout(rows: Records, kind: str) -> Layout:
    header = next(rows, None)
    if header is None:
        raise JobFailed(_("The file is empty."))
    try:
        return layout(header[1], kind)
    except FileProblem as problem:
        raise JobFailed(str(problem)) from None


def _check_width(found: Layout, cells: list[str]) -> None:
    if any(cells[found.width :]):
        raise RowFailed([("", _("This row has more cells than the header has columns."))])


def fill(data: dict[str, Any], found: Layout, cells: list[str], *, clear: bool) -> None:
    """Put the row's cells into a request; with `clear`, an empty cell empties its field
    (a bulk update replaces what the file's columns hold and keeps the rest)."""
    for column, text in found.filled(cells):
        if text:
            set_value(data, column, value_of(column, text))
        elif clear:
            set_value(data, column, None)


def run_rows(
    job: BulkJob, handler: Callable[[Layout], Handler], flush: Flush | None = None
) -> None:
    with upload_records(job) as rows:
        checked = checked_rows(rows)
        found = _layout(checked, job.kind)
        identify = lambda cells: found.cell(cells, found.id_index)  # noqa: E731
        Runner(job, describe).run(checked, handler(found), identify, flush)


def import_opportunities(job: BulkJob, actor: Actor) -> None:
    """Each row validated as a CreateOpportunity request, then by the service's rules;
    the batch's valid rows inserted together (`creation.BatchCreator`)."""
    catalog = job.catalog
    try:  # an IAM principal refused the operation fails the job, not each row
        services.require_pipeline(
            actor, services.CREATE_OPPORTUNITY, services.opportunity_target(actor, catalog)
        )
    except PermissionDenied as refused:
        raise JobFailed(refused.decision.reason) from None
    creator = BatchCreator(actor, catalog)

    def handler(found: Layout) -> Handler:
        def create(number: int, cells: list[str]) -> object:
            _check_width(found, cells)
            payload: dict[str, Any] = {}
            fill(payload, found, cells, clear=False)
            check_request("CreateOpportunity", {**payload, "Catalog": catalog, "ClientToken": "-"})
            return creator.add(number, payload)

        return create

    run_rows(job, handler, creator.flush)


def _identifier(found: Layout, cells: list[str]) -> str:
    identifier = found.cell(cells, found.id_index)
    if not identifier:
        raise RowFailed([(ID, _("Give the opportunity's id."))])
    return identifier


def _modified(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise RowFailed(
            [(LAST_MODIFIED, _("This is not a LastModifiedDate as the export writes it."))]
        ) from None


def update_opportunities(job: BulkJob, actor: Actor) -> None:
    catalog = job.catalog

    def handler(found: Layout) -> Handler:
        def update(_number: int, cells: list[str]) -> object:
            _check_width(found, cells)
            identifier = _identifier(found, cells)
            stamp = found.cell(cells, found.modified_index)
            modified = _modified(stamp)
            current = services.get_opportunity(
                actor, catalog, identifier, permission=services.UPDATE_OPPORTUNITY
            )
            payload = copy.deepcopy(editable(current.data))
            fill(payload, found, cells, clear=True)
            payload = clean(payload)
            request = {**payload, "Catalog": catalog, "Identifier": identifier}
            check_request("UpdateOpportunity", {**request, LAST_MODIFIED: stamp})
            return services.update_opportunity(
                actor, catalog, identifier, payload, last_modified_date=modified
            )

        return update

    run_rows(job, handler)


def transfer_opportunities(job: BulkJob, actor: Actor) -> None:
    catalog = job.catalog
    user = User.objects.filter(
        company=job.company, public_id=job.options.get("assignee", "")
    ).first()
    if user is None:
        raise JobFailed(_("The new owner is no longer a member of your company."))
    assignee = services.assignee_of(user)

    def handler(found: Layout) -> Handler:
        def assign(_number: int, cells: list[str]) -> object:
            identifier = _identifier(found, cells)
            return services.assign_opportunity(actor, catalog, identifier, assignee)

        return assign

    run_rows(job, handler)
