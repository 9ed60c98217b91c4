"""Exports and templates: rows of opportunities written as CSV or XLSX.

An export reads the list as Opportunity Management shows it (the same
ListOpportunities request, owner and search) one keyset page at a time, so
neither the worker nor the database holds the whole list; there is no cap.
Every cell is formula-safe (`core.spreadsheets.safe_cell`).
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

import openpyxl
from django.utils.translation import gettext as _
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from allyport.access.actor import Actor
from allyport.accounts.models import User
from allyport.bulk.columns import export_header, get_value, opportunity_columns
from allyport.core.listing import MAX_PAGE
from allyport.core.spreadsheets import safe_cell
from allyport.pipeline import services
from allyport.pipeline.models import Opportunity
from allyport.pipeline.services import clean


def pages(
    actor: Actor,
    catalog: str,
    request: Mapping[str, Any],
    *,
    owner: User | None = None,
    search: str = "",
) -> Iterator[list[Opportunity]]:
    """The filtered list, a ListOpportunities page (MaxResults 100) at a time."""
    query = {key: value for key, value in request.items() if key != "NextToken"}
    query["MaxResults"] = MAX_PAGE
    token: str | None = None
    while True:
        params = {**query, "NextToken": token} if token else query
        page = services.list_opportunities(actor, catalog, params, owner=owner, search=search)
        yield page.items
        if page.next_token is None:
            return
        token = page.next_token


class OwnerEmails:
    """Owners' emails, read once per page for the owners not seen before."""

    def __init__(self) -> None:
        self.emails: dict[int, str] = {}

    def load(self, items: Iterable[Opportunity]) -> None:
        missing = {o.owner_id for o in items if o.owner_id and o.owner_id not in self.emails}
        if missing:
            self.emails.update(User.objects.filter(pk__in=missing).values_list("pk", "email"))

    def of(self, opportunity: Opportunity) -> str:
        return self.emails.get(opportunity.owner_id or 0, "")


def opportunity_row(opportunity: Opportunity, owner_email: str) -> list[str]:
    data = opportunity.data
    return [
        opportunity.public_id,
        clean(opportunity.last_modified_date),
        *(get_value(data, column) for column in opportunity_columns()),
        opportunity.review_status,
        clean(opportunity.created_date),
        owner_email,
    ]


def export_rows(pages: Iterable[list[Opportunity]]) -> Iterator[list[str]]:
    """The header, then a row per opportunity."""
    yield export_header()
    owners = OwnerEmails()
    for items in pages:
        owners.load(items)
        for opportunity in items:
            yield opportunity_row(opportunity, owners.of(opportunity))


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[list[str]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    for row in rows:
        yield writer.writerow([safe_cell(cell) for cell in row])


def xlsx_cell(value: Any) -> str | None:
    """Formula-safe text without the control characters XML cannot carry; None for an
    empty cell (the writer leaves it out)."""
    text = safe_cell(value)
    return ILLEGAL_CHARACTERS_RE.sub("", text) if text else None


def write_xlsx(
    sheets: Iterable[tuple[str, Iterable[list[str]]]],
) -> IO[bytes]:
    """A workbook of text cells, written in openpyxl's write-only mode (rows go to
    disk as they are added), in a temporary file; the first row of each sheet in
    bold. The caller closes the file."""
    workbook = openpyxl.Workbook(write_only=True)
    bold = Font(bold=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for number, row in enumerate(rows):
            if number == 0:
                sheet.append([_bold(sheet, xlsx_cell(value), bold) for value in row])
            else:
                sheet.append([xlsx_cell(value) for value in row])
    target = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - returned open
    workbook.save(target)
    target.seek(0)
    return target


def _bold(sheet: Any, value: str | None, font: Font) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = font
    return cell


# --- the template ----------------------------------------------------------------


def template_header() -> list[str]:
    return [column.path for column in opportunity_columns()]


def field_rows() -> Iterator[list[str]]:
    """The template's Fields sheet: how to fill each column."""
    yield [_("Column"), _("Format"), _("Allowed values")]
    for column in opportunity_columns():
        yield [column.path, column.describe(), "; ".join(column.values)]


def template_xlsx() -> IO[bytes]:
    return write_xlsx([(_("Opportunities"), [template_header()]), (_("Fields"), field_rows())])


def template_csv() -> bytes:
    return "".join(csv_lines([template_header()])).encode()
