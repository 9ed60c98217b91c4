"""Checking uploads: size and type are decided here, for staff (admin) and partner
uploads alike, before anything is stored."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import PurePath

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from allyport.content.shared.models import StoredFile
from allyport.core.errors import FieldError, RuleViolation

MiB = 1024 * 1024


@dataclass(frozen=True)
class FileRule:
    """Which extensions (with the type each is served as) and how many bytes."""

    types: dict[str, str]
    max_bytes: int

    def describe(self) -> str:
        return ", ".join(sorted(self.types))


DOCUMENTS = FileRule(
    {
        ".pdf": "application/pdf",
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".txt": "text/plain",
        ".csv": "text/csv",
    },
    10 * MiB,
)
VIDEOS = FileRule({".mp4": "video/mp4", ".webm": "video/webm"}, 50 * MiB)
CAPTIONS = FileRule({".vtt": "text/vtt"}, 512 * 1024)
ASSETS = FileRule(
    {
        **DOCUMENTS.types,
        ".png": "image/png",
        ".jpg": "image/jpeg",
        ".svg": "image/svg+xml",
        ".zip": "application/zip",
    },
    20 * MiB,
)
# Magic numbers of the binary types: a renamed file of another kind is refused.
SIGNATURES = {
    ".pdf": (b"%PDF",),
    ".png": (b"\x89PNG",),
    ".jpg": (b"\xff\xd8\xff",),
    ".zip": (b"PK\x03\x04",),
    ".docx": (b"PK\x03\x04",),
    ".pptx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".webm": (b"\x1a\x45\xdf\xa3",),
    ".vtt": (b"WEBVTT", b"\xef\xbb\xbfWEBVTT"),
}


def _problems(name: str, head: bytes, size: int, rule: FileRule) -> list[str]:
    suffix = PurePath(name).suffix.lower()
    if suffix not in rule.types:
        return [_("Upload one of these file types: %(types)s.") % {"types": rule.describe()}]
    found = []
    if size > rule.max_bytes:
        limit = rule.max_bytes // 1024
        found.append(_("The file is larger than %(limit)s KiB.") % {"limit": limit})
    if size == 0:
        found.append(_("The file is empty."))
    signatures = SIGNATURES.get(suffix)
    if size and signatures and not head.startswith(signatures):
        found.append(_("The file's content is not a %(suffix)s file.") % {"suffix": suffix})
    if suffix == ".mp4" and size and head[4:8] != b"ftyp":
        found.append(_("The file's content is not a %(suffix)s file.") % {"suffix": suffix})
    return found


def check_upload(upload: UploadedFile, rule: FileRule, field: str) -> None:
    """Refuse, naming `field`, a file of another type, too large, or whose content
    does not match its extension."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    problems = _problems(upload.name or "", head, upload.size or 0, rule)
    if problems:
        raise RuleViolation([FieldError(field, message) for message in problems])


def store_upload(upload: UploadedFile, rule: FileRule, field: str) -> StoredFile:
    """A checked upload, saved (in the caller's transaction)."""
    check_upload(upload, rule, field)
    name = PurePath(upload.name or "file").name[-200:]
    suffix = PurePath(name).suffix.lower()
    content_type = (
        rule.types.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"
    )
    upload.seek(0)
    data = upload.read()
    return StoredFile.objects.create(
        name=name, content_type=content_type, size=len(data), data=data
    )
