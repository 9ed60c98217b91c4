"""The outbound address guard: which hosts the portal may connect to on a user's behalf
(webhook deliveries, bulk files read from a URL).

With `ALLYPORT_WEBHOOK_ALLOW_PRIVATE` off, as in production, hosts that resolve to
loopback, private, link-local (cloud metadata) or otherwise non-public addresses are
refused. The connection goes to the address that was checked, so a second DNS answer
cannot point it elsewhere, and redirects are never followed.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

TIMEOUT = 5  # seconds, for connecting and for each read


class UnsafeAddress(Exception):
    """The URL may not receive deliveries; the message is shown in the delivery log."""


def is_public(address: str) -> bool:
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
    if host == "localhost" or host.endswith(".localhost") or (literal and not is_public(literal)):
        return _("Enter a public address; private and loopback addresses are not allowed.")
    return None


def resolve(host: str, port: int) -> str:
    """The address to connect to; under the guard every address of the host must be
    public, so a name that mixes public and private answers is refused."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise UnsafeAddress(_("The host name does not resolve."))
    if not settings.ALLYPORT_WEBHOOK_ALLOW_PRIVATE and not all(map(is_public, addresses)):
        raise UnsafeAddress(
            _("The host resolves to a private or loopback address; deliveries are refused.")
        )
    return addresses[0]


def connection_to(scheme: str, host: str, port: int, address: str) -> http.client.HTTPConnection:
    cls = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
    connection = cls(host, port, timeout=TIMEOUT)

    def pinned(_where: Any, timeout: Any = None, source: Any = None) -> socket.socket:
        # Connect to the checked address; Host and TLS (SNI, certificate) keep the name.
        return socket.create_connection((address, port), timeout, source)

    connection._create_connection = pinned  # type: ignore[attr-defined]
    return connection
