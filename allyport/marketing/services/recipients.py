"""A campaign's email target: the addresses its emails go to.

Allyport has no S3, so an EmailTarget's S3Uri names a file uploaded on the Bulk
page's "Files for the API" section: `s3://<any bucket>/<file id>/<name>` (the first
key segment is the file's id, `bulkfile-…`); another company's file is not found.
The portal's campaign page takes the addresses typed in, one a line. Either way each
address is checked once: valid ones are kept, the rest are counted as rejected or
duplicate, as the API's EmailTargetDetail reports them."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from allyport.accounts.models import Company
from allyport.core.errors import REQUEST, refuse
from allyport.jobs.models import BulkFile
from allyport.jobs.storage import Role, iter_parts

MAX_RECIPIENTS = 5000
MAX_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class Recipients:
    valid: list[str]
    rejected: int
    duplicates: int


def checked(addresses: Iterable[str]) -> Recipients:
    valid: list[str] = []
    seen: set[str] = set()
    rejected = duplicates = 0
    for raw in addresses:
        address = raw.strip()
        if not address:
            continue
        try:
            validate_email(address)
        except ValidationError:
            rejected += 1
            continue
        if address.lower() in seen:
            duplicates += 1
            continue
        seen.add(address.lower())
        valid.append(address)
    if len(valid) > MAX_RECIPIENTS:
        raise refuse(
            "EmailTarget", _("A campaign reaches at most %(n)s addresses.") % {"n": MAX_RECIPIENTS}
        )
    return Recipients(valid, rejected, duplicates)


def from_text(text: str) -> Recipients:
    return checked(text.replace(",", "\n").splitlines())


def _file_of(company: Company, s3_uri: str) -> BulkFile:
    key = s3_uri.removeprefix("s3://").split("/", 1)[-1]
    file_id = key.split("/", 1)[0]
    found = BulkFile.objects.filter(company=company, public_id=file_id).first()
    if found is None:
        raise refuse(
            "EmailTarget.S3Uri",
            _(
                "Give s3://<bucket>/<file id>/<name> for a file uploaded on the Bulk page "
                "(Files for the API); no file %(id)s was found."
            )
            % {"id": file_id},
            reason=REQUEST,
        )
    return found


def from_file(company: Company, s3_uri: str) -> tuple[str, Recipients]:
    """The file's name and the addresses of its first column (a header row of
    "email" is skipped)."""
    found = _file_of(company, s3_uri)
    if found.size > MAX_BYTES:
        raise refuse("EmailTarget.S3Uri", _("The recipient file is larger than 2 MB."))
    data = b"".join(iter_parts(found, Role.UPLOAD)).decode("utf-8-sig", errors="replace")
    rows = [row[0] for row in csv.reader(io.StringIO(data)) if row]
    if rows and rows[0].strip().lower() in ("email", "email address", "e-mail"):
        rows = rows[1:]
    return found.name, checked(rows)
