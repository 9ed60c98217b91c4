"""Where a job started through an API reads its file (FileURI, FileUri).

Allyport is self-hosted and has no S3, so a FileURI is one of:

- the URI of a file uploaded on the Bulk page's "Files for the API" section,
  `https://<portal host>/sell/bulk/files/<file id>/<name>`: the portal knows its
  own host names (ALLYPORT_PUBLIC_URL's and ALLOWED_HOSTS) and reads the file
  from the database, with no network; another company's file is not found;
- an https:// URL on a host the operator lists in ALLYPORT_BULK_FETCH_HOSTS,
  fetched with a size cap through the outbound address guard
  (`core.netguard`: only public addresses in production, the connection
  pinned to the address checked, no redirects).

Anything else (s3://, other hosts) is refused with `SourceRefused` naming the
field (a RuleViolation the API answers as a ValidationException).
`read_source` checks the URI when the call is made; `SourceFile.open()` reads it
(the job's worker), raising `SourceProblem` for what only reading can tell.
"""

from __future__ import annotations

import http.client
import io
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO, TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from allyport.core import netguard
from allyport.core.errors import REQUEST, FieldError, RuleViolation
from allyport.jobs.models import BulkFile
from allyport.jobs.storage import Role, open_bytes

if TYPE_CHECKING:
    from allyport.accounts.models import Company

Opener = Callable[[], AbstractContextManager[IO[bytes]]]
_READ_SIZE = 64 * 1024


class SourceProblem(Exception):
    """The file could not be read (gone, unreachable, too large); for people."""


@dataclass(frozen=True)
class SourceFile:
    """A job's input: its name and a way to read its bytes as a stream (a part or a
    network read at a time, never the whole file in memory)."""

    name: str
    uri: str
    opener: Opener

    def open(self) -> AbstractContextManager[IO[bytes]]:
        return self.opener()


def max_bytes() -> int:
    """The bulk pages' upload limit applies to API files too (default 100 MB)."""
    return int(getattr(settings, "ALLYPORT_BULK_MAX_UPLOAD_MB", 100)) * 1024 * 1024


def accepted() -> str:
    hosts = ", ".join(settings.ALLYPORT_BULK_FETCH_HOSTS) or _("none configured")
    return _(
        "Give the URI of a file uploaded on the Bulk page (Files for the API), or an "
        "https:// URL on a host listed in ALLYPORT_BULK_FETCH_HOSTS (%(hosts)s)."
    ) % {"hosts": hosts}


class SourceRefused(RuleViolation):
    """The URI names no file Allyport can read; its message is the field's alone."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__([FieldError(field, message)], REQUEST)

    @property
    def message(self) -> str:
        return self.errors[0].message


def _refuse(field: str, message: str) -> SourceRefused:
    return SourceRefused(field, message)


def portal_hosts() -> set[str]:
    hosts = {(urlsplit(settings.ALLYPORT_PUBLIC_URL).hostname or "").lower()}
    hosts.update(h.lower() for h in settings.ALLOWED_HOSTS if h and h[0] not in ".*")
    hosts.discard("")
    return hosts


def read_source(company: Company, uri: str, *, field: str) -> SourceFile:
    """The file `uri` names, for `company`; SourceRefused naming `field` otherwise."""
    try:
        parts = urlsplit(uri)
        host = (parts.hostname or "").rstrip(".").lower()
        parts.port  # noqa: B018 - raises for a port that is not a number
    except ValueError:  # a broken [IPv6] literal or port
        parts, host = None, ""
    if parts is None or parts.scheme != "https" or not host:
        raise _refuse(field, _("%(field)s is not a URI Allyport can read. ") % {"field": field}
                      + accepted())  # fmt: skip
    if parts.username or parts.password:
        raise _refuse(field, _("Leave the user name and password out of the URL."))
    listed = host in {h.lower() for h in settings.ALLYPORT_BULK_FETCH_HOSTS}
    file_id = _file_id(parts.path) if host in portal_hosts() else None
    if file_id is not None:
        return _portal_file(company, file_id, uri, field)
    if host in portal_hosts() and not listed:
        raise _refuse(field, _("This portal address is not a file of the Bulk page. ") + accepted())
    if listed:
        name = PurePosixPath(unquote(parts.path)).name or "file.csv"
        return SourceFile(name[:255], uri, lambda: _fetch(uri))
    raise _refuse(field, _("The host %(host)s is not one Allyport reads from. ") % {"host": host}
                  + accepted())  # fmt: skip


def _file_id(path: str) -> str | None:
    """The file id of a portal path of the Bulk page's files, else None."""
    try:
        match = resolve(unquote(path))
    except Resolver404:
        return None
    return str(match.kwargs["file_id"]) if match.view_name == "bulk:file" else None


def _portal_file(company: Company, file_id: str, uri: str, field: str) -> SourceFile:
    found = BulkFile.objects.filter(company=company, public_id=file_id).first()
    if found is None:  # missing or another company's: the same answer
        raise _refuse(field, _("No file %(id)s was found.") % {"id": file_id})
    return SourceFile(found.name, uri, lambda: _stored(found))


@contextmanager
def _stored(found: BulkFile) -> Iterator[IO[bytes]]:
    if not BulkFile.objects.filter(pk=found.pk).exists():
        raise SourceProblem(_("The file %(id)s was deleted.") % {"id": found.public_id})
    with open_bytes(found, Role.UPLOAD) as stream:
        yield stream


class _Capped(io.RawIOBase):
    """A response body that refuses to grow past the cap while it is read."""

    def __init__(self, response: http.client.HTTPResponse, cap: int) -> None:
        self.response, self.cap, self.size = response, cap, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        count = self.response.readinto(buffer)
        self.size += count
        if self.size > self.cap:
            raise SourceProblem(_("The file is larger than %(mb)s MB.") % {"mb": self.cap >> 20})
        return count


@contextmanager
def _fetch(uri: str) -> Iterator[IO[bytes]]:
    """GET `uri` through the address guard; the body as a capped stream."""
    parts = urlsplit(uri)
    host, cap = parts.hostname or "", max_bytes()
    try:
        port = parts.port or 443
        address = netguard.resolve(host, port)
    except ValueError:
        raise SourceProblem(netguard.not_allowed()) from None
    except (netguard.UnsafeAddress, OSError) as error:
        raise SourceProblem(netguard.failure_message(error)) from None
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    # The guard's own connection: to the checked address, never redirected.
    connection = netguard.connection_to("https", host, port, address)
    try:
        connection.request("GET", target, headers={"User-Agent": "allyport-bulk"})
        response = connection.getresponse()
        if response.status != 200:
            raise SourceProblem(_("Reading the file answered HTTP %(status)s.") % {
                "status": response.status})  # fmt: skip
        length = response.getheader("Content-Length")
        if length and length.isdigit() and int(length) > cap:
            raise SourceProblem(_("The file is larger than %(mb)s MB.") % {"mb": cap >> 20})
        yield io.BufferedReader(_Capped(response, cap), buffer_size=_READ_SIZE)
    except (OSError, http.client.HTTPException) as error:
        raise SourceProblem(netguard.failure_message(error)) from None
    finally:
        connection.close()
