"""The outbound address guard: which hosts the portal may connect to on a user's behalf
(webhook deliveries, bulk files read from a URL).

With `ALLYPORT_WEBHOOK_ALLOW_PRIVATE` off, as in production, hosts that resolve to
loopback, private, link-local (cloud metadata) or otherwise non-public addresses are
refused, and so are IPv6 addresses that carry such an IPv4 address inside (NAT64,
6to4, Teredo, IPv4-mapped, -compatible and -translated forms). The connection goes to
the address that was checked, so a second DNS answer cannot point it elsewhere, and
redirects are never followed.

What a failed connection tells the user is one neutral sentence per kind of failure
(`failure_message`), never the system's error text, so deliveries cannot be used to
map which internal hosts and ports answer.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

TIMEOUT = 5  # seconds, for connecting and for each read


# IPv6 prefixes whose last 32 bits are an IPv4 address the traffic ends up at.
_LOW_32_BIT_FORMS = tuple(
    ipaddress.IPv6Network(prefix)
    for prefix in (
        "64:ff9b::/96",  # NAT64, well-known prefix (RFC 6052)
        "::/96",  # IPv4-compatible, deprecated (RFC 4291)
        "::ffff:0:0:0/96",  # IPv4-translated (SIIT, RFC 2765)
    )
)
# Never public, whatever they carry: local-use NAT64 (RFC 8215) and Teredo, whose
# relays reach what they reach.
_REFUSED_V6 = tuple(ipaddress.IPv6Network(p) for p in ("64:ff9b:1::/48", "2001::/32"))


class UnsafeAddress(Exception):
    """The URL may not receive deliveries or be read; `str()` is the neutral message."""


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    if ip.ipv4_mapped is not None:
        return [ip.ipv4_mapped]
    if ip.sixtofour is not None:
        return [ip.sixtofour]
    if any(ip in network for network in _LOW_32_BIT_FORMS):
        return [ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)]
    return []


def _is_global(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return ip.is_global and not ip.is_multicast


def is_public(address: str) -> bool:
    """True for a globally reachable unicast address; an IPv6 form that carries an IPv4
    address is judged by the IPv4 address it leads to."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if any(ip in network for network in _REFUSED_V6):
            return False
        embedded = _embedded_ipv4(ip)
        if embedded:
            return all(map(_is_global, embedded))
    return _is_global(ip)


def not_allowed() -> str:
    return _("The address is not allowed.")


def failure_message(error: BaseException) -> str:
    """The one sentence a user sees for a failed connection, by kind of failure."""
    if isinstance(error, UnsafeAddress):
        return not_allowed()
    if isinstance(error, TimeoutError):
        return _("The request timed out.")
    if isinstance(error, ssl.SSLError):
        return _("The secure connection could not be established.")
    if isinstance(error, http.client.HTTPException):
        return _("The host did not answer with a valid HTTP response.")
    return _("The host could not be reached.")


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
        raise OSError("no address")
    if not settings.ALLYPORT_WEBHOOK_ALLOW_PRIVATE and not all(map(is_public, addresses)):
        raise UnsafeAddress(not_allowed())
    return addresses[0]


def connection_to(scheme: str, host: str, port: int, address: str) -> http.client.HTTPConnection:
    cls = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
    connection = cls(host, port, timeout=TIMEOUT)

    def pinned(_where: Any, timeout: Any = None, source: Any = None) -> socket.socket:
        # Connect to the checked address; Host and TLS (SNI, certificate) keep the name.
        return socket.create_connection((address, port), timeout, source)

    connection._create_connection = pinned  # type: ignore[attr-defined]
    return connection
