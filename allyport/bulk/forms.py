"""The forms of the bulk pages: an upload (import, update), a transfer, an export.

Uploads are checked before a job is queued, so a wrong file is refused next to
its field: the type (by name and content), the size, and the header row (unknown,
repeated or missing columns).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import PurePath
from typing import IO, Any, cast

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy

from allyport.accounts.models import User
from allyport.bulk.columns import ID, cell_text
from allyport.bulk.kinds import Kind
from allyport.bulk.lead_import import lead_layout
from allyport.bulk.readers import (
    SNIFF_SIZE,
    XLSX_MAGIC,
    FileProblem,
    layout,
    sniff_csv,
    xlsx_head,
)
from allyport.jobs.models import BulkJob
from allyport.pipeline.enums import Catalog

Format = BulkJob.Format
MAX_UPLOAD_MB: int = getattr(settings, "ALLYPORT_BULK_MAX_UPLOAD_MB", 100)
MAX_IDS = 10_000
OPPORTUNITY_ID = re.compile(r"O[0-9]{1,19}")
FORMATS = {".csv": Format.CSV, ".xlsx": Format.XLSX}


def catalog_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=gettext_lazy("Catalog"), choices=Catalog.choices, initial=Catalog.AWS
    )


def _csv_header(upload: UploadedFile) -> tuple[list[str], int]:
    """The header row and the number of lines after it (an estimate of the rows)."""
    head = upload.read(SNIFF_SIZE)
    sniff_csv(head)
    text = head.decode("utf-8-sig", errors="ignore")
    header = next(csv.reader(io.StringIO(text)), [])
    lines = sum(chunk.count(b"\n") for chunk in upload.chunks())
    return [cell_text(name) for name in header], max(0, lines - 1)


def _xlsx_header(upload: UploadedFile) -> tuple[list[str], int]:
    if not upload.read(len(XLSX_MAGIC)).startswith(XLSX_MAGIC):
        raise FileProblem(gettext_lazy("The file is not an Excel workbook (.xlsx)."))
    upload.seek(0)
    first, rows = xlsx_head(cast(IO[bytes], upload.file))
    return [cell_text(name) for name in first], max(0, rows - 1)


def inspect(upload: UploadedFile, kind: str) -> tuple[str, int]:
    """The file's format and estimated rows; FileProblem when it cannot be a job's."""
    extension = PurePath(upload.name or "").suffix.lower()
    file_format = FORMATS.get(extension)
    if file_format is None:
        raise FileProblem(gettext_lazy("Upload a .csv or .xlsx file."))
    if not upload.size:
        raise FileProblem(gettext_lazy("The file is empty."))
    if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
        raise FileProblem(
            gettext_lazy("The file is larger than %(max)s MB; split it.") % {"max": MAX_UPLOAD_MB}
        )
    try:
        if file_format == Format.CSV:
            header, rows = _csv_header(upload)
        else:
            header, rows = _xlsx_header(upload)
        if kind == Kind.LEAD_IMPORT:
            lead_layout(header)
        else:
            layout(header, kind)
    finally:
        upload.seek(0)
    return file_format, rows


class UploadForm(forms.Form):
    """An import or an update: a file and the catalog it goes to."""

    catalog = catalog_field()
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("CSV (UTF-8) or Excel (.xlsx), with the template's columns."),
    )

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.file_format = ""
        self.rows_expected = 0

    def clean_file(self) -> UploadedFile:
        upload = cast(UploadedFile, self.cleaned_data["file"])
        try:
            self.file_format, self.rows_expected = inspect(upload, self.kind)
        except FileProblem as problem:
            raise forms.ValidationError(str(problem)) from None
        return upload


def _user_label(user: User) -> str:
    return f"{user.full_name} <{user.email}>" if user.full_name else user.email


class TransferForm(forms.Form):
    """Opportunities (ids typed or pasted, or a file with an Id column, such as an
    export) to one new owner."""

    catalog = catalog_field()
    assignee = forms.ChoiceField(label=gettext_lazy("New owner"))
    identifiers = forms.CharField(
        label=gettext_lazy("Opportunity ids"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("One or more ids such as O1234567890, separated by spaces."),
    )
    file = forms.FileField(
        label=gettext_lazy("Or a file with an Id column"),
        required=False,
        help_text=gettext_lazy("CSV (UTF-8) or Excel (.xlsx), such as an export."),
    )

    def __init__(self, *args: Any, users: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.users = {user.public_id: user for user in users}
        field = cast(forms.ChoiceField, self.fields["assignee"])
        field.choices = [("", gettext_lazy("Choose a user"))] + [
            (user.public_id, _user_label(user)) for user in users
        ]
        self.file_format = ""
        self.rows_expected = 0

    def clean_identifiers(self) -> list[str]:
        text = cast(str, self.cleaned_data.get("identifiers") or "")
        ids = list(dict.fromkeys(part for part in re.split(r"[\s,;]+", text) if part))
        wrong = [value for value in ids if not OPPORTUNITY_ID.fullmatch(value)]
        if wrong:
            raise forms.ValidationError(
                gettext_lazy("These are not opportunity ids: %(ids)s.")
                % {"ids": ", ".join(wrong[:10])}
            )
        if len(ids) > MAX_IDS:
            raise forms.ValidationError(
                gettext_lazy("At most %(max)s ids; upload a file for more.") % {"max": MAX_IDS}
            )
        return ids

    def clean_file(self) -> UploadedFile | None:
        upload = cast(UploadedFile | None, self.cleaned_data.get("file"))
        if upload is None:
            return None
        try:
            self.file_format, self.rows_expected = inspect(upload, Kind.TRANSFER)
        except FileProblem as problem:
            raise forms.ValidationError(str(problem)) from None
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not data.get("identifiers") and not data.get("file"):
            self.add_error(
                "identifiers", gettext_lazy("Give the opportunities' ids, or upload a file.")
            )
        return data

    def user(self) -> User:
        return self.users[self.cleaned_data["assignee"]]

    def source(self) -> tuple[IO[bytes], str, str, int]:
        """The list to store: (file, name, format, rows)."""
        upload = self.cleaned_data.get("file")
        if upload is not None:
            return upload, upload.name or "", self.file_format, self.rows_expected
        ids = self.cleaned_data["identifiers"]
        content = "\r\n".join([ID, *ids]) + "\r\n"
        return io.BytesIO(content.encode()), "ids.csv", Format.CSV, len(ids)


class ExportForm(forms.Form):
    """The file format and catalog of an export (the filters are the list's)."""

    catalog = catalog_field()
    file_format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        choices=[(Format.CSV, "CSV"), (Format.XLSX, gettext_lazy("Excel (.xlsx)"))],
        initial=Format.CSV,
        widget=forms.RadioSelect,
    )
