"""Limits on what anyone may ask before signing in: registration, security codes and
contact messages.

Counted in the shared cache (Redis when REDIS_URL is set) with django-ratelimit,
per email address and per client address, so neither a flood of codes to one
inbox nor guessing through fresh codes gets far. Sign-in failures are limited
by allauth (ACCOUNT_RATE_LIMITS).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

from allyport.core.client_address import client_ip

TOO_MANY = "too_many"


def limited(request: HttpRequest, action: str, email: str = "") -> bool:
    """Count one attempt at `action`; True when it passes any of the action's limits.
    Keys: the email address, its domain, and the client address."""
    email = email.strip().lower()
    domain = email.rpartition("@")[2] if "@" in email else ""
    keys = {"email": email, "domain": domain, "ip": client_ip(request)}
    over = False
    for key, rate in settings.ALLYPORT_LIMITS[action]:
        if not keys[key]:
            continue
        over |= is_ratelimited(
            request,
            group=f"allyport.{action}.{key}",
            key=lambda _group, _request, value=keys[key]: value,
            rate=rate,
            increment=True,
        )
    return over


def message() -> str:
    return _("Too many attempts. Wait a while and try again.")
