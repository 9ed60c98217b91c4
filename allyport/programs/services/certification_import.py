"""Staff import of AWS Certification records (CSV or XLSX, keyed by email): every
row is checked with the same rules, good rows are written (a repeated row updates
its expiry), and each bad row is reported with its number and what is wrong."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import openpyxl
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.utils.exceptions import InvalidFileException

from allyport.access.actor import Actor
from allyport.access.decisions import Target, require
from allyport.audit import services as audit
from allyport.core.errors import refuse
from allyport.programs.models import CertificationLevel, CertificationRecord
from allyport.programs.permissions import IMPORT_CERTIFICATIONS
from allyport.programs.selectors import scorecard_cache

COLUMNS = ("email", "certification", "level", "date", "expiry")
REQUIRED = ("email", "certification", "level", "date")
MAX_ROWS = 100_000
LEVELS = {label.lower(): value for value, label in CertificationLevel.choices} | {
    value: value for value in CertificationLevel.values
}


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)


def _text(value: Any) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value).strip()


def _rows(file_name: str, content: bytes) -> Iterator[Sequence[Any]]:
    if file_name.lower().endswith(".xlsx"):
        try:
            book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError):
            raise refuse("file", _("The file is not an Excel workbook (.xlsx).")) from None
        yield from book.worksheets[0].iter_rows(values_only=True)
        return
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise refuse("file", _("The file is not UTF-8 text: save it as CSV UTF-8.")) from None
    yield from csv.reader(io.StringIO(text))


def _date(text: str, column: str, errors: list[str]) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        errors.append(column)
        return None


def _parse(cells: dict[str, str]) -> tuple[dict[str, Any], list[RowError]]:
    """One row's record, or its errors (row number filled in by the caller)."""
    errors: list[RowError] = []
    for column in REQUIRED:
        if not cells.get(column):
            errors.append(RowError(0, column, _("%(column)s is required.") % {"column": column}))
    email = cells.get("email", "").lower()
    try:
        if email:
            validate_email(email)
    except ValidationError:
        errors.append(RowError(0, "email", _("Enter a valid email address.")))
    level = LEVELS.get(cells.get("level", "").lower())
    if cells.get("level") and level is None:
        errors.append(
            RowError(0, "level", _("Level is Foundational, Associate, Professional or Specialty."))
        )
    bad: list[str] = []
    earned = _date(cells["date"], "date", bad) if cells.get("date") else None
    expiry = _date(cells["expiry"], "expiry", bad) if cells.get("expiry") else None
    errors += [RowError(0, column, _("Write dates as YYYY-MM-DD.")) for column in bad]
    if earned and expiry and expiry < earned:
        errors.append(RowError(0, "expiry", _("The expiry is before the date earned.")))
    if len(cells.get("certification", "")) > 160:
        errors.append(RowError(0, "certification", _("At most 160 characters.")))
    values = {"email": email, "name": cells.get("certification", ""), "level": level,
              "earned_on": earned, "expires_on": expiry}  # fmt: skip
    return values, errors


def _header(row: Sequence[Any]) -> list[str]:
    header = [_text(cell).lower() for cell in row]
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise refuse("file", _("The header needs the columns: %(c)s.") % {"c": ", ".join(COLUMNS)})
    return header


def import_certifications(actor: Actor, file_name: str, content: bytes) -> ImportReport:
    require(actor, IMPORT_CERTIFICATIONS, Target())
    rows = _rows(file_name, content)
    header = _header(next(rows, ()))
    report, good = ImportReport(), []
    for number, row in enumerate(rows, start=2):
        cells = dict(zip(header, (_text(cell) for cell in row), strict=False))
        if not any(cells.values()):
            continue
        if number > MAX_ROWS + 1:
            raise refuse("file", _("A file holds at most 100,000 rows."))
        values, errors = _parse(cells)
        for error in errors:
            error.row = number
        report.errors += errors
        if not errors:
            good.append(values)
    _write(actor, file_name, good, report)
    return report


def _write(actor: Actor, file_name: str, good: list[dict[str, Any]], report: ImportReport) -> None:
    now = timezone.now()
    with transaction.atomic():
        for values in good:
            _record, created = CertificationRecord.objects.update_or_create(
                email=values["email"], name=values["name"], earned_on=values["earned_on"],
                defaults={"level": values["level"], "expires_on": values["expires_on"]},
                create_defaults={**values, "recorded_at": now, "source": file_name[:200]},
            )  # fmt: skip
            if created:
                report.created += 1
            else:
                report.updated += 1
        scorecard_cache.forget_all()
        audit.record_change(
            actor, "ImportCertifications",
            request_parameters={"fileName": file_name, "created": report.created,
                                "updated": report.updated, "rowErrors": len(report.errors)},
        )  # fmt: skip
