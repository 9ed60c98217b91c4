"""Posting an event to a webhook: the signature, the address guard and the request.

Receivers verify `X-Allyport-Signature: sha256=<hex>`, the HMAC-SHA256 of
"<X-Allyport-Timestamp>.<body>" keyed with the webhook's secret, and should refuse
timestamps more than a few minutes old.

The address guard (`ALLYPORT_WEBHOOK_ALLOW_PRIVATE` off, as in production) refuses
hosts that resolve to loopback, private, link-local (cloud metadata) or otherwise
non-public addresses. The connection goes to the address that was checked, so a
second DNS answer cannot point it elsewhere, and redirects are never followed.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import ipaddress
import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

TIMEOUT = 5  # seconds, for connecting and for each read
MAX_ERROR = 500
_READ_LIMIT = 64 * 1024


class UnsafeAddress(Exception):
    """The URL may not receive deliveries; the message is shown in the delivery log."""


@dataclass(frozen=True)
class Outcome:
    status_code: int | None = None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def signature(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _ip_literal(host: str) -> str | None:
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return None


def url_problem(url: str) -> str | None:
    """Why `url` cannot be a webhook's address, checked without DNS (the form);
    deliveries check the resolved addresses again."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return _("Enter an https:// URL.")
    if parts.scheme == "http" and settings.ALLYPORT_WEBHOOK_REQUIRE_HTTPS:
        return _("Enter an https:// URL; plain http is not allowed.")
    if parts.username or parts.password:
        return _("Leave the user name and password out of the URL.")
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        return _("Enter a URL with a host name.")
    if settings.ALLYPORT_WEBHOOK_ALLOW_PRIVATE:
        return None
    literal = _ip_literal(host)
    if host == "localhost" or host.endswith(".localhost") or (literal and not _is_public(literal)):
        return _("Enter a public address; private and loopback addresses are not allowed.")
    return None


def resolve(host: str, port: int) -> str:
    """The address to connect to; under the guard every address of the host must be
    public, so a name that mixes public and private answers is refused."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise UnsafeAddress(_("The host name does not resolve."))
    if not settings.ALLYPORT_WEBHOOK_ALLOW_PRIVATE and not all(map(_is_public, addresses)):
        raise UnsafeAddress(
            _("The host resolves to a private or loopback address; deliveries are refused.")
        )
    return addresses[0]


def _connection(scheme: str, host: str, port: int, address: str) -> http.client.HTTPConnection:
    cls = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
    connection = cls(host, port, timeout=TIMEOUT)

    def pinned(_where: Any, timeout: Any = None, source: Any = None) -> socket.socket:
        # Connect to the checked address; Host and TLS (SNI, certificate) keep the name.
        return socket.create_connection((address, port), timeout, source)

    connection._create_connection = pinned  # type: ignore[attr-defined]
    return connection


def _describe(exc: BaseException) -> str:
    text = str(exc) or exc.__class__.__name__
    return f"{exc.__class__.__name__}: {text}"[:MAX_ERROR]


def post(url: str, body: bytes, headers: dict[str, str]) -> Outcome:
    """POST `body`; never raises. 2xx is success; anything else is described."""
    parts = urlsplit(url)
    problem = url_problem(url)
    if problem:
        return Outcome(error=problem)
    host = parts.hostname or ""
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = resolve(host, port)
    except UnsafeAddress as exc:
        return Outcome(error=str(exc)[:MAX_ERROR])
    except (OSError, ValueError) as exc:
        return Outcome(error=_describe(exc))
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection = _connection(parts.scheme, host, port, address)
    try:
        connection.request("POST", target, body=body, headers=headers)
        response = connection.getresponse()
        response.read(_READ_LIMIT)
    except (OSError, http.client.HTTPException, ValueError) as exc:
        return Outcome(error=_describe(exc))
    finally:
        connection.close()
    if 200 <= response.status < 300:
        return Outcome(status_code=response.status)
    reason = f"HTTP {response.status} {response.reason}".strip()
    return Outcome(status_code=response.status, error=reason[:MAX_ERROR])
