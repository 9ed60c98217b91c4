"""Files attached to case messages: checked before anything is written, stored on
the configured storage under our own names.

The type is sniffed from the content (`filetype` knows the binary formats; text
is what decodes as UTF-8 without NUL bytes), never taken from the name or the
browser's Content-Type, and must be one of ALLYPORT_SUPPORT_FILE_TYPES. The
uploaded name is kept only for display and the download's filename, reduced to a
safe base name (no directories, no control characters).
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any

import filetype
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from allyport.core.errors import FieldError
from allyport.support.models import Attachment, CaseMessage

TEXT = "text/plain"
FIELD = "attachments"


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content_type: str
    content: bytes


def safe_name(raw: str) -> str:
    """The last path part of an uploaded name, without control characters."""
    base = os.path.basename(raw.replace("\\", "/"))
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    try:
        cleaned = get_valid_filename(base)
    except Exception:  # Django refuses names like "..": ours is then plain "file"
        cleaned = ""
    return cleaned[-200:] or "file"


def sniff(content: bytes) -> str | None:
    kind = filetype.guess(content[:8192])
    if kind is not None:
        return str(kind.mime)
    if b"\x00" in content:
        return None
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return TEXT


def _read(upload: Any, limit: int) -> bytes | None:
    """At most `limit` + 1 bytes: enough to know a file is too large."""
    stream: IO[bytes] = upload
    stream.seek(0)
    return stream.read(limit + 1)


def check_files(uploads: Sequence[Any]) -> tuple[list[CheckedFile], list[FieldError]]:
    """Every upload checked; every refusal named (size, type, how many)."""
    limit = settings.ALLYPORT_SUPPORT_MAX_FILE_BYTES
    allowed = set(settings.ALLYPORT_SUPPORT_FILE_TYPES)
    errors: list[FieldError] = []
    checked: list[CheckedFile] = []
    if len(uploads) > settings.ALLYPORT_SUPPORT_MAX_FILES:
        message = _("Attach at most %(n)s files.") % {"n": settings.ALLYPORT_SUPPORT_MAX_FILES}
        errors.append(FieldError(FIELD, message))
    for upload in uploads:
        name = safe_name(getattr(upload, "name", "") or "")
        content = _read(upload, limit)
        if content is None or len(content) > limit:
            message = _("%(name)s is larger than %(mb)s MB.")
            errors.append(FieldError(FIELD, message % {"name": name, "mb": _mb(limit)}))
            continue
        if not content:
            errors.append(FieldError(FIELD, _("%(name)s is empty.") % {"name": name}))
            continue
        kind = sniff(content)
        if kind is None or kind not in allowed:
            message = _("%(name)s is not a type of file we accept.") % {"name": name}
            errors.append(FieldError(FIELD, message))
            continue
        checked.append(CheckedFile(name, kind, content))
    return checked, errors


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):g}"


def store(message: CaseMessage, files: Sequence[CheckedFile], stored: list[str]) -> None:
    """Save the files of `message`; each stored name is appended to `stored`, so the
    caller can remove them when its transaction fails."""
    for checked in files:
        attachment = Attachment(
            case=message.case,
            message=message,
            name=checked.name,
            content_type=checked.content_type,
            size=len(checked.content),
        )
        attachment.file.save("upload", ContentFile(checked.content), save=False)
        stored.append(str(attachment.file.name))
        attachment.save(force_insert=True)


def remove_stored(names: Sequence[str]) -> None:
    for name in names:
        default_storage.delete(name)
