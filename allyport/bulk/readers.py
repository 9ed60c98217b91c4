"""Reading bulk files row by row (csv module; openpyxl in read-only mode), and the
meaning of their header row."""

from __future__ import annotations

import codecs
import csv
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

import openpyxl
from django.utils.translation import gettext as _
from openpyxl.utils.exceptions import InvalidFileException

from allyport.bulk.columns import ID, INFORMATION, LAST_MODIFIED, Column, by_path, cell_text
from allyport.bulk.kinds import Kind

XLSX_MAGIC = b"PK\x03\x04"
SNIFF_SIZE = 64 * 1024
_SHOWN = 10


class FileProblem(Exception):
    """The file cannot be read as the job needs it; the message is for people."""


def csv_rows(stream: IO[str]) -> Iterator[list[str]]:
    try:
        yield from csv.reader(stream)
    except UnicodeDecodeError:
        raise FileProblem(_("The file is not UTF-8 text: save it as CSV UTF-8.")) from None
    except csv.Error as error:
        raise FileProblem(_("The CSV file is malformed: %(error)s") % {"error": error}) from None


def xlsx_rows(source: IO[bytes]) -> Iterator[Sequence[Any]]:
    """The first sheet's rows (read-only mode: the sheet is parsed as it is read)."""
    try:
        workbook = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError):
        raise FileProblem(_("The file is not an Excel workbook (.xlsx).")) from None
    try:
        yield from workbook.worksheets[0].iter_rows(values_only=True)
    finally:
        workbook.close()


def xlsx_head(source: IO[bytes]) -> tuple[Sequence[Any], int]:
    """The first sheet's first row and the row count the workbook declares (0 if none)."""
    try:
        workbook = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError):
        raise FileProblem(_("The file is not an Excel workbook (.xlsx).")) from None
    try:
        sheet = workbook.worksheets[0]
        first = next(sheet.iter_rows(values_only=True), ())
        return first, int(getattr(sheet, "max_row", 0) or 0)
    finally:
        workbook.close()


def sniff_csv(head: bytes) -> None:
    """Refuse what is plainly not a UTF-8 text file, from its first bytes."""
    if head.startswith(XLSX_MAGIC) or b"\x00" in head:
        raise FileProblem(_("The file is not a CSV text file."))
    try:
        codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
    except UnicodeDecodeError:
        raise FileProblem(_("The file is not UTF-8 text: save it as CSV UTF-8.")) from None


def records(rows: Iterable[Sequence[Any]]) -> Iterator[tuple[int, list[str]]]:
    """(row number as a spreadsheet shows it, cells as text); blank rows skipped. The
    header is row 1."""
    for number, row in enumerate(rows, start=1):
        cells = [cell_text(value) for value in row]
        if any(cells):
            yield number, cells


@dataclass(frozen=True)
class Layout:
    """Which cell holds what: the opportunity columns, the id and LastModifiedDate."""

    columns: tuple[tuple[int, Column], ...]
    id_index: int | None
    modified_index: int | None
    width: int

    def cell(self, cells: list[str], index: int | None) -> str:
        return cells[index] if index is not None and index < len(cells) else ""

    def filled(self, cells: list[str]) -> Iterator[tuple[Column, str]]:
        for index, column in self.columns:
            yield column, self.cell(cells, index)


def _listing(names: list[str]) -> str:
    shown = ", ".join(names[:_SHOWN])
    return shown + (f", … ({len(names)})" if len(names) > _SHOWN else "")


def layout(header: list[str], kind: str) -> Layout:
    """Read the header row; FileProblem lists every problem with it at once."""
    known = by_path()
    positions: dict[str, int] = {}
    problems, unknown, repeated = [], [], []
    for index, name in enumerate(header):
        if not name:
            continue
        if name in positions:
            repeated.append(name)
        positions[name] = index
        if name not in known and name not in (ID, LAST_MODIFIED, *INFORMATION):
            unknown.append(name)
    if unknown and kind != Kind.TRANSFER:  # a transfer reads the ids of any list
        problems.append(
            _("Unknown columns: %(names)s. The template names every column.")
            % {"names": _listing(unknown)}
        )
    if repeated:
        problems.append(_("Repeated columns: %(names)s.") % {"names": _listing(repeated)})
    problems += _required(positions, kind)
    if problems:
        raise FileProblem(" ".join(problems))
    columns = tuple((i, known[name]) for name, i in positions.items() if name in known)
    if kind == Kind.TRANSFER:
        columns = ()
    return Layout(columns, positions.get(ID), positions.get(LAST_MODIFIED), len(header))


def _required(positions: dict[str, int], kind: str) -> list[str]:
    problems = []
    fills = any(name in by_path() for name in positions)
    if kind == Kind.IMPORT and ID in positions:
        problems.append(
            _("The file has an Id column: change existing opportunities with Bulk update.")
        )
    if kind in (Kind.IMPORT, Kind.UPDATE) and not fills:
        problems.append(_("The file has no opportunity columns; start from the template."))
    needed: tuple[str, ...] = ()
    if kind == Kind.UPDATE:
        needed = (ID, LAST_MODIFIED)
    elif kind == Kind.TRANSFER:
        needed = (ID,)
    missing = [name for name in needed if name not in positions]
    if missing:
        problems.append(_("Missing columns: %(names)s.") % {"names": ", ".join(missing)})
    return problems
