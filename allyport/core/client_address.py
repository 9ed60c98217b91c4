"""The one answer to "which address is this request from?", for limits and audit records.

Behind a TLS proxy every connection comes from the proxy, so the client's address is
taken from `X-Forwarded-For`, but only when the connection comes from a proxy the
operator listed in `ALLYPORT_TRUSTED_PROXIES`: anyone else can write that header.
Each proxy appends the address it was connected from, so the header is read from the
right, skipping the trusted proxies; the first address that is not one of them is the
client. Entries to its left were written by the client and are never believed.

django-ratelimit (`RATELIMIT_IP_META_KEY`) and allauth (the account adapter's
`get_client_ip`) ask this function too.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

_Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _parse(text: str) -> _Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address: _Address) -> bool:
    return any(address in network for network in settings.ALLYPORT_TRUSTED_PROXIES)


def client_ip(request: HttpRequest) -> str:
    peer = request.META.get("REMOTE_ADDR", "") or ""
    address = _parse(peer)
    if address is None or not _trusted(address):
        return peer
    # Several X-Forwarded-For headers arrive joined by commas, in order.
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(hops):
        forwarded = _parse(hop)
        if forwarded is None:
            break  # a malformed entry: nothing to its left can be believed
        address = forwarded
        if not _trusted(address):
            break
    return str(address)
