"""Staff in the admin act as operators (standing in for AWS), through the services."""

from __future__ import annotations

from django.http import HttpRequest

from allyport.access import actor as actors
from allyport.access.middleware import client_ip


def staff_actor(request: HttpRequest) -> actors.Actor:
    """Staff act as operators, whatever company their own user may belong to."""
    return actors.Actor.for_staff(
        request.user,  # type: ignore[arg-type]
        client_ip(request),
        request.META.get("HTTP_USER_AGENT", ""),
    )
