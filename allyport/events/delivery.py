"""Posting an event to a webhook: the signature, the address guard and the request.

Receivers verify `X-Allyport-Signature: sha256=<hex>`, the HMAC-SHA256 of
"<X-Allyport-Timestamp>.<body>" keyed with the webhook's secret, and should refuse
timestamps more than a few minutes old.

Every address goes through the outbound address guard (`allyport.core.netguard`),
which the bulk file sources use too.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
from dataclasses import dataclass
from urllib.parse import urlsplit

from allyport.core.netguard import (
    UnsafeAddress,
    connection_to,
    failure_message,
    not_allowed,
    resolve,
    url_problem,
)

MAX_ERROR = 500
_READ_LIMIT = 64 * 1024


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


def post(url: str, body: bytes, headers: dict[str, str]) -> Outcome:
    """POST `body`; never raises. 2xx is success; anything else is described in one
    neutral sentence per kind of failure (`netguard.failure_message`)."""
    parts = urlsplit(url)
    if url_problem(url):
        return Outcome(error=not_allowed())
    host = parts.hostname or ""
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = resolve(host, port)
    except ValueError:
        return Outcome(error=not_allowed())
    except (UnsafeAddress, OSError) as exc:
        return Outcome(error=failure_message(exc))
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection = connection_to(parts.scheme, host, port, address)
    try:
        connection.request("POST", target, body=body, headers=headers)
        response = connection.getresponse()
        response.read(_READ_LIMIT)
    except (OSError, http.client.HTTPException, ValueError) as exc:
        return Outcome(error=failure_message(exc))
    finally:
        connection.close()
    if 200 <= response.status < 300:
        return Outcome(status_code=response.status)
    reason = f"HTTP {response.status} {response.reason}".strip()
    return Outcome(status_code=response.status, error=reason[:MAX_ERROR])
