"""Files attached to benefit applications: size and type checked, the type sniffed from
the bytes (never believed from the name or the browser), kept in the database and
served only to the company, as downloads.

The API's FileDetails name files by FileURI; Allyport has no S3, so a FileURI is the
https:// address of a file uploaded on the Funding Portal
(`https://<host>/funding/files/<benfile-id>/<name>`).
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import IO
from urllib.parse import urlsplit

import filetype
from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.audit import services as audit
from allyport.core.errors import REQUIRED, FieldError, NotFound, RuleViolation
from allyport.funding.models import ApplicationFile, BenefitApplication
from allyport.funding.permissions import GET_APPLICATION, UPDATE_APPLICATION
from allyport.funding.scope import APPLICATION, require_funding, target
from allyport.funding.services.history import SOURCE

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 30
# The Benefits model's FileType values, by the extensions a file of that type has.
TYPES = {
    "application/msword": (".doc",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (".docx",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (".xlsx",),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": (".pptx",),
    "application/pdf": (".pdf",),
    "image/png": (".png",),
    "image/jpeg": (".jpg", ".jpeg"),
    "image/svg+xml": (".svg",),
    "text/csv": (".csv",),
}
_URI = re.compile(r"^/funding/files/(?P<id>benfile-[0-9a-z]{14})/")
_SVG = re.compile(
    rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]", re.S
)


def sniff(head: bytes) -> str | None:
    """The file's type from its first bytes; None for anything not allowed."""
    kind = filetype.guess(head)
    if kind is not None:
        return kind.mime if kind.mime in TYPES else None
    if _SVG.match(head[:4096]):
        return "image/svg+xml"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "text/csv" if "\x00" not in text and text.strip() else None


def check(name: str, content: bytes, field: str = "file") -> str:
    """The sniffed type, or a refusal naming `field` (too big, empty, a type not
    allowed, or a name that does not fit the content)."""
    if not content:
        raise RuleViolation([FieldError(field, _("The file is empty."), REQUIRED)])
    if len(content) > MAX_BYTES:
        raise RuleViolation([FieldError(field, _("A file may be at most 10 MB."))])
    mime = sniff(content)
    if mime is None:
        raise RuleViolation(
            [
                FieldError(
                    field, _("Attach a PDF, Word, Excel, PowerPoint, PNG, JPEG, SVG or CSV file.")
                )
            ]
        )
    if PurePath(name).suffix.lower() not in TYPES[mime]:
        raise RuleViolation(
            [
                FieldError(
                    field,
                    _("The file's name does not match its content (%(type)s).") % {"type": mime},
                )
            ]
        )
    return mime


def uri(found: ApplicationFile) -> str:
    host = urlsplit(settings.ALLYPORT_PUBLIC_URL).netloc
    return f"https://{host}" + reverse("funding:file", args=[found.public_id, found.file_name])


def company_files(actor: Actor) -> QuerySet[ApplicationFile]:
    company = require_funding(actor, GET_APPLICATION, target(actor, APPLICATION, "AWS"))
    return ApplicationFile.objects.filter(company=company)


def find_file(actor: Actor, public_id: str) -> ApplicationFile:
    found = company_files(actor).filter(public_id=public_id).first()
    if found is None:
        raise NotFound("File", public_id)
    return found


def upload(
    actor: Actor,
    name: str,
    source: IO[bytes],
    *,
    application: BenefitApplication | None = None,
    business_use_case: str = "",
) -> ApplicationFile:
    """Store a checked file of the actor's company (attached to `application`, already
    found for an update, when given)."""
    company = require_funding(actor, UPDATE_APPLICATION, target(actor, APPLICATION, "AWS"))
    content = source.read(MAX_BYTES + 1)
    name = PurePath(name).name[:255] or "file"
    mime = check(name, content)
    with transaction.atomic():
        found = ApplicationFile.objects.create(
            company=company,
            application=application,
            file_name=name,
            content_type=mime,
            size=len(content),
            content=content,
            business_use_case=business_use_case[:255],
            created_by=actor.label,
        )
        audit.record(
            actor,
            "UploadBenefitApplicationFile",
            event_source=SOURCE,
            company=company,
            request_parameters={
                "fileName": name,
                "application": getattr(application, "public_id", ""),
            },
            response_elements={"fileId": found.public_id, "size": found.size, "fileType": mime},
        )
    return found


def resolve(
    company: Company, details: list[dict[str, str]], application: BenefitApplication | None
) -> list[tuple[ApplicationFile, str]]:
    """The files FileDetails name (each FileURI a file of the company, not attached to
    another application), with their BusinessUseCase; every refusal at once."""
    errors: list[FieldError] = []
    found: list[tuple[ApplicationFile, str]] = []
    for index, item in enumerate(details):
        field = f"FileDetails[{index}].FileURI"
        match = _URI.match(urlsplit(item.get("FileURI", "")).path)
        row = (
            ApplicationFile.objects.filter(company=company, public_id=match["id"]).first()
            if match
            else None
        )
        if row is None or (row.application_id not in (None, getattr(application, "pk", None))):
            errors.append(
                FieldError(
                    field, _("Name a file uploaded on the Funding Portal (Files for the API).")
                )
            )
            continue
        found.append((row, str(item.get("BusinessUseCase") or "")))
    if errors:
        raise RuleViolation(errors)
    return found


def attach(application: BenefitApplication, files: list[tuple[ApplicationFile, str]]) -> None:
    """Make `files` the application's files (FileDetails replace the list)."""
    keep = [row.pk for row, _use in files]
    application.files.exclude(pk__in=keep).update(application=None)
    for row, use in files:
        row.application = application
        row.business_use_case = use[:255] or row.business_use_case
        row.save(update_fields=["application", "business_use_case"])
